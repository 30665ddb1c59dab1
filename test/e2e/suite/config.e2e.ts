// Proves that a .kubeguard.yaml written into the workspace changes what the editor reports, without a reload, and that a
// broken one is reported in itself.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import { activateExtension, describeDiagnostics, fixtureUri, kubeguardDiagnostics, openFixture, ruleId, waitFor, waitForRule } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);

suite('.kubeguard.yaml', () => {
  suiteSetup(activateExtension);

  test('writing a .kubeguard.yaml that turns a rule off removes its diagnostic without a reload; a bad one is reported in itself', async () => {
    const config = fixtureUri('.kubeguard.yaml');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(config)), 'the fixture workspace starts without a configuration file');
    const { document } = await openFixture('config/privileged.yaml');
    await waitForRule(document.uri, 'privileged-container');
    const others = kubeguardDiagnostics(document.uri).filter((d) => ruleId(d) !== 'privileged-container').length;
    try {
      await vscode.workspace.fs.writeFile(config, encode('# written by the e2e test\nrules:\n  privileged-container: off\n'));
      await waitFor(
        () => (kubeguardDiagnostics(document.uri).some((d) => ruleId(d) === 'privileged-container') ? undefined : true),
        () => `privileged-container to be turned off by .kubeguard.yaml; have: ${describeDiagnostics(document.uri)}`,
      );
      assert.equal(kubeguardDiagnostics(document.uri).length, others, 'the other rules still report');

      // A misspelt rule id turns nothing off, and the configuration file says so on the key.
      await vscode.workspace.fs.writeFile(config, encode('rules:\n  privileged-contaner: off\n'));
      const [problem] = await waitFor(
        () => {
          const found = kubeguardDiagnostics(config).filter((d) => ruleId(d) === 'config');
          return found.length > 0 ? found : undefined;
        },
        () => `a config diagnostic in .kubeguard.yaml; have: ${describeDiagnostics(config)}`,
      );
      assert.match(problem!.message, /Did you mean "privileged-container"\?/);
      assert.equal(problem!.range.start.line, 1);
      await waitForRule(document.uri, 'privileged-container');
    } finally {
      // Leave the workspace as it was for the other suites, and see the finding come back.
      await vscode.workspace.fs.delete(config);
    }
    await waitForRule(document.uri, 'privileged-container');
    await waitFor(() => (kubeguardDiagnostics(config).length === 0 ? true : undefined), () => `the deleted file's diagnostics to go; have: ${describeDiagnostics(config)}`);
  });
});
