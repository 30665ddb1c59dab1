// The transport floor of a keystroke: a language server that analyses nothing. It keeps the open
// documents in sync (vscode-languageserver's TextDocuments, as kubeguard does) and answers every
// diagnostic pull with a fixed list, the one kubeguard reported on open. Its CPU per keystroke is
// what merely receiving the change and sending that many diagnostics back over JSON-RPC costs.
//   node bench/lib/transportFloorServer.cjs <diagnostics.json> --stdio
const { readFileSync } = require('node:fs');
const { createConnection, DocumentDiagnosticReportKind, ProposedFeatures, TextDocuments, TextDocumentSyncKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const items = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

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
