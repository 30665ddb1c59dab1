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
    // Registered first: a provider registered while VS Code asks for code actions cancels that request.
    const watch = watchSave(document);
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
      // VS Code drops a whole save, silently, when a save participant is cancelled, and saves without the fix when
      // the code action request of codeActionsOnSave is cancelled after it answered: it cancels that request when
      // the document or the set of code action providers changes while it runs. A person would save again; so
      // does the test, up to 3 times, and it logs what it saw each time (below), so a pattern would show.
      let before = '';
      for (let attempt = 1; ; attempt++) {
        // Saving an unmodified file runs no save participants: make it dirty with one more comment.
        assert.ok(await step('the edit before the save', () => editor.edit((edit) => edit.insert(new vscode.Position(0, 0), `# edited just before saving (${attempt})\n`))));
        before = document.getText();
        watch.reset();
        const wentThrough = await step('the save', () => document.save());
        const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const fixed = document.getText() !== before;
        if (wentThrough && fixed) break;
        const left = await step('fix-all after a save without it', () => fixAllEdits(document.uri));
        const state = `save went through=${wentThrough}, dirty=${document.isDirty}, version=${document.version}, fix-all applied=${fixed}, `
          + `on disk: ${disk === document.getText() ? 'the editor text' : disk === before ? 'the text before the save' : 'other text'}, `
          + `fix-all edits still offered: ${left}; ${watch.describe()}`;
        console.log(`fix-all on save: attempt ${attempt} saved no fix (${state})`);
        // Nothing left to fix means the fix went somewhere: a bug, not VS Code's cancellation.
        assert.ok(left > 0 && attempt < 3, `fix-all on save within 3 attempts; the last: ${state}`);
      }
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.equal(saved, document.getText(), 'what is on disk is what the editor shows');
      assert.deepEqual(commentsOf(saved), commentsOf(before), 'comments survive fix-all');
      assert.ok(!/allowPrivilegeEscalation: true/.test(saved) && /allowPrivilegeEscalation: false # copied from an old chart/.test(saved), saved);
      assert.equal(await step('fix-all after the save', () => fixAllEdits(document.uri)), 0, `nothing fixable is left; the file reads:\n${saved}`);
      await waitFor(
        () => (kubeguardDiagnostics(document.uri).some((d) => ruleId(d) === 'allow-privilege-escalation') ? undefined : true),
        () => `the allow-privilege-escalation findings to go away; have: ${describeDiagnostics(document.uri)}`,
      );
    } finally {
      watch.dispose();
      await editorSettings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.writeFile(uri, original);
      await revert(editor);
    }
  });
});

/**
 * What happened to a document while it was saved: its change events, and the fix-all code action requests
 * VS Code made (seen by a provider of the same kind that answers nothing and waits a little, so a
 * cancellation of the request, which VS Code makes for all providers at once, reaches it).
 */
function watchSave(document: vscode.TextDocument): { reset(): void; describe(): string; dispose(): void } {
  let changes: string[] = [];
  let requests: Array<{ cancelled: boolean }> = [];
  const fixAll = vscode.CodeActionKind.SourceFixAll.append('kubeguard');
  const listener = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.document === document) changes.push(`${event.contentChanges.length} change(s)${event.reason ? ` (reason ${event.reason})` : ''}`);
  });
  const spy = vscode.languages.registerCodeActionsProvider({ language: 'yaml' }, {
    provideCodeActions: (_document, _range, context, token) => {
      if (!context.only || !context.only.contains(fixAll)) return [];
      const request = { cancelled: token.isCancellationRequested };
      requests.push(request);
      return new Promise<vscode.CodeAction[]>((resolve) => {
        const timer = setTimeout(() => resolve([]), 300);
        token.onCancellationRequested(() => {
          request.cancelled = true;
          clearTimeout(timer);
          resolve([]);
        });
      });
    },
  }, { providedCodeActionKinds: [fixAll] });
  return {
    reset: () => {
      changes = [];
      requests = [];
    },
    describe: () => `change events during the save: [${changes.join(', ')}]; fix-all requests: ${requests.length}, `
      + `cancelled: ${requests.filter((r) => r.cancelled).length}`,
    dispose: () => {
      listener.dispose();
      spy.dispose();
    },
  };
}

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
