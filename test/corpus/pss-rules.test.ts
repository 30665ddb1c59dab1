/**
 * @file The editor rules against the pod-security-admission fixtures: run at each fixture's level
 * and version, the PSS-mapped rules together report exactly the checks PSA fails (the named one,
 * or the restricted check that replaces it), each through a rule mapped to that check, and nothing
 * on the pass fixtures. The latest fixtures are also wrapped in a Deployment and a CronJob to prove
 * the paths map through pod templates.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse, stringify } from 'yaml';
import { normalizeSettings } from '../../shared/src/engine/config';
import { lintText, type Finding } from '../../shared/src/engine/lint';
import { ALL_CHECKS, evaluatePod, overridingCheck, resolveVersion, type CheckId } from '../../shared/src/pss';
import { allRules } from '../../shared/src/rules';
import { corpusDir } from '../harness/corpus';

/** Check id → the rules that report it, from the rules' own metadata. */
const RULES_BY_CHECK = new Map<string, Set<string>>();
for (const rule of allRules) for (const check of rule.meta.pssChecks ?? []) RULES_BY_CHECK.set(check, (RULES_BY_CHECK.get(check) ?? new Set()).add(rule.meta.id));
/** missing-security-context stands in for these on a container with no securityContext anywhere. */
const COVERED_BY_MISSING_CONTEXT = new Set<string>(['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
const CHECK_BY_LOWER = new Map<string, CheckId>(ALL_CHECKS.map((c) => [c.id.toLowerCase(), c.id]));

interface Outcome {
  readonly problems: string[];
  readonly reported: Set<string>;
}

/** What the rules report for one manifest, and how that differs from the evaluator's verdict. */
function compare(text: string, pod: unknown, level: 'baseline' | 'restricted', version: string, label: string): Outcome {
  const settings = normalizeSettings({ podSecurity: { level, version } });
  const result = lintText(text, { settings });
  const problems: string[] = [];
  if (result.ruleErrors.length) problems.push(`${label}: rule errors ${result.ruleErrors.join('; ')}`);
  const tagged = result.findings.filter((f): f is Finding & { pssCheck: string } => f.pssCheck !== undefined);
  // The default policy reports what fails baseline as a baseline violation (an error) even when the
  // configured level is restricted, where PSA names the restricted check that replaces it.
  const atLevel = (check: string) => (level === 'restricted' ? overridingCheck(check as CheckId, resolveVersion(version)) ?? check : check);
  const reported = new Set(tagged.map((f) => atLevel(f.pssCheck)));
  for (const f of tagged) {
    if (!RULES_BY_CHECK.get(f.pssCheck)?.has(f.ruleId)) problems.push(`${label}: ${f.ruleId} reported ${f.pssCheck}, which it does not map`);
    if (f.severity !== 'error' && f.severity !== 'warning') problems.push(`${label}: ${f.ruleId} reported ${f.pssCheck} as ${f.severity}`);
  }
  const standIn = result.findings.some((f) => f.ruleId === 'missing-security-context');
  const expected = new Set<string>(evaluatePod(pod, level, version).violations.map((v) => v.check));
  for (const check of expected) {
    if (!reported.has(check) && !(standIn && COVERED_BY_MISSING_CONTEXT.has(check))) problems.push(`${label}: PSA fails ${check}, no rule reported it`);
  }
  for (const check of reported) if (!expected.has(check)) problems.push(`${label}: rules reported ${check}, PSA does not fail it`);
  return { problems, reported };
}

function wrap(pod: Record<string, unknown>, kind: 'Deployment' | 'CronJob'): string {
  const template = { metadata: { ...(pod.metadata as object), name: undefined }, spec: pod.spec };
  const object = kind === 'Deployment'
    ? { apiVersion: 'apps/v1', kind, metadata: { name: 'wrapped' }, spec: { selector: { matchLabels: { app: 'x' } }, template } }
    : { apiVersion: 'batch/v1', kind, metadata: { name: 'wrapped' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } } };
  return stringify(object);
}

test('PSS-mapped editor rules agree with the pod-security-admission fixtures', (t) => {
  const dir = corpusDir('pss');
  if (!dir) return t.skip('corpus absent');
  const problems: string[] = [];
  let files = 0;
  let failFiles = 0;
  let namedReported = 0;
  let wrapped = 0;
  for (const level of ['baseline', 'restricted'] as const) {
    for (const version of readdirSync(join(dir, level)).sort()) {
      for (const verdict of ['pass', 'fail'] as const) {
        for (const file of readdirSync(join(dir, level, version, verdict)).sort()) {
          const text = readFileSync(join(dir, level, version, verdict, file), 'utf8');
          const pod = parse(text, { version: '1.1', merge: true }) as Record<string, unknown>;
          const label = `${level}/${version}/${verdict}/${file}`;
          files++;
          const outcome = compare(text, pod, level, version, label);
          problems.push(...outcome.problems);
          if (verdict === 'pass') {
            if (outcome.reported.size) problems.push(`${label}: pass fixture, rules reported ${[...outcome.reported].join(', ')}`);
          } else {
            failFiles++;
            const named = CHECK_BY_LOWER.get(file.replace(/\d*\.yaml$/, ''));
            const primary = named && level === 'restricted' ? overridingCheck(named, resolveVersion(version)) ?? named : named;
            if (primary && outcome.reported.has(primary)) namedReported++;
            else if (primary && COVERED_BY_MISSING_CONTEXT.has(primary)) namedReported++;
            else problems.push(`${label}: the named check ${primary ?? '?'} was not reported (got ${[...outcome.reported].join(', ')})`);
          }
          if (version === 'v1.37') {
            for (const kind of ['Deployment', 'CronJob'] as const) {
              const wrappedText = wrap(pod, kind);
              const again = compare(wrappedText, pod, level, version, `${label} as ${kind}`);
              problems.push(...again.problems);
              if ([...again.reported].sort().join() !== [...outcome.reported].sort().join()) problems.push(`${label} as ${kind}: reported ${[...again.reported].join(', ')} instead of ${[...outcome.reported].join(', ')}`);
              wrapped++;
            }
          }
        }
      }
    }
  }
  console.log(`PSS rules over the corpus: ${files} fixtures (${failFiles} fail), named check reported on ${namedReported}/${failFiles}; ${wrapped} wrapped in Deployment/CronJob; ${problems.length} problems`);
  if (process.env.KG_DUMP) for (const p of problems) console.log(p);
  assert.deepEqual(problems.slice(0, 20), []);
});
