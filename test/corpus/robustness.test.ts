/**
 * @file Hostile and half-valid input through the engine: YAML torture cases, alias bombs, Helm
 * templates. No exception, no hang, no syntax noise for Helm, nothing at all for non-Kubernetes YAML.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../shared/src/engine/config';
import { HELM_RULE_ID, lintText, SYNTAX_RULE_ID } from '../../shared/src/engine/lint';
import { corpusDir, filesUnder } from '../harness/corpus';

/** Far above any real file's lint time: only a runaway loop or expansion gets near it. */
const HANG_MS = 5000;

for (const sub of ['nasty', 'helm']) {
  test(`corpus/${sub}: no crash, no hang`, (t) => {
    const dir = corpusDir(sub);
    if (!dir) return t.skip('corpus absent');
    let slowest = { ms: 0, file: '' };
    let files = 0;
    for (const file of filesUnder(dir, /./)) {
      const text = readFileSync(file, 'utf8');
      const started = performance.now();
      const result = lintText(text, { settings: DEFAULT_SETTINGS, fileName: file });
      const ms = performance.now() - started;
      files++;
      if (ms > slowest.ms) slowest = { ms, file: relative(dir, file) };
      assert.ok(ms < HANG_MS, `${file} took ${ms.toFixed(0)} ms`);
      assert.deepEqual(result.ruleErrors, [], file);
      if (sub === 'helm') {
        const syntaxErrors = result.findings.filter((f) => f.ruleId === SYNTAX_RULE_ID && f.severity === 'error');
        assert.deepEqual(syntaxErrors.map((f) => f.message), [], `${file}: Helm templates get no syntax errors`);
      }
      if (!/^\s*(?:apiVersion|kind)\s*:/m.test(text) && !/"(?:apiVersion|kind)"\s*:/.test(text)) {
        assert.deepEqual(result.findings.map((f) => f.ruleId), [], `${file} is not Kubernetes and gets nothing`);
      }
    }
    console.log(`corpus/${sub}: ${files} files linted, slowest ${slowest.file} ${slowest.ms.toFixed(1)} ms`);
  });
}

test('corpus/helm: templates are recognised and explained once per file', (t) => {
  const dir = corpusDir('helm');
  if (!dir) return t.skip('corpus absent');
  const templates = filesUnder(dir).filter((f) => /[\\/]templates[\\/]/.test(f));
  let explained = 0;
  for (const file of templates) {
    const findings = lintText(readFileSync(file, 'utf8'), { settings: DEFAULT_SETTINGS, fileName: file }).findings;
    const notes = findings.filter((f) => f.ruleId === HELM_RULE_ID);
    assert.ok(notes.length <= 1, file);
    explained += notes.length;
  }
  console.log(`corpus/helm: ${templates.length} templates, ${explained} with a "skipped until rendered" note`);
  assert.ok(explained > 0);
});
