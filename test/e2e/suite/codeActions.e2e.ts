// Proves that kubeguard's quick fixes edit only what they should and keep the user's comments: one fix, the
// suppression comment, and fix-all when a file is saved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import {
  activateExtension, applyCodeAction, describeDiagnostics, fixtureUri, kubeguardDiagnostics, openFixture, revert, ruleId,
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

  test('"Suppress <rule> for this line" inserts the disable comment above the line and the squiggle goes', async () => {
    const editor = await openFixture('suppress-host-pid.yaml');
    const { document } = editor;
    try {
      const [diagnostic] = await waitForRule(document.uri, 'host-namespaces');
      const line = diagnostic.range.start.line;
      const before = document.getText();
      await applyCodeAction(await quickFixTitled(document.uri, diagnostic.range, /^Suppress host-namespaces for this line$/));

      const lines = document.getText().split('\n');
      const indent = /^ */.exec(before.split('\n')[line]!)![0];
      assert.match(lines[line]!, new RegExp(`^${indent}# kubeguard-disable-next-line host-namespaces -- \\S`), 'the comment, indented like the line, with a reason');
      assert.equal(lines.filter((_, i) => i !== line).join('\n'), before, 'only the comment line was added');
      await waitFor(
        () => (kubeguardDiagnostics(document.uri).some((d) => ruleId(d) === 'host-namespaces') ? undefined : true),
        () => `the host-namespaces finding to go away; have: ${describeDiagnostics(document.uri)}`,
      );
      // The comment silences something, so it draws no "matches no finding" note of its own.
      assert.ok(!kubeguardDiagnostics(document.uri).some((d) => ruleId(d) === 'suppression'), describeDiagnostics(document.uri));
    } finally {
      await revert(editor);
    }
  });

  test('fix-all on save (editor.codeActionsOnSave) leaves nothing fixable and keeps every comment', async () => {
    const editorSettings = vscode.workspace.getConfiguration('editor');
    const uri = fixtureUri('fix-on-save.yaml');
    const original = await vscode.workspace.fs.readFile(uri);
    await editorSettings.update('codeActionsOnSave', { 'source.fixAll.kubeguard': 'explicit' }, vscode.ConfigurationTarget.Global);
    const editor = await openFixture('fix-on-save.yaml');
    const { document } = editor;
    try {
      await waitForRule(document.uri, 'allow-privilege-escalation');
      // Asked again if it comes back empty: VS Code answers a provider call it cancelled (the settings
      // change above reaching the server, say) with no actions rather than an error.
      const counts: number[] = [];
      for (let attempt = 0; attempt < 5 && !counts.some((n) => n > 0); attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200));
        counts.push(await step('fix-all before the save', () => fixAllEdits(document.uri)));
      }
      assert.ok(counts.some((n) => n > 0), `fix-all has work to do before the save (edits per attempt: ${counts.join(', ')})`);
      // Saving an unmodified file runs no save participants: make it dirty with one more comment.
      assert.ok(await step('the edit before the save', () => editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# edited just before saving\n'))));
      const before = document.getText();
      // VS Code drops a whole save, silently, when a save participant is cancelled: the code action request of
      // codeActionsOnSave is, when the document or the set of code action providers changes while it runs. A
      // person would press save again; so does the test, and it logs each dropped attempt, so a pattern would show.
      for (let attempt = 1; !(await step('the save', () => document.save())); attempt++) {
        const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const state = `dirty=${document.isDirty}, version=${document.version}, fix-all applied=${document.getText() !== before}, `
          + `on disk: ${disk === document.getText() ? 'the editor text' : disk === before ? 'the text before the save' : 'other text'}`;
        console.log(`fix-all on save: save attempt ${attempt} did not go through (${state})`);
        assert.ok(attempt < 3, `the save went through within 3 attempts; the last: ${state}`);
      }
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.equal(saved, document.getText(), 'what is on disk is what the editor shows');
      assert.notEqual(saved, before, 'fix-all changed the file as it was saved');
      assert.deepEqual(commentsOf(saved), commentsOf(before), 'comments survive fix-all');
      assert.ok(!/allowPrivilegeEscalation: true/.test(saved) && /allowPrivilegeEscalation: false # copied from an old chart/.test(saved), saved);
      assert.equal(await step('fix-all after the save', () => fixAllEdits(document.uri)), 0, `nothing fixable is left; the file reads:\n${saved}`);
      await waitFor(
        () => (kubeguardDiagnostics(document.uri).some((d) => ruleId(d) === 'allow-privilege-escalation') ? undefined : true),
        () => `the allow-privilege-escalation findings to go away; have: ${describeDiagnostics(document.uri)}`,
      );
    } finally {
      await editorSettings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.writeFile(uri, original);
      await revert(editor);
    }
  });
});

/** Runs one step of a test; a failure names the step (VS Code's own errors, such as "Canceled", say nothing of where). */
async function step<T>(name: string, run: () => Thenable<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * How many text edits the file's `source.fixAll.kubeguard` action makes (0 when none is offered).
 * VS Code cancels a code action request when the document changes while it runs (the editor then
 * simply asks again): a cancelled request is asked again, a few times at most.
 */
async function fixAllEdits(uri: vscode.Uri): Promise<number> {
  const fixAll = vscode.CodeActionKind.SourceFixAll.append('kubeguard');
  let actions: vscode.CodeAction[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), fixAll.value);
      break;
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || error.message !== 'Canceled') throw error;
    }
  }
  return actions
    .filter((a) => a.kind && fixAll.contains(a.kind))
    .flatMap((a) => a.edit?.entries() ?? [])
    .reduce((n, [, edits]) => n + edits.length, 0);
}
