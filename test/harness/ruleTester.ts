/** @file RuleTester for kubeguard rules: tables of valid and invalid YAML with exact ranges and the exact text after the fix. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/src/engine/config';
import { lintText, type Finding } from '../../shared/src/engine/lint';
import type { Rule, Severity } from '../../shared/src/engine/rule';
import { formatMessage } from '../../shared/src/engine/rule';
import { allRules } from '../../shared/src/rules';
import { applyEdits, applyFirstFixes, fixProblems } from './fixes';

export interface ExpectedError {
  messageId: string;
  data?: Record<string, string | number>;
  /** 1-based, like an editor shows them. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
}

export interface ValidCase {
  name?: string;
  code: string;
  settings?: Settings;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The text after applying the first fix of every finding; null asserts there is no fix. */
  output?: string | null;
}

function lint(rule: Rule, code: string, settings: Settings | undefined): { findings: readonly Finding[]; position: (offset: number) => { line: number; column: number } } {
  // All rules run, as in the product: a rule may step aside for a broader one that is on.
  const rules = allRules.includes(rule) ? allRules : [...allRules, rule];
  const result = lintText(code, { settings: settings ?? DEFAULT_SETTINGS, rules });
  assert.deepEqual(result.ruleErrors, [], 'the rule threw');
  return {
    findings: result.findings.filter((f) => f.ruleId === rule.meta.id),
    position: (offset) => {
      const p = result.lines.positionAt(offset);
      return { line: p.line + 1, column: p.character + 1 };
    },
  };
}

export function runRuleTests(rule: Rule, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  const names = new Set<string>();
  describe(rule.meta.id, () => {
    cases.valid.forEach((c, i) => {
      const test = typeof c === 'string' ? { code: c } : c;
      const name = `valid: ${test.name ?? `#${i + 1}`}`;
      assert.ok(!names.has(name), `duplicate case name ${name}`);
      names.add(name);
      it(name, () => {
        const { findings } = lint(rule, test.code, test.settings);
        assert.deepEqual(findings.map((f) => f.message), [], 'expected no findings');
      });
    });
    cases.invalid.forEach((c, i) => {
      const name = `invalid: ${c.name ?? `#${i + 1}`}`;
      assert.ok(!names.has(name), `duplicate case name ${name}`);
      names.add(name);
      it(name, () => {
        const { findings, position } = lint(rule, c.code, c.settings);
        assert.equal(findings.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${findings.map((f) => f.message).join('\n')}`);
        c.errors.forEach((expected, k) => {
          const actual = findings[k]!;
          const template = (rule.meta.messages as Record<string, string>)[expected.messageId];
          assert.ok(template, `unknown messageId ${expected.messageId}`);
          const message = formatMessage(template, expected.data);
          assert.ok(!/\{\{/.test(message), `data does not fill every placeholder of ${expected.messageId}`);
          assert.equal(actual.message, message);
          const start = position(actual.start);
          const end = position(actual.end);
          assert.deepEqual({ line: start.line, column: start.column }, { line: expected.line, column: expected.column }, 'start');
          if (expected.endLine !== undefined) assert.deepEqual({ line: end.line, column: end.column }, { line: expected.endLine, column: expected.endColumn }, 'end');
          if (expected.severity) assert.equal(actual.severity, expected.severity);
        });
        if (c.output === undefined) return;
        if (c.output === null) {
          assert.deepEqual(findings.flatMap((f) => f.fixes), [], 'expected no fix');
          return;
        }
        const output = applyFirstFixes(c.code, findings);
        assert.notEqual(output, c.code, 'a fix was expected');
        assert.equal(output, c.output);
        // Each fix alone: sound output, and its own finding is gone.
        for (const finding of findings) {
          for (const fix of finding.fixes) {
            const fixed = applyEdits(c.code, fix.edits);
            assert.deepEqual(fixProblems(c.code, fixed, fix.edits), [], `fix "${fix.title}"`);
            const after = lint(rule, fixed, c.settings).findings;
            assert.ok(!after.some((f) => f.message === finding.message), `fix "${fix.title}" did not remove: ${finding.message}`);
          }
        }
      });
    });
  });
}
