/** @file PSS conformance: every upstream pod-security-admission fixture must get PSA's verdict, exact failed checks and well-formed finding paths. */

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

import {
  ALL_CHECKS,
  type CheckId,
  type PssLevel,
  evaluatePod,
  findingPathProblem,
  overridingCheck,
  resolveVersion,
} from '../../../shared/src/pss';

const EXPECTED_FIXTURE_COUNT = 4537;

function findRepoRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

// The corpus lives beside the repository (../shared/corpus/pss); it is never copied into it.
const repoRoot = findRepoRoot(__dirname);
const CORPUS_DIR = process.env.KUBEGUARD_PSS_CORPUS
  ?? path.resolve(repoRoot ?? path.resolve(__dirname, '../../../..'), '..', 'shared', 'corpus', 'pss');
const corpusPresent = fs.existsSync(CORPUS_DIR);
const SKIP_NOTICE = `corpus not found at ${CORPUS_DIR}: PSS conformance skipped`;
if (!corpusPresent) console.log(SKIP_NOTICE);

interface Fixture {
  readonly level: 'baseline' | 'restricted';
  readonly versionDir: string;
  readonly verdict: 'pass' | 'fail';
  readonly file: string;
  readonly fullPath: string;
}

function listFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const level of ['baseline', 'restricted'] as const) {
    for (const versionDir of fs.readdirSync(path.join(CORPUS_DIR, level)).sort()) {
      assert.match(versionDir, /^v1\.\d+$/, `unexpected folder ${level}/${versionDir}`);
      for (const verdict of ['pass', 'fail'] as const) {
        const dir = path.join(CORPUS_DIR, level, versionDir, verdict);
        for (const file of fs.readdirSync(dir).sort()) {
          assert.match(file, /\.yaml$/, `unexpected file ${dir}/${file}`);
          fixtures.push({ level, versionDir, verdict, file, fullPath: path.join(dir, file) });
        }
      }
    }
  }
  return fixtures;
}

const CHECK_ID_BY_LOWER_NAME = new Map<string, CheckId>(ALL_CHECKS.map((check) => [check.id.toLowerCase(), check.id]));

/** `capabilities_restricted3.yaml` → `capabilities_restricted3` → `capabilities_restricted`. */
function checkNamedBy(file: string): CheckId | undefined {
  const stem = file.replace(/\.yaml$/, '');
  return CHECK_ID_BY_LOWER_NAME.get(stem.replace(/\d+$/, ''));
}

/**
 * Fail fixtures that, besides the check they are named after, necessarily break one more check.
 * Upstream's fixture test only asserts that the named check's message appears; these fixtures
 * cannot avoid the extra failure because the API validation of Pods forces it. Found by running
 * the corpus, then confirmed against the fixture generators.
 */
const CO_VIOLATIONS: readonly {
  readonly stem: RegExp;
  readonly level?: 'restricted';
  readonly fromMinor: number;
  readonly alsoFails: CheckId;
  readonly why: string;
}[] = [
  {
    stem: /^windowshostprocess\d+$/,
    fromMinor: 0,
    alsoFails: 'hostNamespaces',
    why: 'the API only admits HostProcess pods that also set hostNetwork=true',
  },
  {
    stem: /^privileged\d+$/,
    level: 'restricted',
    fromMinor: 8,
    alsoFails: 'allowPrivilegeEscalation',
    why: 'the API rejects allowPrivilegeEscalation=false on a privileged container, so the fixture leaves it unset',
  },
  {
    stem: /^allowprivilegeescalation3$/,
    level: 'restricted',
    fromMinor: 22,
    alsoFails: 'capabilities_restricted',
    why: 'this variant removes the container securityContext entirely, dropping capabilities.drop=["ALL"] with it',
  },
];

