/**
 * @file The workspace view in the server. It scans the workspace folders in the background
 * (never delaying an open document's first diagnostics), keeps the index current from disk
 * events and open documents (unsaved text wins), feeds Namespaces to the Pod Security engine,
 * and re-checks exactly the files whose facts changed.
 *
 * Cross-file findings of files that are not open are pushed with `publishDiagnostics`, for pull
 * clients too: every client takes pushes, they change only when a dependency changes (which the
 * index knows), and `workspace/diagnostic` is a long-poll few editors support. An open document's
 * findings, cross-file ones included, come from its own lint (pulled or pushed as usual); on
 * open its pushed set is cleared so a pulling client never shows both.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type FileEvent } from 'vscode-languageserver/node';
import type { Settings } from '../../shared/src/engine/config';
import type { FileResult } from '../../shared/src/engine/lint';
import { LineIndex } from '../../shared/src/model/lines';
import { indexTextSteps, type Fact } from '../../shared/src/workspace/facts';
import { WorkspaceIndex, type IndexUpdate } from '../../shared/src/workspace/index';
import { lintWorkspaceFile, mergeWorkspaceFindings, openFileWorkspaceFindings, type OpenFileMemory } from '../../shared/src/workspace/lint';
import type { NamespaceIndex } from '../../shared/src/workspace/namespaces';
import type { ServerContext } from './context';
import { toDiagnostic } from './convert';
import type { DiagnosticsRefresher } from './diagnostics';
import type { WorkspaceHook } from './documents';
import { describeError, guard } from './log';
import { SECTION } from './settings';
import { FolderFilter } from './workspaceFiles';

/** Parsing is synchronous: hand the event loop back this often during a scan so requests are answered. */
const SLICE_MS = 15;
/** How long after its opening a scan waits for a document's first lint before it goes on anyway. */
const FIRST_LINT_GRACE_MS = 1000;

export class WorkspaceService implements WorkspaceHook {
  readonly index = new WorkspaceIndex();
  private folders: string[] = [];
  private filters: FolderFilter[] = [];
  private excludesKey = '';
  /** False until the first scan is done: cross-file verdicts on half an index would be guesses ("no policy"). */
  private ready = false;
  private scans = 0;
  /** Texts of indexed files that are not open, for positions and suppression comments (only files with facts). */
  private readonly texts = new Map<string, string>();
  /** Index key → the client's URI, for files open in the editor. */
  private readonly open = new Map<string, string>();
  /** What was last pushed for a closed file, so unchanged findings are not sent again. */
  private readonly pushed = new Map<string, string>();
  private readonly queued = new Set<string>();
  /** Open documents linted at least once since they were opened, and when each was opened. */
  private readonly linted = new Set<string>();
  private readonly openedAt = new Map<string, number>();
  private flushQueued = false;
  /** Each open document's last lint and workspace findings, so an edit that changes no fact costs little (openFileWorkspaceFindings). */
  private readonly memory = new Map<string, OpenFileMemory>();
  /** What the first scan waits for (see start). */
  private firstLint: Promise<void> = Promise.resolve();
  private watchedQueue: FileEvent[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly context: ServerContext,
    private readonly diagnostics: DiagnosticsRefresher,
  ) {}

  /**
   * Wires document, file and settings events, and starts the first scan. Call after `initialized`.
   * `registerWatchers`: the client lets us register file watchers (VS Code's client also forwards its own; duplicates are harmless).
   * `firstLint`: the scan waits for it (the first lint of an open document, or a timeout), so the
   * document that started the server never waits for indexing: slices of a scan taken while a big
   * didOpen is still arriving would each hold up one chunk of it.
   */
  start(folders: readonly string[], registerWatchers: boolean, firstLint: Promise<void>): void {
    this.firstLint = firstLint;
    const { documents, settings } = this.context;
    documents.useWorkspace(this);
    documents.synced.onDidOpen((event) => this.opened(event.document.uri));
    documents.synced.onDidClose((event) => void this.closed(event.document.uri));
    // Pull clients lint what they show; a change must reach the index even if nobody pulls it soon.
    documents.synced.onDidChangeContent((event) => this.soon(`lint:${event.document.uri}`, () => void documents.lint(event.document.uri)));
    settings.onDidChange(() => void this.settingsChanged());
    this.connection.onDidChangeWatchedFiles((params) => this.watched(params.changes));
    if (registerWatchers) {
      const watchers = [{ globPattern: '**/*.{yaml,yml,json}' }, { globPattern: '**/.gitignore' }];
      this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((error: unknown) => this.context.log.warn(`kubeguard: could not watch workspace files: ${describeError(error)}`));
    }
    this.setFolders(folders);
  }

  setFolders(folders: readonly string[]): void {
    this.folders = folders.filter((f) => f.startsWith('file:'));
    void guard(this.context.log, 'workspace scan', undefined, () => this.scan())();
  }

  /** `workspace/didChangeWorkspaceFolders`. */
  changeFolders(added: readonly string[], removed: readonly string[]): void {
    this.setFolders([...this.folders.filter((f) => !removed.includes(f)), ...added]);
  }

