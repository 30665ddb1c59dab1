// Proves over the vscode API which files get kubeguard diagnostics, and exactly where.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import {
  PRIVILEGED_POD, SYNTAX_ERROR_ID, activateExtension, describeDiagnostics, discardActiveEditor, formatRange,
  kubeguardDiagnostics, openFixture, openUntitledYaml, rangeOf, valueRange, waitForRule,
} from './helpers';

suite('diagnostics', () => {
  suiteSetup(activateExtension);

  test('privileged: true is an error on exactly its `true`', async () => {
    const { document } = await openFixture('privileged-pod.yaml');
    const [diagnostic, ...others] = await waitForRule(document.uri, 'privileged-container');
    assert.equal(others.length, 0, `one privileged-container finding expected: ${describeDiagnostics(document.uri)}`);
    assert.equal(diagnostic.source, 'kubeguard');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(formatRange(diagnostic.range), formatRange(valueRange(document, 'privileged: true')));
  });

  test('JSON manifests are linted too', async () => {
    const { document } = await openFixture('privileged-pod.json');
    const [diagnostic] = await waitForRule(document.uri, 'privileged-container');
    assert.equal(formatRange(diagnostic.range), formatRange(valueRange(document, '"privileged": true')));
  });

  test('unsaved (untitled) YAML buffers are linted', async () => {
    const { document } = await openUntitledYaml(PRIVILEGED_POD);
    const [diagnostic] = await waitForRule(document.uri, 'privileged-container');
    assert.equal(formatRange(diagnostic.range), formatRange(valueRange(document, 'privileged: true')));
    await discardActiveEditor();
  });

  test('a container with no securityContext anywhere is flagged on its name key', async () => {
    const { document } = await openFixture('missing-security-context.yaml');
    const [diagnostic] = await waitForRule(document.uri, 'missing-security-context');
    const nameKey = rangeOf(document, '- name: web').start.translate(0, 2);
    assert.equal(formatRange(diagnostic.range), formatRange(new vscode.Range(nameKey, nameKey.translate(0, 'name'.length))));
  });

  test('YAML that is not Kubernetes gets no diagnostics (compose file, GitHub workflow, package.json)', async () => {
    const notKubernetes = ['docker-compose.yml', '.github/workflows/ci.yml', 'package.json'];
    for (const file of notKubernetes) await openFixture(file);
    // There is nothing to wait for on a file that must stay clean: use a document opened after them as a barrier.
    // Once the server has linted it, it has seen the files opened before it.
    const barrier = await openUntitledYaml(PRIVILEGED_POD);
    await waitForRule(barrier.document.uri, 'privileged-container');
    await discardActiveEditor();
    for (const file of notKubernetes) {
      const uri = (await openFixture(file)).document.uri;
      assert.deepEqual(kubeguardDiagnostics(uri), [], `${file}: ${describeDiagnostics(uri)}`);
    }
  });

  test('a YAML syntax error is reported and the other documents of the file are still linted', async () => {
    const { document } = await openFixture('broken-multi-doc.yaml');
    const separatorLine = rangeOf(document, '\n---\n').start.line + 1;
    const [privileged] = await waitForRule(document.uri, 'privileged-container');
    assert.ok(privileged.range.start.line > separatorLine, 'the finding belongs to the second document');
    const [syntaxError] = await waitForRule(document.uri, SYNTAX_ERROR_ID);
    assert.equal(syntaxError.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(syntaxError.range.start.line < separatorLine, `syntax error inside the first document, got ${formatRange(syntaxError.range)}`);
  });
});
