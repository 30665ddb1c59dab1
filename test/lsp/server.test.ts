/** @file The language server end to end over stdio, as a pulling client (VS Code) and as a push-only client (Neovim, Helix, Emacs) see it. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  CodeAction,
  Diagnostic,
  DocumentDiagnosticReport,
  FullDocumentDiagnosticReport,
  Hover,
  InitializeResult,
  MarkupContent,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver/node';
import { PULL_CAPABILITIES, PUSH_CAPABILITIES, TestClient } from './client';

const PRIVILEGED_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: scratch',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: nginx:1.27',
  '      securityContext:',
  '        privileged: true',
  '',
].join('\n');

/** Where `true` of `privileged: true` is (line 9, zero-based). */
const TRUE_RANGE = { start: { line: 9, character: 20 }, end: { line: 9, character: 24 } };

const WORKFLOW = `name: ci
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
`;

/** Applies LSP TextEdits to a text the way an editor does: all ranges refer to the original text. */
function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line >= lineStarts.length ? text.length : lineStarts[p.line]! + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const edit of sorted) out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}

function byRule(diagnostics: readonly Diagnostic[], ruleId: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === ruleId);
}

function editsOf(action: CodeAction, uri: string, version?: number): TextEdit[] {
  const changes = action.edit?.documentChanges;
  if (changes) {
    const edit = changes[0] as TextDocumentEdit;
    assert.equal(edit.textDocument.uri, uri);
    if (version !== undefined) assert.equal(edit.textDocument.version, version);
    return edit.edits as TextEdit[];
  }
  return action.edit?.changes?.[uri] ?? [];
}

test('the server exits when the client closes its stdin without shutdown (exit code 1, as LSP asks)', async () => {
  const { client } = await TestClient.start(PULL_CAPABILITIES);
  try {
    assert.equal(await client.hangUp(5000), 1);
  } finally {
    await client.stop();
  }
});