  // ---- WorkspaceHook: the lint of an open document ----

  namespaces(): NamespaceIndex {
    return this.index.namespaces();
  }

  withWorkspaceFindings(uri: string, result: FileResult, settings: Settings): FileResult {
    const key = keyOf(uri);
    // A lint that finishes after didClose must not put the closed editor's text back in the index.
    if (!this.context.documents.get(uri)) return result;
    this.linted.add(key);
    let memory = this.memory.get(key);
    if (!memory) this.memory.set(key, (memory = {}));
    const workspace = openFileWorkspaceFindings(this.index, key, result, settings, memory, this.ready, (update) => this.changed(key, update));
    if (!workspace) return result;
    return mergeWorkspaceFindings(result, workspace);
  }

  // ---- Scanning ----

  private async scan(): Promise<void> {
    const scan = ++this.scans;
    if (this.folders.length > 0) await this.firstLint;
    const started = Date.now();
    // `ready` stays false until the first scan ends; a rescan (exclude setting, .gitignore) keeps the old index meanwhile.
    const excludes = await Promise.all(this.folders.map((folder) => this.excludesOf(folder)));
    this.excludesKey = JSON.stringify(excludes);
    this.filters = this.folders.map((folder, i) => new FolderFilter(fileURLToPath(folder), excludes[i]!));
    const seen = new Set<string>();
    for (const filter of this.filters) {
      for await (const file of filter.walk()) {
        if (scan !== this.scans) return;
        const key = keyOf(pathToFileURL(file).href);
        seen.add(key);
        if (!this.open.has(key)) await this.readFromDisk(key, file, false);
      }
    }
    if (scan !== this.scans) return;
    for (const key of this.index.files()) if (!seen.has(key) && !this.open.has(key)) this.forget(key);
    this.ready = true;
    for (const memory of this.memory.values()) memory.workspace = undefined;
    this.context.log.info(`kubeguard: indexed ${seen.size} manifest(s) in ${this.folders.length} folder(s) in ${Date.now() - started} ms`);
    // Everything is known now: open documents get their cross-file findings, closed ones are published.
    this.context.documents.invalidate(this.open.values());
    this.diagnostics.refreshOpen(this.open.values());
    await this.publishClosed(this.texts.keys());
  }

  /** Reads a closed file into the index; `announce` when it is a change the rest of the workspace must hear about. */
  private async readFromDisk(key: string, file: string, announce: boolean): Promise<void> {
    const text = await FolderFilter.read(file);
    if (this.open.has(key)) return;
    if (text === undefined) return this.index.has(key) ? this.forget(key) : undefined;
    const facts = await this.inSlices(indexTextSteps(key, text));
    if (this.open.has(key)) return;
    if (facts.length > 0) this.texts.set(key, text);
    else this.texts.delete(key);
    const update = this.index.set(key, facts);
    if (announce) this.changed(key, update);
  }

  private sliceStart = Date.now();

  /** Runs a parse one document at a time, handing the event loop back every SLICE_MS so requests are answered meanwhile. */
  private async inSlices(steps: Generator<void, Fact[]>): Promise<Fact[]> {
    for (;;) {
      if (Date.now() - this.sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        await this.letOpenDocumentsGoFirst();
        this.sliceStart = Date.now();
      }
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * Documents opened moments ago and not linted yet get their first diagnostics before the scan
   * goes on. Bounded per document: a client may never ask for one in a background tab.
   */
  private async letOpenDocumentsGoFirst(): Promise<void> {
    while (this.awaitingFirstLint()) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Whether a document opened moments ago still waits for its first lint (background work should hold back). */
  awaitingFirstLint(): boolean {
    return [...this.openedAt].some(([key, at]) => !this.linted.has(key) && Date.now() - at < FIRST_LINT_GRACE_MS);
  }

  private forget(key: string): void {
    const update = this.index.delete(key);
    this.texts.delete(key);
    this.publish(key, []);
    this.changed(key, update);
  }

  private filterFor(file: string): FolderFilter | undefined {
    return this.filters.find((f) => f.contains(file) && !f.leavesOut(file));
  }

  private async excludesOf(folder: string): Promise<string[]> {
    if (!this.context.features.configuration) return [];
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: folder, section: `${SECTION}.exclude` });
      return Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      return [];
    }
  }

  // ---- Keeping current ----

