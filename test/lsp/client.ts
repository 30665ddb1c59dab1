/** @file A minimal LSP client for tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC over its pipes. */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type ConfigurationParams,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
  type InitializeResult,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { repoRoot } from '../harness/root';

/** What a pulling client like VS Code announces (the parts the server looks at). */
export const PULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    diagnostics: { refreshSupport: true },
    didChangeConfiguration: { dynamicRegistration: true },
  },
};

/** What a push-only client (Neovim < 0.10, Helix, Emacs) announces: no pull, no workspace/configuration. */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    publishDiagnostics: { versionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    hover: { contentFormat: ['plaintext'] },
  },
  workspace: { applyEdit: true },
};

const TIMEOUT_MS = 30_000;

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  readonly logs: string[] = [];
  refreshes = 0;
  stderr = '';
  /** What `workspace/configuration` answers for the `kubeguard` section. */
  settings: unknown = null;
  /** Answers for other sections (e.g. `kubeguard.exclude`), by section name. */
  sections: Record<string, unknown> = {};
  private readonly waiters: Array<() => void> = [];

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
  ) {
    process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => void this.logs.push(params.message));
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => params.items.map((item) => (item.section && item.section in this.sections ? this.sections[item.section] : this.settings)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.wake();
      return null;
    });
    connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      this.applied.push(params);
      this.wake();
      return { applied: true };
    });
    connection.listen();
  }

  /** `workspaceFolders`: folder URIs the server indexes; `before` runs before `initialized` (e.g. to set `sections`). */
  static async start(capabilities: ClientCapabilities, options: { workspaceFolders?: string[]; before?: (client: TestClient) => void } = {}): Promise<{ client: TestClient; init: InitializeResult }> {
    const child = spawn(process.execPath, [path.join(repoRoot(), 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection);
    options.before?.(client);
    const workspaceFolders = options.workspaceFolders?.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })) ?? null;
    const init = await client.request<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders });
    await client.notify('initialized', {});
    return { client, init };
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  async request<R>(method: string, params: unknown): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method}: no answer within ${TIMEOUT_MS} ms (server alive: ${this.alive}); stderr: ${this.stderr}`)), TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.connection.sendRequest<R>(method, params), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1, languageId = 'yaml'): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the first value `probe` returns, re-checking whenever the server sends something. */
  async waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = TIMEOUT_MS): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The next publishDiagnostics for `uri` with the given version (published after `since`, an index into `published`). */
  waitForPublish(uri: string, version: number | undefined, since = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.published.slice(since).find((p) => p.uri === uri && p.version === version), `publishDiagnostics for ${uri} version ${version}`);
  }

  /** Closes the server's stdin, as an editor that quits without `shutdown` does; resolves with how the process ended, or 'running' after `ms`. */
  async hangUp(ms: number): Promise<number | string | 'running'> {
    const exited = new Promise<number | string>((resolve) => this.process.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
    this.process.stdin.end();
    return Promise.race([exited, new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), ms))]);
  }

  async stop(): Promise<void> {
    if (this.alive) {
      const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
      try {
        await this.request('shutdown', null);
        await this.notify('exit', null);
      } catch {
        this.process.kill();
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (this.alive) this.process.kill();
    }
    this.connection.dispose();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

/** One pull of a document's diagnostics; the server must answer with a full report. */
export async function pullItems(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(report.kind, 'full');
  return (report as FullDocumentDiagnosticReport).items;
}

/** Pulls until `accept` holds: the first pull may come before the server has heard of other files or settings. */
export async function pullUntil(client: TestClient, uri: string, accept: (items: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
  let last: Diagnostic[] = [];
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    last = await pullItems(client, uri);
    if (accept(last)) return last;
  }
  assert.fail(`${what}; last pull: ${JSON.stringify(last.map((d) => String(d.code)))}`);
}
