// Shared helpers for the e2e suites: open fixtures, wait for the language server, poll diagnostics.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kubeguard.kubeguard';
/** The code of the diagnostic the engine reports for a YAML syntax error (shared/src/engine/lint.ts). */
export const SYNTAX_ERROR_ID = 'yaml-syntax';

/** Starts the extension (if needed) and waits for its language server. */
export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension<{ ready(): Promise<void> }>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  await api.ready();
}

/** A file of the workspace the runner opened (a temp copy of test/e2e/workspace). */
export function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e tests need a workspace folder (test/e2e/workspace)');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document);
}

/** Polls `probe` until it returns something other than undefined; fails with `describe()` after the timeout. */
export async function waitFor<T>(probe: () => T | undefined, describe: () => string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function kubeguardDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kubeguard');
}

/** The rule id of a diagnostic: LSP `code` arrives as a string, or as `{ value, target }` when it links to docs. */
export function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Waits until the file has a kubeguard diagnostic with the given rule id and returns all of those. */
export async function waitForRule(uri: vscode.Uri, rule: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const found = kubeguardDiagnostics(uri).filter((d) => ruleId(d) === rule);
      return found.length > 0 ? found : undefined;
    },
    () => `a '${rule}' diagnostic on ${uri.path}; have: ${describeDiagnostics(uri)}`,
    timeoutMs,
  );
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return '(none)';
  return all.map((d) => `[${d.source}/${ruleId(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}] ${d.message}`).join('; ');
}

/** The range of `text` at its `occurrence`-th appearance (0-based) in the document. */
export function rangeOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = document.getText().indexOf(text, offset + 1);
    if (offset < 0) throw new Error(`'${text}' not found in ${document.uri.path}`);
  }
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length));
}

/** The range of the value in `key: value` (first occurrence of the whole pair). */
export function valueRange(document: vscode.TextDocument, pair: string): vscode.Range {
  const whole = rangeOf(document, pair);
  const valueStart = pair.search(/\S+$/);
  return new vscode.Range(whole.start.translate(0, valueStart), whole.end);
}

export function formatRange(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Applies a code action the way the editor does: its edit first, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) throw new Error(`edit of '${action.title}' was rejected`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Throws away unsaved edits so a test leaves its fixture as it found it. */
export async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** Opens an unsaved YAML buffer; close it with `discardActiveEditor`. */
export async function openUntitledYaml(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  return vscode.window.showTextDocument(document);
}

/** Closes the active editor without saving (no "save changes?" prompt left behind). */
export async function discardActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

export const PRIVILEGED_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: scratch',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: nginx:1.27',
  '      securityContext:',
  '        privileged: true',
  '',
].join('\n');
