/** @file Code actions: one quick fix per fix of each finding under the cursor, and `source.fixAll.kubeguard` for fix-on-save. */
import { CodeActionKind, CodeActionTriggerKind, TextDocumentEdit, type CodeAction, type CodeActionParams, type Connection, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import { withFileLineBreaks } from '../../shared/src/edits/lineBreaks';
import { suppressionFix, type Finding } from '../../shared/src/engine/lint';
import type { ServerContext } from './context';
import { diagnosticKey, fromRange, ruleIdOf, toDiagnostic, toRange, toTextEdits, toWorkspaceEdit } from './convert';
import type { LintState } from './documents';
import { computeFixAll, FIX_ALL_KIND, FIX_ALL_TITLE } from './fixAll';
import { guard } from './log';
import type { WorkspaceFix } from '../../shared/src/workspace/lint';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export function registerCodeActions(connection: Connection, context: ServerContext): void {
  const { documents, features, log } = context;
  connection.onCodeAction(guard(log, 'textDocument/codeAction', [], async (params: CodeActionParams): Promise<CodeAction[]> => {
    const uri = params.textDocument.uri;
    const only = params.context.only;
    const actions: CodeAction[] = [];
    if (wants(only, CodeActionKind.QuickFix)) {
      const state = await documents.lint(uri);
      if (state) actions.push(...quickFixes(state, params, features.versionedEdits, features.createFiles));
    }
    // Fix-all re-lints up to three times: compute it when asked for by kind (on save, "Source Action...") or
    // when the user opened the menu by hand (Neovim, Helix and Emacs ask without `only`), never for the light bulb.
    const invoked = params.context.triggerKind === CodeActionTriggerKind.Invoked;
    if (only ? wants(only, FIX_ALL_KIND) : invoked) {
      const fixed = await computeFixAll(documents, uri);
      if (fixed && fixed.edits.length > 0) {
        const edits = toTextEdits(fixed.state.positions, fixed.edits);
        actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: toWorkspaceEdit(uri, fixed.state.version, edits, features.versionedEdits) });
      }
    }
    return actions;
  }));
}

/** `only` filters by kind prefix: asking for `source` or `source.fixAll` includes `source.fixAll.kubeguard`. */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(requested + '.'));
}

function quickFixes(state: LintState, params: CodeActionParams, versioned: boolean, createFiles: boolean): CodeAction[] {
  const range = fromRange(state.positions, params.range);
  // The client's own diagnostic objects, so the editor can tie each action to the squiggle it shows.
  const sent = new Map<string, Diagnostic>();
  for (const diagnostic of params.context.diagnostics) {
    const ruleId = ruleIdOf(diagnostic);
    if (ruleId) sent.set(diagnosticKey(ruleId, diagnostic.range), diagnostic);
  }
  const actions: CodeAction[] = [];
  for (const finding of state.result.findings) {
    if (!touches(finding, range)) continue;
    const suppression = suppressionFix(state.result.text, state.result.lines, finding);
    const fixes = suppression ? [...finding.fixes, suppression] : finding.fixes;
    if (fixes.length === 0) continue;
    const ownRange = toRange(state.positions, finding.start, finding.end);
    const diagnostic = sent.get(diagnosticKey(finding.ruleId, ownRange)) ?? toDiagnostic(finding, state.positions);
    fixes.forEach((fix, index) => {
      // A workspace fix may write its documents to a new file instead (workspace/lint.ts): a CreateFile edit.
      const newFile = (fix as WorkspaceFix).newFile;
      if (newFile && !createFiles) return;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        // The preferred fix is what "Auto Fix" applies unasked: never the suppression comment.
        isPreferred: index === 0 && !fix.suppression,
        // Fixes write `\n`: a CRLF file gets CRLF (the CLI's --fix does the same).
        edit: newFile ? newFileEdit(newFile.uri, newFile.text) : toWorkspaceEdit(state.uri, state.version, toTextEdits(state.positions, withFileLineBreaks(state.result.text, fix.edits)), versioned),
      });
    });
  }
  return actions;
}

/** Inclusive at both ends: a cursor right after `true` still offers the fix for `true`. */
function touches(finding: Finding, range: { start: number; end: number }): boolean {
  return finding.start <= range.end && range.start <= finding.end;
}

/** Creates `uri` (never overwriting a file the index does not know) and writes `text` into it. */
function newFileEdit(uri: string, text: string): WorkspaceEdit {
  return {
    documentChanges: [
      { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
      TextDocumentEdit.create({ uri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }]),
    ],
  };
}
