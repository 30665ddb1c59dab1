// Proves that kubeguard's quick fixes edit only what they should and keep the user's comments.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import {
  activateExtension, applyCodeAction, describeDiagnostics, kubeguardDiagnostics, openFixture, revert, ruleId,
  waitFor, waitForRule,
} from './helpers';

async function quickFixTitled(uri: vscode.Uri, range: vscode.Range, title: RegExp): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no code action matching ${title}; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), `'${action.title}' should be a quick fix`);
  return action;
}

const commentsOf = (text: string) => text.split('\n').filter((line) => line.includes('#')).map((line) => line.slice(line.indexOf('#')));

suite('quick fixes', () => {
  suiteSetup(activateExtension);

  test('"Set privileged: false" changes only that value and keeps comments', async () => {
    const editor = await openFixture('quickfix-privileged.yaml');
    const { document } = editor;
    try {
      const [diagnostic] = await waitForRule(document.uri, 'privileged-container');
      const before = document.getText();
      const action = await quickFixTitled(document.uri, diagnostic.range, /Set privileged: false/);
      await applyCodeAction(action);

      const start = document.offsetAt(diagnostic.range.start);
      const expected = before.slice(0, start) + 'false' + before.slice(document.offsetAt(diagnostic.range.end));
      assert.equal(document.getText(), expected);
      await waitFor(
        () => (kubeguardDiagnostics(document.uri).some((d) => ruleId(d) === 'privileged-container') ? undefined : true),
        () => `the privileged-container finding to go away; have: ${describeDiagnostics(document.uri)}`,
      );
    } finally {
      await revert(editor);
    }
  });

  test('"Add a hardened securityContext" fixes missing-security-context and keeps comments', async () => {
    const editor = await openFixture('missing-security-context.yaml');
    const { document } = editor;
    try {
      const [diagnostic] = await waitForRule(document.uri, 'missing-security-context');
      const before = document.getText();
      await applyCodeAction(await quickFixTitled(document.uri, diagnostic.range, /Add a hardened securityContext/));

      const after = document.getText();
      assert.match(after, /securityContext:/);
      assert.deepEqual(commentsOf(after), commentsOf(before), 'comments survive the fix');
      await waitFor(
        () => (kubeguardDiagnostics(document.uri).some((d) => ruleId(d) === 'missing-security-context') ? undefined : true),
        () => `the missing-security-context finding to go away; have: ${describeDiagnostics(document.uri)}`,
      );
    } finally {
      await revert(editor);
    }
  });
});
