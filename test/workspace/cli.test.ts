/** @file `kubeguard scan <folder>` indexes every file first, so cross-file findings come out as in the editor. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from '../harness/root';
import { deployment, namespace, networkPolicy } from './fixtures';

interface JsonProblem {
  file: string;
  line: number;
  ruleId: string;
  severity: string;
  message: string;
}

describe('kubeguard scan <folder>: cross-file findings', () => {
  let dir: string;
  const scan = (...paths: string[]) => {
    const out = spawnSync(process.execPath, [path.join(repoRoot(), 'dist', 'cli.js'), 'scan', ...paths, '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    return JSON.parse(out.stdout) as JsonProblem[];
  };

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kubeguard-cli-ws-'));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    write('ns.yaml', namespace('shop', 'pod-security.kubernetes.io/enforce: baseline'));
    write('apps/web.yaml', deployment('web', { namespace: 'shop', extraSpec: ['hostNetwork: true'] }));
    write('apps/np.yaml', networkPolicy('db', 'shop', ['podSelector: {matchLabels: {app: db}}']));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the folder scan reports what only the other files reveal', () => {
    const problems = scan('.');
    const rules = (file: string) => problems.filter((p) => p.file === file).map((p) => p.ruleId).sort();
    for (const id of ['namespace-limit-range', 'namespace-resource-quota', 'network-policy-default-deny']) assert.ok(rules('ns.yaml').includes(id), id);
    assert.ok(rules(path.join('apps', 'web.yaml')).includes('network-policy-unselected-workload'));
    assert.ok(rules(path.join('apps', 'np.yaml')).includes('network-policy-dangling-selector'));
    // The Namespace in ns.yaml decides the Pod Security verdict for the Deployment in apps/web.yaml.
    const host = problems.find((p) => p.ruleId === 'host-namespaces');
    assert.equal(host?.severity, 'error');
    assert.match(host!.message, /Namespace "shop" enforces baseline/);
  });

  test('a file scanned alone has no cross-file view of the others', () => {
    const problems = scan(path.join('apps', 'web.yaml'));
    assert.ok(!problems.some((p) => p.ruleId === 'network-policy-unselected-workload'));
    assert.doesNotMatch(problems.find((p) => p.ruleId === 'host-namespaces')!.message, /Namespace "shop"/);
  });
});
