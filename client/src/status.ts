// The status bar item: the active file's kubeguard finding count; a click opens the Problems view.
import { DiagnosticSeverity, Disposable, languages, StatusBarAlignment, window, type Uri } from 'vscode';

export function createStatusItem(): Disposable {
  const item = window.createStatusBarItem('kubeguard.status', StatusBarAlignment.Right, 100);
  item.name = 'kubeguard';
  item.command = 'workbench.actions.view.problems';

  const update = () => {
    const editor = window.activeTextEditor;
    if (!editor || !['yaml', 'json'].includes(editor.document.languageId)) {
      item.hide();
      return;
    }
    const ours = languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'kubeguard');
    const errors = ours.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
    const others = ours.length - errors - warnings;
    item.text = ours.length === 0 ? '$(shield) kubeguard' : `$(shield) ${errors} $(error) ${warnings} $(warning)${others ? ` ${others} $(info)` : ''}`;
    item.tooltip = ours.length === 0 ? 'kubeguard: no findings in this file' : `kubeguard: ${errors} errors, ${warnings} warnings, ${others} other findings in this file — click to open Problems`;
    item.show();
  };

  const isActive = (uris: readonly Uri[]) => uris.some((u) => u.toString() === window.activeTextEditor?.document.uri.toString());
  update();
  return Disposable.from(
    item,
    window.onDidChangeActiveTextEditor(update),
    languages.onDidChangeDiagnostics((event) => {
      if (isActive(event.uris)) update();
    }),
  );
}
