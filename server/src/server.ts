/** @file The kubeguard language server: the connection, capability negotiation, and one register call per LSP feature. */
import { inspect } from 'node:util';
import {
  createConnection,
  DidChangeConfigurationNotification,
  type MessageReader,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { registerCodeActions, CODE_ACTION_KINDS } from './codeActions';
import { registerCommands, COMMANDS } from './commands';
import { ConfigFiles } from './configFile';
import { initialFeatures, readClientFeatures, type ServerContext } from './context';
import { registerDiagnostics } from './diagnostics';
import { foldersOf, WorkspaceService } from './workspace';
import { DocumentStore } from './documents';
import { FrameWriter } from './encoder';
import { registerHover } from './hover';
import { connectionLog, installProcessGuards, type Log } from './log';
import { registerSettings, SECTION, SettingsStore } from './settings';
import { warmUp } from './warmUp';

let log: Log | undefined;
installProcessGuards(() => log);

const connection = connect();
log = connectionLog(connection);

const features = initialFeatures();
const settings = new SettingsStore(connection, features, log);
const documents = new DocumentStore(settings, log);
// `.kubeguard.yaml`: a change re-resolves every document's settings, as a settings change does.
const configFiles = new ConfigFiles(connection, features, documents, log, () => settings.configChanged());
settings.useConfigFiles(configFiles);
configFiles.listen();
const context: ServerContext = { features, documents, settings, configFiles, log };

let initializeParams: InitializeParams | undefined;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  initializeParams = params;
  Object.assign(features, readClientFeatures(params.capabilities));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      // Pull where the client can; otherwise diagnostics.ts pushes. Never both for one client.
      // interFileDependencies: workspace-level checks (a Service and its Deployment) may span files.
      ...(features.pullDiagnostics ? { diagnosticProvider: { identifier: 'kubeguard', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      codeActionProvider: features.codeActionLiterals ? { codeActionKinds: CODE_ACTION_KINDS } : true,
      hoverProvider: true,
      executeCommandProvider: { commands: COMMANDS },
      // The workspace index (workspace.ts) follows folders as they are added and removed.
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'kubeguard' },
  };
});

/** When no document comes to be linted first, indexing and the warm-up start after this long. */
const BACKGROUND_WORK_AFTER_MS = 1000;

connection.onInitialized(() => {
  // In idle time, so the first keystrokes a user types are as fast as the later ones (see warmUp.ts).
  // Background work starts once the document that started the server has its diagnostics.
  const firstLint = documents.firstLintDone(BACKGROUND_WORK_AFTER_MS);
  warmUp({
    onError: (error) => context.log.warn(`kubeguard: warm-up stopped: ${String(error)}`),
    started: firstLint,
    busy: () => documents.busy() || workspace.awaitingFirstLint(),
    prepare: () => documents.prepareForEdits(),
    newest: () => documents.newest(),
    namespaces: () => workspace.namespaces(),
  });
  // Indexing runs in the background: open documents get their own findings at once, cross-file ones when it is done.
  let folders = foldersOf(initializeParams ?? {});
  configFiles.setFolders(folders);
  workspace.start(folders, Boolean(initializeParams?.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration), firstLint);
  if (initializeParams?.capabilities.workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      folders = [...folders.filter((f) => !event.removed.some((r) => r.uri === f)), ...event.added.map((f) => f.uri)];
      configFiles.setFolders(folders);
      workspace.changeFolders(event.added.map((f) => f.uri), event.removed.map((f) => f.uri));
    });
  }
  // VS Code sends didChangeConfiguration only for sections a server registered for.
  if (!features.configurationRegistration) return;
  connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }).catch((error: unknown) => context.log.warn(`kubeguard: could not register for configuration changes: ${String(error)}`));
});

registerSettings(connection, context);
const workspace = new WorkspaceService(connection, context, registerDiagnostics(connection, context));
registerCodeActions(connection, context);
registerCommands(connection, context);
registerHover(connection, context);

documents.listen(connection);
connection.listen();

/**
 * The transport comes from the command line: --stdio (VS Code, any editor), --node-ipc, --socket=<port>,
 * --pipe=<name>. On stdio, encoder.ts writes the messages (diagnostic reports encoded from cached pieces).
 */
function connect() {
  try {
    if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
    // stdin as a stream, not a reader: createConnection then also exits when the client closes it. Its
    // types take two streams or two reader/writers; the code takes each side as either.
    const input = process.stdin as unknown as MessageReader;
    const stdio = createConnection(ProposedFeatures.all, input, new FrameWriter(process.stdout));
    // Anything printed to stdout would corrupt the protocol stream: console output goes to the client's log instead, as createConnection does for --stdio itself.
    redirectConsole(stdio);
    return stdio;
  } catch (error) {
    process.stderr.write(`kubeguard language server: ${(error as Error).message}\nUsage: node dist/server.js --stdio\n`);
    process.exit(2);
  }
}

function redirectConsole(target: ReturnType<typeof createConnection>): void {
  const text = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
  console.log = console.info = console.debug = (...args: unknown[]) => target.console.log(text(args));
  console.warn = (...args: unknown[]) => target.console.warn(text(args));
  console.error = console.trace = (...args: unknown[]) => target.console.error(text(args));
}
