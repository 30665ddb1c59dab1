// Proves the Pod Security Standards are checked against the labels of the workload's Namespace, defined in another file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activateExtension, applyCodeAction, describeDiagnostics, kubeguardDiagnostics, openFixture, revert, ruleId, waitFor } from './helpers';

suite('pod security', () => {
  suiteSetup(activateExtension);

  test('hostNetwork in a Namespace enforcing baseline (another file) is an error naming it; the fix clears it', async () => {
    const editor = await openFixture('pss/web.yaml');
    const { document } = editor;
    try {
      const diagnostic = await waitFor(
        () => kubeguardDiagnostics(document.uri).find((d) => ruleId(d) === 'host-namespaces' && /shop/.test(d.message)),
        () => `a host-namespaces error naming namespace "shop"; have: ${describeDiagnostics(document.uri)}`,
        60_000,
      );
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.match(diagnostic.message, /baseline/);
      assert.equal(document.getText(diagnostic.range), 'true');

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
      const fix = actions.find((a) => /hostNetwork/.test(a.title) && !/^Suppress/.test(a.title));
      assert.ok(fix, `offered: ${JSON.stringify(actions.map((a) => a.title))}`);
      await applyCodeAction(fix);
      assert.ok(!/hostNetwork/.test(document.getText()), 'the fix removes hostNetwork');
      assert.ok(document.getText().includes('# A web front end'), 'comments stay');
      await waitFor(
        () => (kubeguardDiagnostics(document.uri).some((d) => ruleId(d) === 'host-namespaces') ? undefined : true),
        () => `the host-namespaces finding to go away; have: ${describeDiagnostics(document.uri)}`,
      );
    } finally {
      await revert(editor);
    }
  });
});
