/** @file What every feature module is handed: the client's abilities, the open documents, settings and the log. */
import type { ClientCapabilities } from 'vscode-languageserver/node';
import type { ConfigFiles } from './configFile';
import type { DocumentStore } from './documents';
import type { Log } from './log';
import type { SettingsStore } from './settings';

/** What the client said it can do, read once at `initialize`. Every flag defaults to the conservative choice. */
export interface ClientFeatures {
  /** `textDocument/diagnostic`: the client pulls. Without it we push `publishDiagnostics`; never both. */
  pullDiagnostics: boolean;
  /** `workspace/diagnostic/refresh`: we may ask a pulling client to pull again (after a settings change). */
  diagnosticRefresh: boolean;
  /** `workspace/configuration`: settings per document URI; without it, whatever `didChangeConfiguration` carries. */
  configuration: boolean;
  configurationRegistration: boolean;
  /** Versioned `documentChanges`: the client refuses an edit computed for an older version of the text. */
  versionedEdits: boolean;
  applyEdit: boolean;
  /** `CreateFile` in workspace edits: fixes that put generated documents in a new file are offered only then. */
  createFiles: boolean;
  codeActionLiterals: boolean;
  markdownHover: boolean;
}

export function readClientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  const text = capabilities.textDocument;
  const workspace = capabilities.workspace;
  return {
    pullDiagnostics: Boolean(text?.diagnostic),
    diagnosticRefresh: Boolean(workspace?.diagnostics?.refreshSupport),
    configuration: Boolean(workspace?.configuration),
    configurationRegistration: Boolean(workspace?.didChangeConfiguration?.dynamicRegistration),
    versionedEdits: Boolean(workspace?.workspaceEdit?.documentChanges),
    applyEdit: Boolean(workspace?.applyEdit),
    createFiles: Boolean(workspace?.workspaceEdit?.documentChanges && workspace.workspaceEdit.resourceOperations?.includes('create')),
    codeActionLiterals: Boolean(text?.codeAction?.codeActionLiteralSupport),
    markdownHover: text?.hover?.contentFormat?.includes('markdown') ?? false,
  };
}

/** Until `initialize` says otherwise, assume the least: push diagnostics, default settings. */
export function initialFeatures(): ClientFeatures {
  return readClientFeatures({});
}

/** The dependencies of the `registerX(connection, context)` functions. */
export interface ServerContext {
  /** Filled in by `initialize`; handlers read it when they run, not when they are registered. */
  readonly features: ClientFeatures;
  readonly documents: DocumentStore;
  readonly settings: SettingsStore;
  /** `.kubeguard.yaml` files: lookup, their settings, their problems. */
  readonly configFiles: ConfigFiles;
  readonly log: Log;
}
