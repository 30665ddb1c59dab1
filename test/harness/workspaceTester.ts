/**
 * @file RuleTester for workspace rules: tables of multi-file fixtures, each file linted and
 * indexed as the editor does, with exact positions per file and the exact text after the fixes.
 * Every case also checks that the fast indexer (files on disk) reads the same facts as the
 * lint result (open files), and that each fix alone removes its finding.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/src/engine/config';
import { lintText, type FileResult, type Finding } from '../../shared/src/engine/lint';
import { formatMessage, type Rule, type Severity } from '../../shared/src/engine/rule';
import { PARSE_OPTIONS } from '../../shared/src/model/parse';
import { factsOf, indexText } from '../../shared/src/workspace/facts';
import { WorkspaceIndex } from '../../shared/src/workspace/index';
import { lintWorkspaceFile, type WorkspaceFix } from '../../shared/src/workspace/lint';
import { applyEdits } from './fixes';

export const ROOT = 'file:///ws/';

export interface ExpectedWorkspaceError {
  file: string;
  messageId: string;
  data?: Record<string, string | number>;
  /** 1-based. */
  line: number;
  column: number;
  severity?: Severity;
}

export interface WorkspaceCase {
  name: string;
  /** Path below the workspace root → text. */
  files: Record<string, string>;
  settings?: Settings;
}

export interface InvalidWorkspaceCase extends WorkspaceCase {
  errors: ExpectedWorkspaceError[];
  /** Files after the first fix of every finding (files not named must be unchanged); null asserts no fix edits any file. */
  output?: Record<string, string> | null;
}

export interface WorkspaceRun {
  readonly index: WorkspaceIndex;
  readonly results: ReadonlyMap<string, FileResult>;
  /** Findings of the rule under test per path, in file order. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
}

/** Lints and indexes every file, then runs the workspace rules on each, as the server does once its scan is done. */
export function lintWorkspace(files: Record<string, string>, ruleId: string, settings: Settings = DEFAULT_SETTINGS): WorkspaceRun {
  const index = new WorkspaceIndex();
  const results = new Map<string, FileResult>();
  for (const [path, text] of Object.entries(files)) {
    const uri = ROOT + path;
    results.set(path, lintText(text, { settings, fileName: `/ws/${path}` }));
    const facts = factsOf(uri, results.get(path)!);
    assert.deepEqual(indexText(uri, text), facts, `${path}: the fast indexer reads different facts than the lint result`);
    index.set(uri, facts);
  }
  const findings = new Map<string, readonly Finding[]>();
  for (const [path, text] of Object.entries(files)) {
    const result = lintWorkspaceFile(index, ROOT + path, { settings, text, source: results.get(path)! });
    assert.deepEqual(result.ruleErrors, [], 'a rule threw');
    findings.set(path, result.findings.filter((f) => f.ruleId === ruleId));
  }
  return { index, results, findings };
}

export function runWorkspaceRuleTests(rule: Rule, cases: { valid: WorkspaceCase[]; invalid: InvalidWorkspaceCase[] }): void {
  const names = new Set<string>();
  const unique = (name: string) => {
    assert.ok(!names.has(name), `duplicate case name ${name}`);
    names.add(name);
    return name;
  };
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(unique(`valid: ${c.name}`), () => {
        const { findings } = lintWorkspace(c.files, rule.meta.id, c.settings);
        assert.deepEqual([...findings].flatMap(([path, list]) => list.map((f) => `${path}: ${f.message}`)), [], 'expected no findings');
      });
    }
    for (const c of cases.invalid) {
      it(unique(`invalid: ${c.name}`), () => {
        const run = lintWorkspace(c.files, rule.meta.id, c.settings);
        const actual = [...run.findings].flatMap(([path, list]) => list.map((finding) => ({ path, finding })));
        assert.equal(actual.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${actual.map((a) => `${a.path}: ${a.finding.message}`).join('\n')}`);
        c.errors.forEach((expected, k) => {
          const { path, finding } = actual[k]!;
          const template = (rule.meta.messages as Record<string, string>)[expected.messageId];
          assert.ok(template, `unknown messageId ${expected.messageId}`);
          const message = formatMessage(template, expected.data);
          assert.ok(!/\{\{/.test(message), `data does not fill every placeholder of ${expected.messageId}`);
          assert.equal(path, expected.file);
          assert.equal(finding.message, message);
          const at = run.results.get(path)!.lines.positionAt(finding.start);
          assert.deepEqual({ line: at.line + 1, column: at.character + 1 }, { line: expected.line, column: expected.column }, 'start');
          if (expected.severity) assert.equal(finding.severity, expected.severity);
        });
        if (c.output === undefined) return;
        const edited = (f: Finding) => f.fixes.filter((fix) => fix.edits.length > 0);
        if (c.output === null) {
          assert.deepEqual(actual.flatMap((a) => edited(a.finding)), [], 'expected no fix that edits a file');
          return;
        }
        for (const [path, text] of Object.entries(c.files)) {
          const edits = (run.findings.get(path) ?? []).flatMap((f) => edited(f)[0]?.edits ?? []);
          assert.equal(applyEdits(text, edits), c.output[path] ?? text, `${path} after the fixes`);
        }
        for (const { path, finding } of actual) for (const fix of finding.fixes) assertFixRemoves(c, rule, path, finding, fix);
      });
    }
  });
}

/** One fix alone: the files still parse, and re-linting the workspace no longer reports the finding. */
function assertFixRemoves(c: InvalidWorkspaceCase, rule: Rule, path: string, finding: Finding, fix: WorkspaceFix): void {
  const files = { ...c.files };
  if (fix.newFile) {
    assert.ok(fix.newFile.uri.startsWith(ROOT), fix.newFile.uri);
    const added = fix.newFile.uri.slice(ROOT.length);
    assert.ok(!(added in files), `fix "${fix.title}" would overwrite ${added}`);
    files[added] = fix.newFile.text;
  } else {
    files[path] = applyEdits(files[path]!, fix.edits);
  }
  for (const [name, text] of Object.entries(files)) {
    const docs = parseAllDocuments(text, PARSE_OPTIONS);
    assert.ok(Array.isArray(docs) && docs.every((d) => d.errors.length === 0), `fix "${fix.title}": ${name} does not parse:\n${text}`);
  }
  const after = lintWorkspace(files, rule.meta.id, c.settings);
  assert.ok(!(after.findings.get(path) ?? []).some((f) => f.message === finding.message), `fix "${fix.title}" did not remove: ${finding.message}\n${files[path]}`);
}
