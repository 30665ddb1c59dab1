/**
 * @file The workspace view over LSP: cross-file findings follow edits in other open files, a
 * workspace folder is scanned (minus .gitignore'd, excluded and node_modules paths), closed files
 * get their cross-file findings pushed, and Namespaces in other files drive Pod Security verdicts.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, CodeAction, Diagnostic, Range, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { PULL_CAPABILITIES, PUSH_CAPABILITIES, pullItems, pullUntil, TestClient } from './client';

const deployment = (name: string, namespace: string, extra = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n${extra}      containers: [{name: app, image: nginx}]\n`;
const policy = (selects: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: only, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: ${selects}}}\n  policyTypes: [Ingress]\n`;
/** Where `db` is in `policy('db')`: line 4, after `  podSelector: {matchLabels: {app: `. */
const SELECTED_APP: Range = { start: { line: 4, character: 36 }, end: { line: 4, character: 38 } };
const namespaceDoc = (name: string, level: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n    pod-security.kubernetes.io/enforce: ${level}\n`;

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => String(d.code));
const text = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
/** `true` of `      hostNetwork: true` in `deployment(…, hostNetwork)`, `line` lines into the file. */
const hostNetworkValue = (line: number, value = 'true'): Range => ({ start: { line, character: 19 }, end: { line, character: 19 + value.length } });



describe('workspace: two open files, pull client', () => {
  let client: TestClient;
  const app = 'file:///ws-pull/app.yaml';
  const np = 'file:///ws-pull/np.yaml';
  before(async () => ({ client } = await TestClient.start(PULL_CAPABILITIES)));
  after(() => client.stop());

  test('editing the NetworkPolicy updates the other file\'s diagnostics without reopening it', async () => {
    await client.open(app, deployment('web', 'shop'));
    await client.open(np, policy('db'));
    await pullUntil(client, app, (items) => codes(items).includes('network-policy-unselected-workload'), 'the Deployment is selected by no policy');
    const refreshes = client.refreshes;
    await client.change(np, 2, [{ range: SELECTED_APP, text: 'web' }]);
    // The server asks the client to pull again: nothing about app.yaml changed on the client's side.
    await client.waitFor(() => (client.refreshes > refreshes ? true : undefined), 'workspace/diagnostic/refresh after the policy edit');
    const items = await pullItems(client, app);
    assert.ok(!codes(items).includes('network-policy-unselected-workload'), JSON.stringify(codes(items)));
    assert.deepEqual(client.published, [], 'pull mode pushes nothing for open files');
  });
});

describe('workspace: two open files, push client', () => {
  let client: TestClient;
  const app = 'file:///ws-push/app.yaml';
  const np = 'file:///ws-push/np.yaml';
  before(async () => ({ client } = await TestClient.start(PUSH_CAPABILITIES)));
  after(() => client.stop());

  test('editing the NetworkPolicy republishes the other file', async () => {
    await client.open(app, deployment('web', 'shop'));
    await client.open(np, policy('db'));
    await client.waitFor(() => client.published.find((p) => p.uri === app && codes(p.diagnostics).includes('network-policy-unselected-workload')), 'the unselected finding pushed for app.yaml');
    const since = client.published.length;
    await client.change(np, 2, [{ range: SELECTED_APP, text: 'web' }]);
    const republished = await client.waitFor(() => client.published.slice(since).find((p) => p.uri === app), 'a republish of app.yaml');
    assert.equal(republished.version, 1);
    assert.ok(!codes(republished.diagnostics).includes('network-policy-unselected-workload'));
    assert.ok(codes(republished.diagnostics).includes('network-policy-default-deny'), 'the other cross-file findings stay');
  });
});

describe('workspace: a scanned folder', () => {
  let client: TestClient;
  let root: string;
  const uri = (file: string) => pathToFileURL(path.join(root, file)).href;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  const denyAll = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n';
  const capabilities: ClientCapabilities = {
    ...PULL_CAPABILITIES,
    workspace: { ...PULL_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
  };

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'kubeguard-ws-'));
    write('ns.yaml', namespaceDoc('shop', 'baseline'));
    write('app.yaml', deployment('web', 'shop', '      hostNetwork: true\n'));
    // Each of these would satisfy "default deny" for shop, and none may count.
    write('.gitignore', 'ignored/\n');
    write('ignored/np.yaml', denyAll);
    write('excluded/np.yaml', denyAll);
    write('node_modules/chart/np.yaml', denyAll);
    write('.hidden/np.yaml', denyAll);
    ({ client } = await TestClient.start(capabilities, { workspaceFolders: [pathToFileURL(root).href], before: (c) => (c.sections = { 'kubeguard.exclude': ['excluded/'] }) }));
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('closed files get their cross-file findings pushed; ignored and excluded files do not count', async () => {
    const pushed = await client.waitFor(() => client.published.find((p) => p.uri === uri('ns.yaml')), 'a publish for the closed ns.yaml');
    assert.deepEqual(codes(pushed.diagnostics).sort(), ['namespace-limit-range', 'namespace-resource-quota', 'network-policy-default-deny']);
    assert.match(pushed.diagnostics.find((d) => d.code === 'network-policy-default-deny')!.message as string, /namespace "shop", which runs Deployment "web"/);
    assert.ok(!client.published.some((p) => /ignored|excluded|node_modules|hidden/.test(p.uri)));
  });

  test('a Namespace in another, closed file sets the Pod Security level: the error names it, and fixing the workload clears it', async () => {
    await client.open(uri('app.yaml'), deployment('web', 'shop', '      hostNetwork: true\n'));
    const items = await pullUntil(client, uri('app.yaml'), (i) => i.some((d) => d.code === 'host-namespaces' && /Namespace "shop" enforces baseline/.test(text(d))), 'host-namespaces naming namespace "shop"');
    assert.equal(items.find((d) => d.code === 'host-namespaces')!.severity, 1);
    await client.change(uri('app.yaml'), 2, [{ range: hostNetworkValue(10), text: 'false' }]);
    const fixed = await pullItems(client, uri('app.yaml'));
    assert.deepEqual(fixed.filter((d) => d.code === 'host-namespaces' || d.code === 'yaml-syntax'), []);
  });

  test('the Namespace changing on disk re-checks the open workload', async () => {
    await client.change(uri('app.yaml'), 3, [{ range: hostNetworkValue(10, 'false'), text: 'true' }]);
    await pullUntil(client, uri('app.yaml'), (i) => i.some((d) => d.code === 'host-namespaces' && /enforces baseline/.test(text(d))), 'the baseline verdict again');
    const refreshes = client.refreshes;
    write('ns.yaml', namespaceDoc('shop', 'restricted'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('ns.yaml'), type: 2 }] });
    await client.waitFor(() => (client.refreshes > refreshes ? true : undefined), 'a refresh after the Namespace changed');
    await pullUntil(client, uri('app.yaml'), (i) => i.some((d) => d.code === 'host-namespaces' && /enforces restricted/.test(text(d))), 'the restricted verdict');
  });

  test('opening a file clears its pushed set (the pull has it all); closing pushes it again', async () => {
    let since = client.published.length;
    await client.open(uri('ns.yaml'), namespaceDoc('shop', 'restricted'));
    const cleared = await client.waitFor(() => client.published.slice(since).find((p) => p.uri === uri('ns.yaml')), 'the clearing publish');
    assert.deepEqual(cleared.diagnostics, []);
    await pullUntil(client, uri('ns.yaml'), (i) => codes(i).includes('network-policy-default-deny'), 'the pulled cross-file finding');
    since = client.published.length;
    await client.close(uri('ns.yaml'));
    const again = await client.waitFor(() => client.published.slice(since).find((p) => p.uri === uri('ns.yaml') && p.diagnostics.length > 0), 'the closed file pushed again');
    assert.ok(codes(again.diagnostics).includes('network-policy-default-deny'));
  });

  test('a new policy file on disk clears the namespace finding of the closed Namespace file', async () => {
    write('policies/deny.yaml', denyAll);
    const since = client.published.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('policies/deny.yaml'), type: 1 }] });
    const update = await client.waitFor(() => client.published.slice(since).find((p) => p.uri === uri('ns.yaml')), 'a republish of ns.yaml');
    assert.ok(!codes(update.diagnostics).includes('network-policy-default-deny'), JSON.stringify(codes(update.diagnostics)));
  });

  test('a Namespace in the same file, same verdict', async () => {
    const local = uri('local.yaml');
    await client.open(local, namespaceDoc('local', 'baseline') + '---\n' + deployment('job', 'local', '      hostNetwork: true\n'));
    await pullUntil(client, local, (i) => i.some((d) => d.code === 'host-namespaces' && /Namespace "local" enforces baseline/.test(text(d)) && d.severity === 1), 'the same-file verdict');
    await client.change(local, 2, [{ range: hostNetworkValue(17), text: 'false' }]);
    assert.deepEqual((await pullItems(client, local)).filter((d) => d.code === 'host-namespaces' || d.code === 'yaml-syntax'), []);
  });

  test('the default-deny fix: append to the Namespace\'s file, or create a file beside it', async () => {
    const local = uri('local.yaml');
    const items = await pullUntil(client, local, (i) => codes(i).includes('network-policy-default-deny'), 'default-deny for namespace local');
    const diagnostic = items.find((d) => d.code === 'network-policy-default-deny')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: local }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
    const append = actions.find((a) => a.title.startsWith('Add a default-deny NetworkPolicy and a DNS egress allowance at the end'));
    const create = actions.find((a) => a.title.includes('in a new file network-policy-default-deny-local.yaml'));
    assert.ok(append && create, JSON.stringify(actions.map((a) => a.title)));
    const appended = (append.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as TextEdit;
    assert.match(appended.newText, /^---\n# Generated by kubeguard[^]*namespace: local[^]*kubernetes.io\/metadata.name: kube-system/);
    assert.equal((create.edit!.documentChanges![0] as { kind?: string }).kind, 'create');
    assert.equal((create.edit!.documentChanges![0] as { uri: string }).uri, uri('network-policy-default-deny-local.yaml'));
  });
});

describe('workspace: typing in an open file', () => {
  let client: TestClient;
  const app = 'file:///ws-typing/app.yaml';
  const np = 'file:///ws-typing/np.yaml';
  before(async () => ({ client } = await TestClient.start(PULL_CAPABILITIES)));
  after(() => client.stop());

  /** What each diagnostic says and the text it sits on: equal before and after an edit elsewhere on the line. */
  const anchored = (items: readonly Diagnostic[], content: string) => {
    const lines = content.split('\n');
    // The typed characters show up in the image's own findings: read them as the original image.
    return items.map((d) => `${String(d.code)}|${text(d)}|${lines[d.range.start.line]!.slice(d.range.start.character, d.range.start.line === d.range.end.line ? d.range.end.character : undefined)}`.replace(/nginxx+/g, 'nginx')).sort();
  };

  test('cross-file findings move with the text while facts stay, and follow a fact that changes', async () => {
    let content = deployment('web', 'shop', '      hostNetwork: true\n') + '---\n' + deployment('api', 'shop');
    await client.open(app, content);
    await client.open(np, policy('db'));
    const initial = await pullUntil(client, app, (items) => codes(items).filter((c) => c === 'network-policy-unselected-workload').length === 2, 'both Deployments are selected by no policy');
    const expected = anchored(initial, content);
    // Type into the first image value, one character per version: no fact changes.
    const line = content.split('\n').findIndex((l) => l.includes('image: nginx'));
    const column = content.split('\n')[line]!.indexOf('nginx}') + 'nginx'.length;
    for (let i = 0; i < 12; i++) {
      await client.change(app, 2 + i, [{ range: { start: { line, character: column + i }, end: { line, character: column + i } }, text: 'x' }]);
      const lines = content.split('\n');
      lines[line] = lines[line]!.slice(0, column + i) + 'x' + lines[line]!.slice(column + i);
      content = lines.join('\n');
      assert.deepEqual(anchored(await pullItems(client, app), content), expected, `after ${i + 1} keystroke(s)`);
    }
    // A label the policy selects: the first Deployment is selected now; its finding goes, the other stays.
    const labelLine = content.split('\n').findIndex((l) => l.includes('labels: {app: web}'));
    const labelColumn = content.split('\n')[labelLine]!.indexOf('web}');
    await client.change(app, 14, [{ range: { start: { line: labelLine, character: labelColumn }, end: { line: labelLine, character: labelColumn + 3 } }, text: 'db' }]);
    const selected = await pullItems(client, app);
    assert.equal(codes(selected).filter((c) => c === 'network-policy-unselected-workload').length, 1, JSON.stringify(codes(selected)));
  });
});
