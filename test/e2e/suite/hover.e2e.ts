// Proves that hovering a finding explains the rule in Markdown, and that a security key is explained even when nothing is wrong with it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activateExtension, describeDiagnostics, kubeguardDiagnostics, openFixture, rangeOf, waitFor, waitForRule } from './helpers';

suite('hover', () => {
  suiteSetup(activateExtension);

  test('hovering privileged: true shows Markdown naming the rule', async () => {
    const { document } = await openFixture('privileged-pod.yaml');
    const [diagnostic] = await waitForRule(document.uri, 'privileged-container');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', document.uri, diagnostic.range.start.translate(0, 1));
    const markdown = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    const text = markdown.map((m) => m.value).join('\n---\n');
    assert.ok(markdown.length > 0, `expected Markdown hover content, got ${JSON.stringify(hovers.map((h) => h.contents))}`);
    assert.match(text, /privileged-container/);
  });

  test('hovering the hostNetwork key of hostNetwork: false (no finding) explains the key', async () => {
    const { document } = await openFixture('host-network-off.yaml');
    // The file is linted (some other finding shows up) and nothing is reported on the key itself.
    await waitFor(() => (kubeguardDiagnostics(document.uri).length > 0 ? true : undefined), () => `the file to be linted; have: ${describeDiagnostics(document.uri)}`);
    const pair = rangeOf(document, 'hostNetwork: false');
    const key = new vscode.Range(pair.start, pair.start.translate(0, 'hostNetwork'.length));
    assert.ok(!kubeguardDiagnostics(document.uri).some((d) => d.range.intersection(key)), `no finding on the key: ${describeDiagnostics(document.uri)}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, key.start.translate(0, 3));
    const text = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : typeof c === 'string' ? c : c.value)).join('\n---\n');
    assert.match(text, /hostNetwork/, `the hover names the key: ${text}`);
    assert.match(text, /network namespace/, `the hover explains what the key does: ${text}`);
    assert.match(text, /host-namespaces/, `the hover names the rule that checks it: ${text}`);
  });
});
