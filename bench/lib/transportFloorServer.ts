// The transport floor of a keystroke: a language server that analyses nothing. It keeps the open
// documents in sync (vscode-languageserver's TextDocuments of kubeguard's SyncedDocument) and answers every
// diagnostic pull with a fixed full report, the one kubeguard gave on open, written as kubeguard
// writes its reports (server/src/encoder.ts). Its CPU per keystroke is what merely receiving the
// change and sending that many diagnostics back costs. bench/run.mjs bundles it with esbuild.
//   node <bundle> <diagnostics.json> --stdio
import { readFileSync } from 'node:fs';
import { createConnection, DocumentDiagnosticReportKind, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Diagnostic, type MessageReader } from 'vscode-languageserver/node';
import { encodable, FrameWriter } from '../../server/src/encoder';
import { SyncedDocument } from '../../server/src/syncedDocument';

const items = encodable(JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Diagnostic[]);
const connection = createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new FrameWriter(process.stdout));
const documents = new TextDocuments<SyncedDocument>({ create: SyncedDocument.create, update: SyncedDocument.update });

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false },
  },
}));
connection.languages.diagnostics.on((params) => {
  const document = documents.get(params.textDocument.uri);
  return { kind: DocumentDiagnosticReportKind.Full, resultId: String(document?.version ?? 0), items: document ? items : [] };
});
documents.listen(connection);
connection.listen();
