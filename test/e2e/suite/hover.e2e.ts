// Proves that hovering a finding explains the rule in Markdown.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activateExtension, openFixture, waitForRule } from './helpers';

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
});
