/** @file `kubeguard scan <corpus/real> --format sarif` over real-world manifests: schema-valid, every result with a real region. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../harness/cli';
import { corpusDir } from '../harness/corpus';
import { sarifSchemaErrors } from '../harness/sarif';

test('the SARIF of the real-world corpus validates against the SARIF 2.1.0 schema', (t) => {
  const real = corpusDir('real');
  if (!real) return t.skip('corpus not found');
  // Run from the corpus folder's parent, as CI runs from the repository root: URIs are then real/<file>.
  const run = runCli(['scan', path.basename(real), '--format', 'sarif'], path.dirname(real));
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  const log = JSON.parse(run.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<Record<string, any>> }> };
  assert.deepEqual(sarifSchemaErrors(log).slice(0, 20), []);
  const { results, tool } = log.runs[0]!;
  assert.ok(results.length > 0, 'the corpus has findings');
  for (const result of results) {
    const location = result.locations[0].physicalLocation;
    assert.ok(location.region.startLine > 0, `${result.ruleId} in ${location.artifactLocation.uri}: startLine ${location.region.startLine}`);
    assert.ok(location.region.startColumn > 0);
    assert.match(location.artifactLocation.uri, /^real\//);
    assert.equal(tool.driver.rules[result.ruleIndex]!.id, result.ruleId);
  }
  console.log(`notice: corpus/real: ${results.length} SARIF results over ${new Set(results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri)).size} files validate against the SARIF 2.1.0 schema.`);
});