describe('language server, pull client', () => {
  let client: TestClient;
  let init: InitializeResult;
  const uri = 'file:///work/pod.yaml';

  before(async () => {
    ({ client, init } = await TestClient.start(PULL_CAPABILITIES));
  });
  after(() => client.stop());

  const pull = async (target: string, previousResultId?: string) =>
    client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: target }, previousResultId });
  const pullItems = async (target: string) => {
    const report = await pull(target);
    assert.equal(report.kind, 'full');
    return (report as FullDocumentDiagnosticReport).items;
  };

  test('announces incremental sync, pull diagnostics, code actions, hover and the fix-all command', () => {
    const caps = init.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(caps.diagnosticProvider, { identifier: 'kubeguard', interFileDependencies: true, workspaceDiagnostics: false });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.kubeguard'] });
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.executeCommandProvider, { commands: ['kubeguard.fixAll'] });
  });

  test('privileged: true is an error on exactly its `true`, linked to its docs', async () => {
    await client.open(uri, PRIVILEGED_POD);
    const [diagnostic, ...others] = byRule(await pullItems(uri), 'privileged-container');
    assert.equal(others.length, 0);
    assert.ok(diagnostic);
    assert.deepEqual(diagnostic.range, TRUE_RANGE);
    assert.equal(diagnostic.source, 'kubeguard');
    assert.equal(diagnostic.severity, 1);
    assert.match(diagnostic.message as string, /Container "app" runs privileged/);
    assert.match(diagnostic.codeDescription?.href ?? '', /^https:\/\//);
    assert.equal(diagnostic.code, 'privileged-container');
  });

  test('a second pull of the same version is answered "unchanged"', async () => {
    const first = await pull(uri);
    assert.equal(first.kind, 'full');
    const second = await pull(uri, first.resultId);
    assert.deepEqual(second, { kind: 'unchanged', resultId: first.resultId });
  });

  test('an edit that leaves every diagnostic as it was is answered "unchanged" with the last full report\'s id; one that changes them gets all of them', async () => {
    const target = 'file:///work/pod-unchanged.yaml';
    await client.open(target, PRIVILEGED_POD + '# note\n');
    const first = await pull(target);
    assert.equal(first.kind, 'full');
    const before = (first as FullDocumentDiagnosticReport).items;
    assert.ok(byRule(before, 'privileged-container').length === 1);
    // Typing in the comment on line 10 moves no finding and changes none.
    await client.change(target, 2, [{ range: { start: { line: 10, character: 6 }, end: { line: 10, character: 6 } }, rangeLength: 0, text: 'x' }]);
    assert.deepEqual(await pull(target, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // Typing before a finding on its line moves it: all diagnostics again, under a new id.
    await client.change(target, 3, [{ range: { start: { line: 9, character: 19 }, end: { line: 9, character: 19 } }, rangeLength: 0, text: ' ' }]);
    const moved = await pull(target, first.resultId);
    assert.equal(moved.kind, 'full');
    assert.notEqual(moved.resultId, first.resultId);
    assert.deepEqual(byRule((moved as FullDocumentDiagnosticReport).items, 'privileged-container')[0]!.range, { start: { line: 9, character: 21 }, end: { line: 9, character: 25 } });
    // Fixing it drops the finding: a full report without it.
    await client.change(target, 4, [{ range: { start: { line: 9, character: 21 }, end: { line: 9, character: 25 } }, rangeLength: 4, text: 'false' }]);
    const fixed = await pull(target, moved.resultId);
    assert.equal(fixed.kind, 'full');
    assert.equal(byRule((fixed as FullDocumentDiagnosticReport).items, 'privileged-container').length, 0);
    assert.deepEqual(await pull(target, fixed.resultId), { kind: 'unchanged', resultId: fixed.resultId });
    await client.close(target);
  });

  test('the quick fix for privileged-container replaces `true` by `false`, versioned', async () => {
    const [diagnostic] = byRule(await pullItems(uri), 'privileged-container');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const action = actions.find((a) => a.title === 'Set privileged: false');
    assert.ok(action, `offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.diagnostics, [diagnostic]);
    assert.deepEqual(editsOf(action, uri, 1), [{ range: TRUE_RANGE, newText: 'false' }]);
    // The engine's last-resort "suppress" fix is offered too, but never as the one Auto Fix applies.
    const suppress = actions.find((a) => a.title.startsWith('Suppress privileged-container'));
    assert.ok(suppress, `offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(suppress.isPreferred, false);
  });

  test('hover on the finding explains the rule in Markdown', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 21 } });
    assert.ok(hover);
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /privileged-container/);
    assert.deepEqual(hover.range, TRUE_RANGE);
    const nothing = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.equal(nothing, null);
  });

  // A privileged container gets no safe allowPrivilegeEscalation fix (the API server rejects that pair), so fix-all works on an unprivileged one.
  const fixAllUri = 'file:///workspace/fix-all.yaml';
  const UNPRIVILEGED_POD = PRIVILEGED_POD.replace('privileged: true', 'privileged: false');

  test('source.fixAll.kubeguard applies only safe fixes, as one minimal edit', async () => {
    await client.open(fixAllUri, UNPRIVILEGED_POD, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: fixAllUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.kubeguard'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.kubeguard');
    const edits = editsOf(actions[0]!, fixAllUri, 1);
    assert.deepEqual(edits, [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, newText: '        allowPrivilegeEscalation: false\n' }]);
    // The unsafe fixes (runAsNonRoot, capabilities, read-only root, seccomp) are left for a human.
    assert.equal(applyTextEdits(UNPRIVILEGED_POD, edits), UNPRIVILEGED_POD + '        allowPrivilegeEscalation: false\n');
  });

  test('the kubeguard.fixAll command sends the same edit through workspace/applyEdit', async () => {
    await client.request('workspace/executeCommand', { command: 'kubeguard.fixAll', arguments: [fixAllUri] });
    const applied = await client.waitFor(() => client.applied[0], 'workspace/applyEdit');
    const change = applied.edit.documentChanges?.[0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: fixAllUri, version: 1 });
    assert.equal(applyTextEdits(UNPRIVILEGED_POD, change.edits as TextEdit[]), UNPRIVILEGED_POD + '        allowPrivilegeEscalation: false\n');
  });

  test('an incremental change that sets privileged: false clears the finding', async () => {
    await client.change(uri, 2, [{ range: TRUE_RANGE, text: 'false' }]);
    const items = await pullItems(uri);
    assert.deepEqual(byRule(items, 'privileged-container'), []);
    assert.ok(items.length > 0, 'the other findings stay');
  });

  test('a settings change asks the client to pull again, and the next pull uses the new settings', async () => {
    assert.ok(byRule(await pullItems(uri), 'run-as-non-root').length > 0);
    client.settings = { rules: { 'run-as-non-root': 'off', 'capabilities-drop-all': 'error' } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => (client.refreshes > 0 ? true : undefined), 'workspace/diagnostic/refresh');
    const items = await pullItems(uri);
    assert.deepEqual(byRule(items, 'run-as-non-root'), []);
    assert.equal(byRule(items, 'capabilities-drop-all')[0]?.severity, 1);
    client.settings = null;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
  });

  test('YAML that is not Kubernetes (a GitHub workflow) gets no diagnostics', async () => {
    const workflow = 'file:///work/.github/workflows/ci.yml';
    await client.open(workflow, WORKFLOW);
    assert.deepEqual(await pullItems(workflow), []);
  });

  test('JSON manifests are linted too', async () => {
    const json = 'file:///work/pod.json';
    await client.open(json, JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] } }, null, 2), 1, 'json');
    assert.equal(byRule(await pullItems(json), 'privileged-container').length, 1);
  });

  test('broken YAML, binary junk and a 2 MB file do not take the server down', async () => {
    const broken = 'file:///work/broken.yaml';
    await client.open(broken, 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n   bad: [unclosed\n\t\t: : :\n');
    const brokenItems = await pullItems(broken);
    assert.ok(brokenItems.some((d) => d.code === 'yaml-syntax' && d.severity === 1), JSON.stringify(brokenItems));

    const junk = 'file:///work/junk.yaml';
    let bytes = '';
    let seed = 7;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes += String.fromCharCode(seed % 0xd800);
    }
    await client.open(junk, bytes);
    await pullItems(junk);

    const big = 'file:///work/big.yaml';
    const doc = PRIVILEGED_POD.replace('scratch', 'p');
    await client.open(big, Array.from({ length: Math.ceil((2 * 1024 * 1024) / doc.length) }, () => doc).join('---\n'));
    const bigItems = await pullItems(big);
    assert.ok(byRule(bigItems, 'privileged-container').length > 1000);

    // Requests about documents the server never saw, or with nonsense in them, are answered, not fatal.
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.yaml' }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: null, context: null }), []);

    assert.ok(client.alive);
    assert.equal(byRule(await pullItems(uri), 'privileged-container').length, 0, 'still answering about the first document');
  });

  test('pull mode never pushes', () => {
    assert.deepEqual(client.published, []);
  });
});