/** The exact set of checks a fail fixture must break at its level and version. */
function expectedFailures(fixture: Fixture, coViolationUses: Map<string, number>): { checks: CheckId[]; problem?: string } {
  const named = checkNamedBy(fixture.file);
  if (!named) return { checks: [], problem: `file name names no PSA check: ${fixture.file}` };
  const version = resolveVersion(fixture.versionDir);
  // At restricted, a baseline check may be replaced by its restricted counterpart in this version.
  const primary = fixture.level === 'restricted' ? overridingCheck(named, version) ?? named : named;
  const checks = new Set<CheckId>([primary]);
  const stem = fixture.file.replace(/\.yaml$/, '');
  for (const rule of CO_VIOLATIONS) {
    if (!rule.stem.test(stem) || version.minor < rule.fromMinor) continue;
    if (rule.level && rule.level !== fixture.level) continue;
    checks.add(rule.alsoFails);
    coViolationUses.set(rule.alsoFails, (coViolationUses.get(rule.alsoFails) ?? 0) + 1);
  }
  return { checks: [...checks].sort() };
}

function readPod(fullPath: string): unknown {
  // How the rest of the product reads YAML.
  return parse(fs.readFileSync(fullPath, 'utf8'), { version: '1.1', merge: true });
}

function describe(fixture: Fixture): string {
  return `${fixture.level}/${fixture.versionDir}/${fixture.verdict}/${fixture.file}`;
}

test('PSS conformance against the pod-security-admission fixtures', { skip: corpusPresent ? false : SKIP_NOTICE }, () => {
  const fixtures = listFixtures();
  const mismatches: string[] = [];
  const pathProblems: string[] = [];
  const coViolationUses = new Map<string, number>();
  let passCount = 0;
  let failCount = 0;
  let passAgree = 0;
  let failAgree = 0;
  let findingsChecked = 0;
  let missingFindingsChecked = 0;

  // Path rule (findingPathProblem): a finding's path resolves to the very value it reports; a
  // `missing` finding's path runs through existing maps/lists until some node is absent or null
  // (from there on it can be created; a list index may equal the length, meaning append), and the
  // full path holds no value.
  const checkPaths = (pod: unknown, label: string, level: PssLevel, version: string): void => {
    for (const violation of evaluatePod(pod, level, version).violations) {
      for (const finding of violation.findings) {
        findingsChecked++;
        if (finding.missing) missingFindingsChecked++;
        const problem = findingPathProblem(pod, finding);
        if (problem) pathProblems.push(`${label} @${level}:${version} ${violation.check} ${JSON.stringify(finding.path)}: ${problem}`);
      }
    }
  };

  for (const fixture of fixtures) {
    const pod = readPod(fixture.fullPath);
    const result = evaluatePod(pod, fixture.level, fixture.versionDir);
    const got = result.violations.map((violation) => violation.check).sort();
    if (fixture.verdict === 'pass') {
      passCount++;
      if (result.allowed && got.length === 0) passAgree++;
      else mismatches.push(`${describe(fixture)}: expected allowed, got ${result.violations.map((v) => v.message).join(' | ')}`);
    } else {
      failCount++;
      const expected = expectedFailures(fixture, coViolationUses);
      if (expected.problem) mismatches.push(`${describe(fixture)}: ${expected.problem}`);
      else if (!result.allowed && JSON.stringify(got) === JSON.stringify(expected.checks)) failAgree++;
      else mismatches.push(`${describe(fixture)}: expected [${expected.checks.join(', ')}], got [${got.join(', ')}]`);
    }
    checkPaths(pod, describe(fixture), fixture.level, fixture.versionDir);
    // Restricted at the newest version reports the most required-but-missing fields.
    checkPaths(pod, describe(fixture), 'restricted', 'latest');
  }

  console.log(
    `PSS conformance: ${fixtures.length} files, pass ${passAgree}/${passCount} agree, fail ${failAgree}/${failCount} agree; ` +
      `${findingsChecked} finding paths checked (${missingFindingsChecked} missing-field findings); ` +
      `co-violations used: ${[...coViolationUses].map(([id, n]) => `${id}×${n}`).join(', ')}`,
  );

  assert.equal(fixtures.length, EXPECTED_FIXTURE_COUNT, 'fixture count');
  assert.deepEqual(mismatches.slice(0, 25), [], `${mismatches.length} fixtures disagree with PSA`);
  assert.deepEqual(pathProblems.slice(0, 25), [], `${pathProblems.length} finding paths do not fit their pod`);
  for (const rule of CO_VIOLATIONS) {
    assert.ok((coViolationUses.get(rule.alsoFails) ?? 0) > 0, `co-violation rule for ${rule.alsoFails} never applied (${rule.why})`);
  }
});