  /** The index changed: re-check what depends on it, after the current request is answered. */
  private changed(self: string, update: IndexUpdate): void {
    for (const key of update.affected) if (key !== self) this.queued.add(key);
    if (update.namespacesChanged) for (const key of this.open.keys()) if (key !== self) this.queued.add(key);
    // What those files read changed: their workspace findings must be computed again, not moved.
    for (const key of this.queued) {
      const memory = this.memory.get(key);
      if (memory) memory.workspace = undefined;
    }
    if (this.queued.size === 0 || this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.flushQueued = false;
    if (!this.ready) return this.queued.clear();
    const keys = [...this.queued];
    this.queued.clear();
    const openUris = keys.flatMap((key) => (this.open.has(key) ? [this.open.get(key)!] : []));
    this.context.documents.invalidate(openUris);
    this.diagnostics.refreshOpen(openUris);
    await this.publishClosed(keys.filter((key) => !this.open.has(key)));
  }

  private opened(uri: string): void {
    const key = keyOf(uri);
    this.open.set(key, uri);
    this.openedAt.set(key, Date.now());
    this.texts.delete(key);
    // A pulling client would show the pushed set next to the pulled one; a pushing client gets the full set with the document's own publish.
    if (this.pushed.has(key) && this.context.features.pullDiagnostics) this.publish(key, []);
    this.pushed.delete(key);
  }

  /** Unsaved changes are gone with the editor: the file on disk is the truth again (or the file leaves the index). */
  private async closed(uri: string): Promise<void> {
    const key = keyOf(uri);
    this.open.delete(key);
    this.linted.delete(key);
    this.memory.delete(key);
    this.openedAt.delete(key);
    const file = key.startsWith('file:') ? fileURLToPath(key) : undefined;
    if (file && this.filterFor(file)) {
      await this.readFromDisk(key, file, true);
      await this.publishClosed([key]);
    } else {
      this.changed(key, this.index.delete(key));
    }
  }

  private watched(changes: readonly FileEvent[]): void {
    this.context.configFiles.watched(changes);
    this.watchedQueue.push(...changes);
    // Editors send several events for one save or checkout: handle them as one batch.
    this.soon('watched', () => void guard(this.context.log, 'workspace/didChangeWatchedFiles', undefined, () => this.handleWatched())());
  }

  private async handleWatched(): Promise<void> {
    const changes = this.watchedQueue.splice(0);
    if (changes.some((c) => c.uri.endsWith('/.gitignore'))) return this.setFolders(this.folders);
    for (const change of new Map(changes.map((c) => [keyOf(c.uri), c])).values()) {
      const key = keyOf(change.uri);
      if (this.open.has(key) || !key.startsWith('file:')) continue;
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder arrives as one event: forget everything below it too.
        for (const indexed of this.index.files()) if (indexed === key || indexed.startsWith(key + '/')) this.forget(indexed);
        continue;
      }
      const file = fileURLToPath(key);
      if (this.filterFor(file)) await this.readFromDisk(key, file, true);
      else if (this.index.has(key)) this.forget(key);
    }
  }

  private async settingsChanged(): Promise<void> {
    const excludes = await Promise.all(this.folders.map((folder) => this.excludesOf(folder)));
    if (JSON.stringify(excludes) !== this.excludesKey) return this.setFolders(this.folders);
    // Rule settings may have changed: open documents are refreshed by diagnostics.ts, closed ones here.
    if (this.ready) await this.publishClosed(this.texts.keys());
  }

  // ---- Publishing closed files ----

  private async publishClosed(keys: Iterable<string>): Promise<void> {
    for (const key of [...keys]) {
      if (this.open.has(key)) continue;
      const text = this.texts.get(key);
      if (text === undefined) {
        this.publish(key, []);
        continue;
      }
      const settings = await this.context.settings.get(key, this.folderOf(key) ?? key);
      if (this.open.has(key) || this.texts.get(key) !== text) continue;
      const { findings } = lintWorkspaceFile(this.index, key, { settings, text });
      const lines = new LineIndex(text);
      this.publish(key, findings.map((finding) => toDiagnostic(finding, lines)));
    }
  }

  private publish(key: string, diagnostics: ReturnType<typeof toDiagnostic>[]): void {
    const sent = JSON.stringify(diagnostics);
    if ((this.pushed.get(key) ?? '[]') === sent) return;
    if (diagnostics.length) this.pushed.set(key, sent);
    else this.pushed.delete(key);
    void guard(this.context.log, 'publishDiagnostics', undefined, () => this.connection.sendDiagnostics({ uri: key, diagnostics }))();
  }

  private folderOf(key: string): string | undefined {
    return this.folders.find((folder) => key.startsWith(folder.endsWith('/') ? folder : folder + '/'));
  }

  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** Runs `task` once, shortly, however often it is asked for meanwhile. */
  private soon(id: string, task: () => void): void {
    if (this.timers.has(id)) return;
    this.timers.set(id, setTimeout(() => {
      this.timers.delete(id);
      task();
    }, 50));
  }
}

const keys = new Map<string, string>();

/** One spelling per file: clients differ in how they percent-encode file URIs (`c%3A` vs `c:`). */
export function keyOf(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  let key = keys.get(uri);
  if (key === undefined) {
    try {
      key = pathToFileURL(fileURLToPath(uri)).href;
    } catch {
      key = uri;
    }
    // Asked on every keystroke for the same few URIs: remembered, within a bound.
    if (keys.size >= 10_000) keys.clear();
    keys.set(uri, key);
  }
  return key;
}

/** The folders to index: `workspaceFolders`, else the old `rootUri`. */
export function foldersOf(params: { workspaceFolders?: ReadonlyArray<{ uri: string }> | null; rootUri?: string | null }): string[] {
  if (params.workspaceFolders?.length) return params.workspaceFolders.map((f) => f.uri);
  return params.rootUri ? [params.rootUri] : [];
}
