/**
 * @file A CRLF manifest through the language server: quick fixes, the suppression comment and fix-all insert CRLF, as the CLI's --fix does;
 * a lone CR counts as a line break in every range, as LSP counts it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { PULL_CAPABILITIES, TestClient } from './client';

const CRLF_DEPLOYMENT = [
  '# A web front end',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata:',
  '      labels: {app: web} # keep me',
  '    spec:',
  '      hostNetwork: true',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '',
].join('\r\n');

/** The same pod with a securityContext: its allowPrivilegeEscalation fix is safe, so fix-all has work to do. */
const CRLF_WITH_CONTEXT = CRLF_DEPLOYMENT.replace('          image: nginx:1.27\r\n', '          image: nginx:1.27\r\n          securityContext:\r\n            runAsNonRoot: true # keep me too\r\n');

function editsOf(action: CodeAction): TextEdit[] {
  return ((action.edit?.documentChanges?.[0] as TextDocumentEdit | undefined)?.edits ?? []) as TextEdit[];
}

/** No `\n` without its `\r`. */
function assertCrlfOnly(text: string, what: string): void {
  assert.doesNotMatch(text, /(^|[^\r])\n/, `${what} has a lone LF: ${JSON.stringify(text)}`);
}

describe('CRLF files, pull client', () => {
  let client: TestClient;
  const uri = 'file:///crlf/web.yaml';

  before(async () => {
    ({ client } = await TestClient.start(PULL_CAPABILITIES));
    await client.open(uri, CRLF_DEPLOYMENT);
  });
  after(() => client.stop());

  const diagnostics = async (): Promise<Diagnostic[]> => ((await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as FullDocumentDiagnosticReport).items;
  const actionsAt = async (diagnostic: Diagnostic): Promise<CodeAction[]> =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });

  test('a multi-line quick fix and the suppression comment insert CRLF', async () => {
    const missing = (await diagnostics()).find((d) => d.code === 'missing-security-context');
    assert.ok(missing, 'missing-security-context is reported');
    const actions = await actionsAt(missing);
    const hardened = actions.find((a) => /hardened securityContext/.test(a.title));
    assert.ok(hardened, JSON.stringify(actions.map((a) => a.title)));
    const inserted = editsOf(hardened).map((e) => e.newText).join('');
    assert.match(inserted, /\r\n/);
    assertCrlfOnly(inserted, 'the securityContext fix');

    const suppress = actions.find((a) => a.title === 'Suppress missing-security-context for this line');
    assert.ok(suppress);
    const [comment] = editsOf(suppress);
    assert.match(comment!.newText, /^ *# kubeguard-disable-next-line missing-security-context -- .*\r\n$/);
  });

  test('a lone CR typed into an LF file counts as a line break in the ranges, as LSP counts it, until it is deleted', async () => {
    const lf = 'file:///crlf/typed-cr.yaml';
    const text = CRLF_DEPLOYMENT.replaceAll('\r\n', '\n');
    await client.open(lf, text);
    const findingLine = async () => {
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: lf } });
      const found = (report as FullDocumentDiagnosticReport).items.find((d) => d.code === 'host-namespaces');
      assert.ok(found, 'host-namespaces is reported');
      return found.range.start.line;
    };
    const line = text.split('\n').findIndex((l) => l.includes('hostNetwork: true'));
    const at = (l: number, character: number) => ({ line: l, character });
    assert.equal(await findingLine(), line);
    await client.change(lf, 2, [{ range: { start: at(0, 3), end: at(0, 3) }, text: 'x' }]);
    assert.equal(await findingLine(), line, 'typing without a CR');
    await client.change(lf, 3, [{ range: { start: at(0, 5), end: at(0, 5) }, text: '\r' }]);
    assert.equal(await findingLine(), line + 1, 'a lone CR above the finding is one more line');
    await client.change(lf, 4, [{ range: { start: at(0, 7), end: at(0, 7) }, text: 'y' }]);
    assert.equal(await findingLine(), line + 1, 'typing elsewhere keeps it');
    await client.change(lf, 5, [{ range: { start: at(0, 5), end: at(1, 0) }, text: '' }]);
    assert.equal(await findingLine(), line, 'the CR deleted');
    await client.change(lf, 6, [{ range: { start: at(0, 3), end: at(0, 3) }, text: 'z' }]);
    assert.equal(await findingLine(), line, 'typing after it');
  });

  test('fix-all answers with CRLF edits', async () => {
    const other = 'file:///crlf/with-context.yaml';
    assert.notEqual(CRLF_WITH_CONTEXT, CRLF_DEPLOYMENT);
    await client.open(other, CRLF_WITH_CONTEXT);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: other },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.kubeguard'] },
    });
    const [fixAll] = actions;
    assert.ok(fixAll, 'a fix-all action');
    const edits = editsOf(fixAll);
    assert.ok(edits.some((e) => e.newText.includes('\n')), 'some fix adds lines');
    for (const edit of edits) assertCrlfOnly(edit.newText, 'a fix-all edit');
  });
});
