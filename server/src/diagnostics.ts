/** @file Diagnostics: answered on request for clients that pull (LSP 3.17), published after each change for clients that only take pushes. */
import {
  DocumentDiagnosticReportKind,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import { toDiagnostic } from './convert';
import type { LintState } from './documents';
import { encodable } from './encoder';
import { guard } from './log';

export function toDiagnostics(state: LintState): Diagnostic[] {
  return encodable(state.result.findings.map((finding) => toDiagnostic(finding, state.positions)));
}

/** Whether two reports say the same: toDiagnostic's fields, in order (the link is one object per rule). */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.range.start.line !== y.range.start.line || x.range.start.character !== y.range.start.character || x.range.end.line !== y.range.end.line || x.range.end.character !== y.range.end.character) return false;
    if (x.severity !== y.severity || x.code !== y.code || x.source !== y.source || x.message !== y.message || x.codeDescription?.href !== y.codeDescription?.href) return false;
  }
  return true;
}

/** A full report the client holds: the id it names when it pulls again, and what the report said. */
export interface HeldReport {
  readonly resultId: string;
  readonly items: readonly Diagnostic[];
}

/**
 * The answer to a pull of `state` when the client holds `held`: "unchanged" when the result is the
 * one it holds, or says exactly the same; otherwise the full report, also returned as `full` for the
 * caller to remember as what the client holds next.
 */
export function pullReport(state: LintState, held: HeldReport | undefined): { report: DocumentDiagnosticReport; full?: HeldReport } {
  if (held?.resultId === state.resultId) return { report: { kind: DocumentDiagnosticReportKind.Unchanged, resultId: held.resultId } };
  const items = toDiagnostics(state);
  if (held && sameDiagnostics(items, held.items)) return { report: { kind: DocumentDiagnosticReportKind.Unchanged, resultId: held.resultId } };
  return { report: { kind: DocumentDiagnosticReportKind.Full, resultId: state.resultId, items }, full: { resultId: state.resultId, items } };
}

/** How other modules ask for fresh diagnostics of open documents whose results they invalidated. */
export interface DiagnosticsRefresher {
  /** Pull clients are asked to pull again; push clients get a republish of those documents. */
  refreshOpen(uris: Iterable<string>): void;
}

export function registerDiagnostics(connection: Connection, context: ServerContext): DiagnosticsRefresher {
  const { features, documents, settings, log } = context;
  const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

  // Pull: the client asks when it wants them (visible editors, after edits) and we lint lazily.
  // The last full report of each document: when a change leaves every diagnostic as it was (typing in
  // a value with no finding on its line, say), the client is told "unchanged" instead of getting all
  // of them again.
  const lastReports = new Map<string, HeldReport>();
  connection.languages.diagnostics.on(guard(log, 'textDocument/diagnostic', empty, async (params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    const state = await documents.lint(uri);
    if (!state) return empty;
    // The client holds our last report when it names it; only then can it be told "unchanged".
    const last = lastReports.get(uri);
    const held = params.previousResultId !== undefined && params.previousResultId === last?.resultId ? last : undefined;
    const { report, full } = pullReport(state, held);
    if (full) lastReports.set(uri, full);
    return report;
  }));

  // Push: one complete publish per change. Changes that arrive before we get to run collapse into
  // one publish of the newest version: the older ones are already out of date.
  const pending = new Set<string>();
  let scheduled = false;
  const flush = guard(log, 'publishDiagnostics', undefined, async () => {
    scheduled = false;
    const uris = [...pending];
    pending.clear();
    await Promise.all(uris.map(publish));
  });
  const publish = guard(log, 'publishDiagnostics', undefined, async (uri: string) => {
    const state = await documents.lint(uri);
    // Closed meanwhile, or changed again (and so scheduled again): nothing to say for this version.
    if (!state || documents.get(uri)?.version !== state.version) return;
    await connection.sendDiagnostics({ uri, version: state.version, diagnostics: toDiagnostics(state) });
  });
  const schedule = (uri: string) => {
    pending.add(uri);
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => void flush());
    }
  };

  documents.synced.onDidChangeContent((event) => {
    if (!features.pullDiagnostics) schedule(event.document.uri);
  });
  documents.synced.onDidClose((event) => {
    lastReports.delete(event.document.uri);
    if (features.pullDiagnostics) return;
    pending.delete(event.document.uri);
    // A closed file's problems leave the Problems list with it.
    void guard(log, 'publishDiagnostics', undefined, () => connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }))();
  });

  settings.onDidChange(() => {
    if (!features.pullDiagnostics) {
      for (const document of documents.all()) schedule(document.uri);
    } else if (features.diagnosticRefresh) {
      void guard(log, 'workspace/diagnostic/refresh', undefined, () => connection.languages.diagnostics.refresh())();
    }
  });

  // Workspace changes come in bursts (a scan finishing, a policy edited): one refresh per burst.
  let refreshQueued = false;
  return {
    refreshOpen(uris) {
      if (!features.pullDiagnostics) {
        for (const uri of uris) if (documents.get(uri)) schedule(uri);
      } else if (features.diagnosticRefresh && !refreshQueued && [...uris].length > 0) {
        refreshQueued = true;
        setImmediate(() => {
          refreshQueued = false;
          void guard(log, 'workspace/diagnostic/refresh', undefined, () => connection.languages.diagnostics.refresh())();
        });
      }
    },
  };
}
