/** @file `kubeguard scan --format sarif`: schema-valid SARIF 2.1.0 with rule help, real regions and line-independent fingerprints. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TempWorkspace } from '../harness/cli';
import { sarifSchemaErrors } from '../harness/sarif';
import { yaml } from '../harness/yaml';

type Json = any;

const PRIVILEGED = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: scratch
  spec:
    containers:
      - name: app
        image: nginx:1.27
        securityContext:
          privileged: true
`;

const BROKEN = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n';
const BAD_SUPPRESSION = PRIVILEGED.replace(/^( *)securityContext:/m, '$1# kubeguard-disable-next-line no-such-rule -- testing\n$1securityContext:');

const PSEUDO_IDS = ['yaml-syntax', 'helm-template', 'analysis-limit', 'suppression'];

describe('--format sarif', () => {
  const ws = new TempWorkspace();
  let log: Json;

  before(() => {
    ws.write('privileged.yaml', PRIVILEGED);
    ws.write('deploy/nested dir/web.yml', PRIVILEGED.replace('scratch', 'web'));
    ws.write('broken.yaml', BROKEN);
    ws.write('suppressed.yaml', BAD_SUPPRESSION);
    const run = ws.cli(['scan', '.', '--format', 'sarif']);
    assert.equal(run.status, 1, run.stderr);
    log = JSON.parse(run.stdout);
  });
  after(() => ws.dispose());

  test('validates against the SARIF 2.1.0 JSON schema', () => {
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
    assert.equal(log.runs.length, 1);
  });

  test('the schema check is live: it rejects a broken log', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    delete broken.runs[0].tool.driver.name;
    const errors = sarifSchemaErrors(broken);
    assert.ok(errors.some((e) => e.includes('/level')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('/startLine')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('/driver')), errors.join('\n'));
  });

  test('the driver describes every rule, pseudo-rules included, from the rule docs', () => {
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'kubeguard');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri, /^https:\/\//);
    const ids: string[] = driver.rules.map((r: Json) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
    for (const id of [...PSEUDO_IDS, 'privileged-container', 'allow-privilege-escalation']) assert.ok(ids.includes(id), id);
    const severities: Record<string, string> = { error: '9.0', warning: '6.0', note: '3.0' };
    for (const rule of driver.rules) {
      assert.ok(rule.name && rule.shortDescription.text && rule.fullDescription.text, rule.id);
      assert.ok(rule.help.text.length > 40 && rule.help.markdown.includes('## Why it matters'), rule.id);
      assert.match(rule.helpUri, /^https?:\/\//, rule.id);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
      assert.ok(rule.properties.tags.includes('security'), rule.id);
      assert.ok(['very-high', 'high', 'medium'].includes(rule.properties.precision), rule.id);
      const expected = severities[rule.defaultConfiguration.level];
      // info and hint are both "note"; hint ranks below info.
      assert.ok(rule.properties['security-severity'] === expected || (rule.defaultConfiguration.level === 'note' && rule.properties['security-severity'] === '1.0'), rule.id);
    }
    const privileged = driver.rules.find((r: Json) => r.id === 'privileged-container');
    assert.equal(privileged.defaultConfiguration.level, 'error');
    assert.equal(privileged.properties['security-severity'], '9.0');
    assert.equal(privileged.name, 'PrivilegedContainer');
    assert.match(privileged.help.markdown, /privileged: false/);
  });

  test('results: rule index, level, message, a 1-based region and a URI relative to the scan root', () => {
    const { results, tool, originalUriBaseIds } = log.runs[0];
    assert.match(originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    assert.ok(results.length > 4);
    for (const result of results) {
      assert.equal(tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.ok(result.message.text.length > 0);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(!artifactLocation.uri.startsWith('/') && !artifactLocation.uri.startsWith('.'), artifactLocation.uri);
      assert.ok(region.startLine > 0 && region.startColumn > 0 && region.endLine >= region.startLine && region.endColumn > 0, JSON.stringify(region));
    }
    const privileged = results.find((r: Json) => r.ruleId === 'privileged-container' && r.locations[0].physicalLocation.artifactLocation.uri === 'privileged.yaml');
    assert.equal(privileged.level, 'error');
    assert.deepEqual(privileged.locations[0].physicalLocation.region, { startLine: 10, startColumn: 21, endLine: 10, endColumn: 25 });
    assert.deepEqual(privileged.locations[0].logicalLocations, [{ fullyQualifiedName: 'Pod/scratch', kind: 'resource' }]);
    const uris = new Set(results.map((r: Json) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('deploy/nested%20dir/web.yml'), [...uris].join(', '));
  });

  test('pseudo-rule findings (YAML syntax, suppression comments) are results of their driver rules', () => {
    const results: Json[] = log.runs[0].results;
    const syntax = results.find((r) => r.ruleId === 'yaml-syntax');
    assert.ok(syntax, 'a yaml-syntax result');
    assert.equal(syntax.locations[0].physicalLocation.artifactLocation.uri, 'broken.yaml');
    assert.equal(syntax.level, 'error');
    const suppression = results.find((r) => r.ruleId === 'suppression');
    assert.ok(suppression, 'a suppression result');
    assert.equal(suppression.locations[0].physicalLocation.artifactLocation.uri, 'suppressed.yaml');
  });

  test('partialFingerprints do not change when lines are added above a finding', () => {
    const moved = new TempWorkspace();
    try {
      moved.write('privileged.yaml', PRIVILEGED);
      const fingerprints = () => {
        const results: Json[] = JSON.parse(moved.cli(['scan', 'privileged.yaml', '--format', 'sarif']).stdout).runs[0].results;
        return new Map(results.map((r) => [r.partialFingerprints['kubeguardFindingHash/v1'], r.locations[0].physicalLocation.region.startLine]));
      };
      const firstRun = fingerprints();
      moved.write('privileged.yaml', '# owned by the platform team\n# reviewed 2026-01-01\n\n' + PRIVILEGED);
      const secondRun = fingerprints();
      assert.deepEqual([...secondRun.keys()].sort(), [...firstRun.keys()].sort());
      for (const [fingerprint, line] of firstRun) assert.equal(secondRun.get(fingerprint), line + 3);
      for (const fingerprint of firstRun.keys()) assert.match(fingerprint, /^[0-9a-f]{32}:\d+$/);
    } finally {
      moved.dispose();
    }
  });

  test('standard input is located at --stdin-filename, and a baseline marks results as new', () => {
    ws.write('empty-baseline.json', JSON.stringify({ kubeguardBaseline: 1, findings: [] }));
    const run = ws.cli(['scan', '-', '--stdin-filename', 'k8s/pod.yaml', '--format', 'sarif', '--baseline', 'empty-baseline.json'], PRIVILEGED);
    assert.equal(run.status, 1, run.stderr);
    const stdinLog = JSON.parse(run.stdout);
    assert.deepEqual(sarifSchemaErrors(stdinLog), []);
    for (const result of stdinLog.runs[0].results) {
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'k8s/pod.yaml');
      assert.equal(result.baselineState, 'new');
    }
  });
});
