// Proves the extension's commands exist and work: show output, fix all from the palette, restart the server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import {
  PRIVILEGED_POD, activateExtension, describeDiagnostics, discardActiveEditor, kubeguardDiagnostics, openUntitledYaml, ruleId,
  openFixture, waitFor, waitForRule,
} from './helpers';

suite('lifecycle', () => {
  suiteSetup(activateExtension);

  test('the commands from package.json are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['kubeguard.showOutput', 'kubeguard.restartServer', 'kubeguard.fixAll']) assert.ok(commands.includes(command), command);
    await vscode.commands.executeCommand('kubeguard.showOutput');
  });

  test('kubeguard.fixAll from the palette (no arguments) applies the safe fixes to the active editor', async () => {
    // Not privileged: a privileged container gets no allowPrivilegeEscalation fix (the API server rejects that pair).
    const { document } = await openUntitledYaml(PRIVILEGED_POD.replace('privileged: true', 'runAsNonRoot: true'));
    await waitForRule(document.uri, 'allow-privilege-escalation'); // its fix is a safe one
    await vscode.commands.executeCommand('kubeguard.fixAll');
    await waitFor(
      () => (document.getText().includes('allowPrivilegeEscalation: false') ? true : undefined),
      () => `fix all to edit the document; it reads:\n${document.getText()}`,
    );
    await waitFor(
      () => (kubeguardDiagnostics(document.uri).some((d) => ruleId(d) === 'allow-privilege-escalation') ? undefined : true),
      () => `the allow-privilege-escalation finding to go away; have: ${describeDiagnostics(document.uri)}`,
    );
    assert.match(document.getText(), /runAsNonRoot: true/);
    await discardActiveEditor();
  });

  test('kubeguard.restartServer brings back a working server', async () => {
    await vscode.commands.executeCommand('kubeguard.restartServer');
    // A file no earlier test opened (an untitled buffer could reuse a closed one's URI and see its diagnostics).
    const { document } = await openFixture('after-restart.yaml');
    await waitForRule(document.uri, 'privileged-container');
  });
});
