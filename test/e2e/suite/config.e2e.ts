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
    // Rule ids, not a count: the workspace's cross-file findings may still be arriving on a slow machine.
    const otherRules = () => new Set(kubeguardDiagnostics(document.uri).map(ruleId).filter((id) => id !== 'privileged-container'));
    const before = otherRules();
    assert.ok(before.size > 0, `the fixture has findings besides privileged-container: ${describeDiagnostics(document.uri)}`);
    try {
      await vscode.workspace.fs.writeFile(config, encode('# written by the e2e test\nrules:\n  privileged-container: off\n'));
      // Turned off, while the other rules still report.
      await waitFor(
        () => {
          const off = !kubeguardDiagnostics(document.uri).some((d) => ruleId(d) === 'privileged-container');
          const after = otherRules();
          return off && [...before].every((id) => after.has(id)) ? true : undefined;
        },
        () => `privileged-container to be turned off by .kubeguard.yaml and ${[...before].join(', ')} to stay; have: ${describeDiagnostics(document.uri)}`,
      );

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
