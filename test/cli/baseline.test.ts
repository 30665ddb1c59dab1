/** @file Baselines: record today's findings, then fail only on new ones; entries for fixed findings are counted as stale. */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { runCli, TempWorkspace } from '../harness/cli';
import { yaml } from '../harness/yaml';

const LEGACY = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: legacy
  spec:
    template:
      spec:
        containers:
          - name: app
            image: nginx:1.27
            securityContext:
              privileged: true
`;

const OTHER = LEGACY.replace('name: legacy', 'name: other').replace('privileged: true', 'privileged: false');

interface Baseline {
  kubeguardBaseline: number;
  findings: Array<{ fingerprint: string; file: string; ruleId: string; object: string; message: string }>;
}

describe('--write-baseline and --baseline', () => {
  let ws: TempWorkspace;
  beforeEach(() => {
    ws = new TempWorkspace();
    ws.write('k8s/legacy.yaml', LEGACY);
    ws.write('k8s/other.yaml', OTHER);
  });
  afterEach(() => ws.dispose());

  test('round trip: a scan with the baseline just written reports nothing and passes', () => {
    assert.equal(ws.cli(['scan', 'k8s']).status, 1, 'the legacy repository fails without a baseline');
    const written = ws.cli(['scan', 'k8s', '--write-baseline', 'kubeguard-baseline.json']);
    assert.equal(written.status, 0, written.stderr);
    assert.equal(written.stdout, '');
    const baseline = JSON.parse(ws.read('kubeguard-baseline.json')) as Baseline;
    assert.equal(baseline.kubeguardBaseline, 1);
    assert.match(written.stderr, new RegExp(`wrote ${baseline.findings.length} findings to kubeguard-baseline\\.json`));
    assert.ok(baseline.findings.some((f) => f.ruleId === 'privileged-container' && f.file === 'k8s/legacy.yaml' && f.object === 'Deployment/legacy'));
    for (const entry of baseline.findings) {
      assert.match(entry.fingerprint, /^[0-9a-f]{32}$/);
      assert.ok(!('line' in entry), 'no line numbers');
    }
    const scan = ws.cli(['scan', 'k8s', '--baseline', 'kubeguard-baseline.json']);
    assert.equal(scan.status, 0, scan.stdout);
    assert.equal(scan.stdout, `No problems found (2 files scanned).\nBaseline kubeguard-baseline.json: ${baseline.findings.length} known findings not shown.\n`);
    const json = ws.cli(['scan', 'k8s', '--baseline', 'kubeguard-baseline.json', '--format', 'json']);
    assert.deepEqual(JSON.parse(json.stdout), []);
  });

  test('a new problem is the only one reported, even after lines moved', () => {
    ws.cli(['scan', 'k8s', '--write-baseline', 'kubeguard-baseline.json']);
    // Comments above shift every line; a new container brings a new problem.
    const item = /^( *)- name: app/m.exec(LEGACY)![1]!;
    const debug = [`${item}- name: debug`, `${item}  image: busybox:1.36`, `${item}  securityContext:`, `${item}    privileged: true`, ''].join('\n');
    const edited = '# legacy service, owned by team a\n# do not edit by hand\n' + LEGACY + debug;
    ws.write('k8s/legacy.yaml', edited);
    const scan = ws.cli(['scan', 'k8s', '--baseline', 'kubeguard-baseline.json', '--format', 'json']);
    assert.equal(scan.status, 1);
    const problems = JSON.parse(scan.stdout) as Array<{ ruleId: string; message: string; file: string }>;
    assert.ok(problems.length > 0);
    assert.ok(problems.every((p) => p.message.includes('"debug"')), problems.map((p) => p.message).join('\n'));
    assert.ok(problems.some((p) => p.ruleId === 'privileged-container'));
  });

  test('entries of fixed findings are counted as stale and mentioned in the summary', () => {
    ws.cli(['scan', 'k8s', '--write-baseline', 'kubeguard-baseline.json']);
    ws.write('k8s/legacy.yaml', LEGACY.replace('privileged: true', 'privileged: false'));
    const scan = ws.cli(['scan', 'k8s', '--baseline', 'kubeguard-baseline.json']);
    assert.equal(scan.status, 0, scan.stdout);
    assert.match(scan.stdout, /Baseline kubeguard-baseline\.json: \d+ known findings not shown\. 1 recorded finding no longer found \(fixed or changed\): refresh the baseline with --write-baseline kubeguard-baseline\.json\./);
    // Scanning one file does not call the other file's entries stale.
    const single = ws.cli(['scan', 'k8s/other.yaml', '--baseline', 'kubeguard-baseline.json']);
    assert.doesNotMatch(single.stdout, /no longer found/);
    // A deleted file's entries are stale.
    rmSync(path.join(ws.dir, 'k8s', 'legacy.yaml'));
    const sarif = ws.cli(['scan', 'k8s', '--baseline', 'kubeguard-baseline.json', '--format', 'sarif']);
    assert.match(sarif.stderr, /kubeguard: Baseline kubeguard-baseline\.json: .* recorded findings no longer found/);
  });

  test('paths are relative to the baseline file, so it works from another working directory', () => {
    ws.cli(['scan', 'k8s', '--write-baseline', 'kubeguard-baseline.json']);
    const fromK8s = runCli(['scan', '.', '--baseline', '../kubeguard-baseline.json'], path.join(ws.dir, 'k8s'));
    assert.equal(fromK8s.status, 0, fromK8s.stdout);
    assert.match(fromK8s.stdout, /^No problems found/);
  });

  test('a missing or malformed baseline is exit 2 with the reason, not a silent pass', () => {
    const missing = ws.cli(['scan', 'k8s', '--baseline', 'nope.json']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot use the baseline: no such file: nope\.json/);
    ws.write('bad.json', '{"findings": 3}');
    const bad = ws.cli(['scan', 'k8s', '--baseline', 'bad.json']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /bad\.json is not a kubeguard baseline/);
    mkdirSync(path.join(ws.dir, 'a-folder'));
    const unwritable = ws.cli(['scan', 'k8s', '--write-baseline', 'a-folder']);
    assert.equal(unwritable.status, 2);
    assert.match(unwritable.stderr, /cannot write the baseline a-folder/);
  });
});