describe('language server, push-only client', () => {
  let client: TestClient;
  let init: InitializeResult;
  const uri = 'file:///work/push/pod.yaml';

  before(async () => {
    ({ client, init } = await TestClient.start(PUSH_CAPABILITIES));
  });
  after(() => client.stop());

  test('does not announce pull diagnostics', () => {
    assert.equal(init.capabilities.diagnosticProvider, undefined);
  });

  test('publishes complete diagnostics with the document version on open and on each change', async () => {
    await client.open(uri, PRIVILEGED_POD);
    const opened = await client.waitForPublish(uri, 1);
    const [diagnostic] = byRule(opened.diagnostics, 'privileged-container');
    assert.ok(diagnostic);
    assert.deepEqual(diagnostic.range, TRUE_RANGE);
    assert.equal(diagnostic.source, 'kubeguard');
    assert.equal(diagnostic.severity, 1);
    assert.ok(opened.diagnostics.length > 1, 'the complete set, not just the new ones');

    await client.change(uri, 2, [{ range: TRUE_RANGE, text: 'false' }]);
    const fixed = await client.waitForPublish(uri, 2);
    assert.deepEqual(byRule(fixed.diagnostics, 'privileged-container'), []);
    assert.equal(fixed.diagnostics.length, opened.diagnostics.length - 1);

    // A change that changes no finding is still published, so the client knows version 3 is checked.
    await client.change(uri, 3, [{ range: { start: { line: 3, character: 15 }, end: { line: 3, character: 15 } }, text: ' # a comment' }]);
    const same = await client.waitForPublish(uri, 3);
    assert.deepEqual(same.diagnostics.map((d) => d.code), fixed.diagnostics.map((d) => d.code));
  });

  test('hover falls back to plain text for a client without Markdown', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 8 } });
    assert.equal((hover?.contents as MarkupContent).kind, 'plaintext');
  });

  test('code actions use plain `changes` when the client has no versioned edits', async () => {
    const request = (triggerKind?: number) => client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 8, character: 8 }, end: { line: 8, character: 8 } },
      context: { diagnostics: [], triggerKind },
    });
    const automatic = await request(2);
    const action = automatic.find((a) => a.title === 'Set allowPrivilegeEscalation: false');
    assert.ok(action, JSON.stringify(automatic.map((a) => a.title)));
    assert.ok(action.edit?.changes?.[uri], 'changes keyed by URI');
    assert.ok(!automatic.some((a) => a.kind === 'source.fixAll.kubeguard'), 'no fix-all for the light bulb');
    // Invoked by hand without `only` (Helix, Neovim, Emacs menus): fix-all is on the menu too.
    const invoked = await request(1);
    assert.ok(invoked.some((a) => a.kind === 'source.fixAll.kubeguard' && a.title === 'Fix all auto-fixable problems'), JSON.stringify(invoked.map((a) => a.title)));
  });

  test('settings pushed with didChangeConfiguration apply and republish open documents', async () => {
    const since = client.published.length;
    await client.notify('workspace/didChangeConfiguration', { settings: { kubeguard: { rules: { 'allow-privilege-escalation': 'off' } } } });
    const republished = await client.waitFor(() => client.published.slice(since).find((p) => p.uri === uri), 'a republish after the settings change');
    assert.equal(republished.version, 3);
    assert.deepEqual(byRule(republished.diagnostics, 'allow-privilege-escalation'), []);
  });

  test('closing a document publishes an empty set', async () => {
    const since = client.published.length;
    await client.close(uri);
    const cleared = await client.waitFor(() => client.published.slice(since).find((p) => p.uri === uri), 'the publish on close');
    assert.deepEqual(cleared.diagnostics, []);
  });

  test('junk is published (empty) like anything else and the server lives on', async () => {
    const junk = 'file:///work/push/junk.yml';
    await client.open(junk, '\u0000\u0001\u0002: [\n\t- {{{ \ufffd');
    const published = await client.waitForPublish(junk, 1);
    assert.deepEqual(published.diagnostics, []);
    assert.ok(client.alive);
  });
});
