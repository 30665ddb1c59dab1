/**
 * @file `.kubeguard.yaml` through the language server: writing, changing and deleting it re-checks
 * open files without a restart; ignored paths get nothing; a bad file gets `config` diagnostics
 * in itself (pushed while closed, pulled while open) and never Kubernetes ones; an open file's
 * unsaved text wins over the disk.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, Diagnostic } from 'vscode-languageserver/node';
import { PULL_CAPABILITIES, PUSH_CAPABILITIES, pullItems, pullUntil, TestClient } from './client';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
const OFF = 'rules:\n  privileged-container: off\n';
/** A typo in the rule id: the entry does not apply, and the file says so. */
const TYPO = 'rules:\n  privileged-contaner: off\n';
const TYPO_RANGE = { start: { line: 1, character: 2 }, end: { line: 1, character: 21 } };

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => String(d.code));
const has = (rule: string) => (items: Diagnostic[]) => codes(items).includes(rule);
const lacks = (rule: string) => (items: Diagnostic[]) => !codes(items).includes(rule);



class Folder {
  readonly root = mkdtempSync(path.join(tmpdir(), 'kubeguard-config-'));
  uri(file: string): string {
    return pathToFileURL(path.join(this.root, file)).href;
  }
  write(file: string, text: string): void {
    mkdirSync(path.dirname(path.join(this.root, file)), { recursive: true });
    writeFileSync(path.join(this.root, file), text);
  }
  remove(file: string): void {
    unlinkSync(path.join(this.root, file));
  }
  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

const WATCHING: ClientCapabilities = {
  ...PULL_CAPABILITIES,
  workspace: { ...PULL_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
};

describe('.kubeguard.yaml, pull client', () => {
  let client: TestClient;
  const folder = new Folder();
  const config = folder.uri('.kubeguard.yaml');
  const changed = (type: 1 | 2 | 3) => client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type }] });

  before(async () => {
    folder.write('app.yaml', POD);
    folder.write('vendor/chart/pod.yaml', POD);
    folder.write('team/sub/pod.yaml', POD);
    ({ client } = await TestClient.start(WATCHING, { workspaceFolders: [pathToFileURL(folder.root).href] }));
  });
  after(async () => {
    await client.stop();
    folder.dispose();
  });

  test('writing a file that turns a rule off removes its diagnostics without a restart; deleting it brings them back', async () => {
    await client.open(folder.uri('app.yaml'), POD);
    await pullUntil(client, folder.uri('app.yaml'), has('privileged-container'), 'the finding before any configuration');
    const refreshes = client.refreshes;
    folder.write('.kubeguard.yaml', OFF);
    await changed(1);
    await client.waitFor(() => (client.refreshes > refreshes ? true : undefined), 'a diagnostic refresh after the configuration appeared');
    await pullUntil(client, folder.uri('app.yaml'), lacks('privileged-container'), 'privileged-container turned off by .kubeguard.yaml');
    folder.remove('.kubeguard.yaml');
    await changed(3);
    await pullUntil(client, folder.uri('app.yaml'), has('privileged-container'), 'the finding back after the configuration was deleted');
  });

  test('ignored paths get no diagnostics; an override changes the severity below its folder', async () => {
    folder.write('.kubeguard.yaml', 'ignore: [vendor]\noverrides:\n  - files: ["team/**"]\n    rules: {privileged-container: hint}\n');
    await changed(1);
    await client.open(folder.uri('vendor/chart/pod.yaml'), POD);
    await client.open(folder.uri('team/sub/pod.yaml'), POD);
    await pullUntil(client, folder.uri('vendor/chart/pod.yaml'), (items) => items.length === 0, 'nothing for an ignored file');
    const team = await pullUntil(client, folder.uri('team/sub/pod.yaml'), (items) => items.some((d) => d.code === 'privileged-container' && d.severity === 4), 'a hint from the override');
    assert.ok(team.length > 1, 'other rules still run there');
    const app = await pullUntil(client, folder.uri('app.yaml'), has('privileged-container'), 'app.yaml is neither ignored nor overridden');
    assert.equal(app.find((d) => d.code === 'privileged-container')!.severity, 1);
  });

  test('an ignored file open in the editor still counts for the others, with its unsaved text', async () => {
    const namespace = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n${labels}`;
    const web = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  hostNetwork: true\n  containers:\n    - name: app\n      image: nginx:1.27\n';
    folder.write('vendor/ns.yaml', namespace(''));
    folder.write('shop/web.yaml', web);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: folder.uri('vendor/ns.yaml'), type: 1 }, { uri: folder.uri('shop/web.yaml'), type: 1 }] });
    await client.open(folder.uri('shop/web.yaml'), web);
    // On disk the Namespace has no labels; the editor's unsaved text makes it enforce baseline.
    await client.open(folder.uri('vendor/ns.yaml'), namespace('  labels:\n    pod-security.kubernetes.io/enforce: baseline\n'));
    await pullUntil(client, folder.uri('shop/web.yaml'), (items) => items.some((d) => d.code === 'host-namespaces' && /Namespace "shop" enforces baseline/.test(String(d.message))), 'the ignored, open Namespace enforcing baseline');
    assert.deepEqual(await pullItems(client, folder.uri('vendor/ns.yaml')), [], 'nothing for the ignored file itself');
  });

  test('a nearer configuration file wins for the files below it', async () => {
    folder.write('team/.kubeguard.yaml', OFF);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: folder.uri('team/.kubeguard.yaml'), type: 1 }] });
    await pullUntil(client, folder.uri('team/sub/pod.yaml'), lacks('privileged-container'), 'team/.kubeguard.yaml turns it off');
    await pullUntil(client, folder.uri('app.yaml'), has('privileged-container'), 'the root file still applies to app.yaml');
    folder.remove('team/.kubeguard.yaml');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: folder.uri('team/.kubeguard.yaml'), type: 3 }] });
  });

  test('a bad configuration file: a `config` diagnostic on the exact key, pushed while it is closed; the server keeps working', async () => {
    const since = client.published.length;
    folder.write('.kubeguard.yaml', TYPO);
    await changed(2);
    const pushed = await client.waitFor(() => client.published.slice(since).find((p) => p.uri === config && p.diagnostics.length > 0), 'config diagnostics pushed for the closed .kubeguard.yaml');
    const [diagnostic, ...others] = pushed.diagnostics;
    assert.equal(others.length, 0, JSON.stringify(pushed.diagnostics));
    assert.equal(diagnostic!.source, 'kubeguard');
    assert.equal(diagnostic!.code, 'config');
    assert.equal(diagnostic!.severity, 1);
    assert.deepEqual(diagnostic!.range, TYPO_RANGE);
    assert.match(String(diagnostic!.message), /Unknown rule id "privileged-contaner"\. Did you mean "privileged-container"\?/);
    // The misspelt entry applies to nothing: the rule is on again.
    await pullUntil(client, folder.uri('app.yaml'), has('privileged-container'), 'the finding, since the misspelt entry turns nothing off');
    assert.ok(client.alive);
  });

  test('open, its unsaved text wins and it gets only `config` diagnostics, pulled (the pushed set is cleared)', async () => {
    let since = client.published.length;
    await client.open(config, OFF);
    await client.waitFor(() => client.published.slice(since).find((p) => p.uri === config && p.diagnostics.length === 0), 'the pushed set cleared on open');
    assert.deepEqual(await pullItems(client, config), [], 'a valid configuration, and no Kubernetes findings');
    await pullUntil(client, folder.uri('app.yaml'), lacks('privileged-container'), 'the unsaved text turns the rule off');

    await client.change(config, 2, [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 22 } }, text: 'privileged-contaner' }]);
    const items = await pullUntil(client, config, (i) => i.length > 0, 'the typo reported in the open file');
    assert.deepEqual(items.map((d) => [d.code, d.range]), [['config', TYPO_RANGE]]);
    await pullUntil(client, folder.uri('app.yaml'), has('privileged-container'), 'the edit applies without saving');

    since = client.published.length;
    folder.write('.kubeguard.yaml', OFF);
    await client.close(config);
    await pullUntil(client, folder.uri('app.yaml'), lacks('privileged-container'), 'closed: the file on disk applies again');
    assert.ok(!client.published.slice(since).some((p) => p.uri === config && p.diagnostics.length > 0), 'a valid file on disk has nothing to push');
  });

  test('broken YAML: one syntax problem, and the editor settings apply until it parses', async () => {
    const since = client.published.length;
    folder.write('.kubeguard.yaml', 'rules: {privileged-container: off\n');
    await changed(2);
    const pushed = await client.waitFor(() => client.published.slice(since).find((p) => p.uri === config && p.diagnostics.length > 0), 'the syntax problem pushed');
    assert.match(String(pushed.diagnostics[0]!.message), /^YAML syntax error: .* The configuration file is not used until it parses\.$/);
    await pullUntil(client, folder.uri('app.yaml'), has('privileged-container'), 'defaults while the file does not parse');
  });
});

describe('.kubeguard.yaml and the findings of closed files', () => {
  let client: TestClient;
  const folder = new Folder();
  const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers: [{name: app, image: nginx:1.27}]\n';

  before(async () => {
    folder.write('ns.yaml', namespace);
    folder.write('app.yaml', deployment);
    ({ client } = await TestClient.start(WATCHING, { workspaceFolders: [pathToFileURL(folder.root).href] }));
  });
  after(async () => {
    await client.stop();
    folder.dispose();
  });

  test('a rule turned off disappears from the pushed cross-file findings of a closed file, and an override applies per file', async () => {
    const ns = folder.uri('ns.yaml');
    await client.waitFor(() => client.published.find((p) => p.uri === ns && codes(p.diagnostics).includes('network-policy-default-deny')), 'the closed Namespace file\'s cross-file finding');
    let since = client.published.length;
    folder.write('.kubeguard.yaml', 'rules: {network-policy-default-deny: off}\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: folder.uri('.kubeguard.yaml'), type: 1 }] });
    const without = await client.waitFor(() => client.published.slice(since).find((p) => p.uri === ns), 'a republish of ns.yaml');
    assert.ok(!codes(without.diagnostics).includes('network-policy-default-deny'), JSON.stringify(codes(without.diagnostics)));
    assert.ok(without.diagnostics.length > 0, 'its other cross-file findings stay');

    since = client.published.length;
    folder.write('.kubeguard.yaml', 'overrides:\n  - files: [ns.yaml]\n    rules: {network-policy-default-deny: hint}\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: folder.uri('.kubeguard.yaml'), type: 2 }] });
    const hinted = await client.waitFor(() => client.published.slice(since).find((p) => p.uri === ns && codes(p.diagnostics).includes('network-policy-default-deny')), 'the finding back, from the override');
    assert.equal(hinted.diagnostics.find((d) => d.code === 'network-policy-default-deny')!.severity, 4);
  });
});

describe('.kubeguard.yaml, push-only client', () => {
  let client: TestClient;
  const folder = new Folder();

  before(async () => {
    folder.write('.kubeguard.yaml', OFF);
    ({ client } = await TestClient.start(PUSH_CAPABILITIES, { workspaceFolders: [pathToFileURL(folder.root).href] }));
  });
  after(async () => {
    await client.stop();
    folder.dispose();
  });

  test('the open file\'s problems are published with its version; an edit to it republishes the open manifests', async () => {
    const app = folder.uri('app.yaml');
    const config = folder.uri('.kubeguard.yaml');
    await client.open(app, POD);
    const first = await client.waitFor(() => client.published.find((p) => p.uri === app && p.diagnostics.length > 0), 'the manifest published');
    assert.ok(!codes(first.diagnostics).includes('privileged-container'), 'off from the start');
    await client.open(config, TYPO);
    const own = await client.waitForPublish(config, 1);
    assert.deepEqual(own.diagnostics.map((d) => [d.code, d.range]), [['config', TYPO_RANGE]]);
    await client.waitFor(() => client.published.find((p) => p.uri === app && codes(p.diagnostics).includes('privileged-container')), 'the manifest republished with the rule on');
  });
});
