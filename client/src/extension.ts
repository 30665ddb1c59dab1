// VS Code entry point: starts the bundled kubeguard language server and wires its commands.
import * as path from 'node:path';
import { ExtensionContext, LogOutputChannel, commands, window, workspace } from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { createStatusItem } from './status';

/** What `activate` returns; tests reach it through `vscode.extensions.getExtension(...).exports`. */
export interface KubeguardApi {
  /** Resolves once the language server has started (again, after a restart). */
  ready(): Promise<void>;
}

let client: LanguageClient | undefined;
let starting: Promise<void> = Promise.resolve();

export function activate(context: ExtensionContext): KubeguardApi {
  // A log channel: vscode-languageclient 10 writes leveled server logs and traces into it.
  const output = window.createOutputChannel('kubeguard', { log: true });
  client = createClient(context, output);
  starting = client.start();

  context.subscriptions.push(
    output,
    createStatusItem(),
    commands.registerCommand('kubeguard.showOutput', () => output.show(true)),
    commands.registerCommand('kubeguard.restartServer', async () => {
      output.info('Restarting the kubeguard language server');
      starting = client ? client.restart() : Promise.resolve();
      await starting;
    }),
  );

  return { ready: () => starting };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

function createClient(context: ExtensionContext, output: LogOutputChannel): LanguageClient {
  // The server is bundled beside this file by esbuild.mjs; the packaged .vsix carries no node_modules.
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // stdio, as every other editor and `npm run bench` speak to it: there the server encodes its diagnostic
  // reports itself (server/src/encoder.ts); over IPC Node would JSON.stringify each one whole.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    // `--inspect` lets "Attach to Server" debug the server when the extension runs in debug mode.
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  // Manifests and the project config can change on disk (git checkout, generators) without being opened.
  const watchers = [
    workspace.createFileSystemWatcher('**/*.{yaml,yml,json}'),
    workspace.createFileSystemWatcher('**/.kubeguard.{yaml,yml}'),
  ];
  context.subscriptions.push(...watchers);

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      // Kubernetes accepts JSON manifests too; the server ignores JSON that is not a Kubernetes object.
      { scheme: 'file', language: 'json' },
    ],
    synchronize: { fileEvents: watchers },
    outputChannel: output,
    middleware: {
      // From the command palette the command has no arguments: fix the file in the active editor.
      executeCommand: (command, args, next) => {
        const editor = window.activeTextEditor;
        return next(command, command === 'kubeguard.fixAll' && args.length === 0 && editor ? [editor.document.uri.toString()] : args);
      },
    },
  };

  // The id `kubeguard` makes the client honour the `kubeguard.trace.server` setting.
  return new LanguageClient('kubeguard', 'kubeguard', serverOptions, clientOptions);
}
