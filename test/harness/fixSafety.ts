/**
 * @file Every fix the engine offers on real manifests, applied alone: the text re-parses, keeps
 * every comment outside the edit, loses the fixed finding and gains no error.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../shared/src/engine/config';
import { LintCache, lintText, suppressionFix, type Finding } from '../../shared/src/engine/lint';
import { corpusDir, filesUnder } from './corpus';
import { applyEdits, fixProblems } from './fixes';

const key = (f: Finding) => `${f.ruleId}\u0000${f.message}`;

function counts(findings: readonly Finding[], filter: (f: Finding) => boolean = () => true): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) if (filter(f)) out.set(key(f), (out.get(key(f)) ?? 0) + 1);
  return out;
}

/**
 * Checks every fix over one corpus folder. The generic suppression fix (one comment line above the
 * finding, the same for every rule) is checked where `withSuppressions` is set: real and peers
 * hold thousands of them, and repeating it over the 4,537 near-identical PSS fixtures would double
 * the run for no new coverage.
 */
export function checkFixesOver(sub: string, withSuppressions: boolean): void {
  test(`every fix is sound over corpus/${sub}`, (t) => {
    const dir = corpusDir(sub);
    if (!dir) return t.skip('corpus absent');
    let fixesChecked = 0;
    let files = 0;
    const failures: string[] = [];
    for (const file of filesUnder(dir)) {
      const text = readFileSync(file, 'utf8');
      const cache = new LintCache();
      const before = lintText(text, { settings: DEFAULT_SETTINGS, cache, fileName: file });
      files++;
      const beforeCounts = counts(before.findings);
      const beforeErrors = counts(before.findings, (f) => f.severity === 'error');
      for (const finding of before.findings) {
        const suppression = withSuppressions ? suppressionFix(text, before.lines, finding) : undefined;
        for (const fix of suppression ? [...finding.fixes, suppression] : finding.fixes) {
          fixesChecked++;
          const where = `${relative(dir, file)}: ${finding.ruleId} "${fix.title}" at ${before.lines.positionAt(finding.start).line + 1}`;
          const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
          if (sorted.some((e, i) => i > 0 && e.start < sorted[i - 1]!.end)) failures.push(`${where}: overlapping edits`);
          const fixed = applyEdits(text, fix.edits);
          for (const p of fixProblems(text, fixed, fix.edits)) failures.push(`${where}: ${p}`);
          const after = lintText(fixed, { settings: DEFAULT_SETTINGS, cache, fileName: file });
          const afterCounts = counts(after.findings);
          if ((afterCounts.get(key(finding)) ?? 0) >= (beforeCounts.get(key(finding)) ?? 0)) failures.push(`${where}: finding not removed`);
          for (const [k, n] of counts(after.findings, (f) => f.severity === 'error')) {
            if (n > (beforeErrors.get(k) ?? 0)) failures.push(`${where}: new error ${k.replace('\u0000', ': ')}`);
          }
        }
      }
    }
    console.log(`corpus/${sub}: ${files} files, ${fixesChecked} fixes applied one at a time, ${failures.length} failures`);
    assert.deepEqual(failures.slice(0, 20), []);
    // Torture cases and Helm templates hold no lintable workloads; the others must offer fixes.
    if (sub !== 'helm' && sub !== 'nasty') assert.ok(fixesChecked > 0, 'the corpus should offer fixes');
  });
}
