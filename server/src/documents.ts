/** @file Open documents and their lint results: one LintCache per document, at most one lint per document version, computed lazily. */
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../../shared/src/engine/config';
import { lintConfigText } from '../../shared/src/config/configFile';
import { isConfigFileName } from '../../shared/src/config/resolve';
import { fileResult, LintCache, lintText, withFindings, type FileResult } from '../../shared/src/engine/lint';
import { textOf, type SourceText } from '../../shared/src/model/sourceText';
import type { NamespaceIndex } from '../../shared/src/workspace/namespaces';
import { hasLoneCarriageReturn, LineIndex } from '../../shared/src/model/lines';
import type { PositionMapper } from './convert';
import { describeError, type Log } from './log';
import { noteLintedText } from './memory';
import type { SettingsStore } from './settings';
import { SyncedDocument } from './syncedDocument';

/** One document version, linted. Immutable: handlers may hold it while the document moves on. */
export interface LintState {
  readonly uri: string;
  readonly version: number;
  readonly settings: Settings;
  readonly result: FileResult;
  /** Offsets of `result.text` ↔ LSP positions, counting line breaks the way the client does. */
  readonly positions: PositionMapper;
  /** Unique per lint, so per (document, version, settings): the pull diagnostics `resultId`. */
  readonly resultId: string;
}

/** What the workspace view (workspace.ts) adds to the lint of an open document. */
export interface WorkspaceHook {
  /** Namespaces of the whole workspace, for Pod Security verdicts (LintOptions.namespaces). */
  namespaces(): NamespaceIndex;
  /** Records the document's facts in the index and returns its result with its cross-file findings. */
  withWorkspaceFindings(uri: string, result: FileResult, settings: Settings): FileResult;
}

interface Entry {
  readonly version: number;
  readonly generation: number;
  readonly state: Promise<LintState>;
}

export class DocumentStore {
  /** The texts as the client syncs them (incrementally: a change replaces one chunk of the text, see syncedDocument.ts). */
  readonly synced = new TextDocuments<SyncedDocument>({ create: SyncedDocument.create, update: SyncedDocument.update });
  private readonly caches = new Map<string, LintCache>();
  private readonly results = new Map<string, Entry>();
  /** Numbers every lint: a result id that no other version, settings or reopened document can share. */
  private lints = 0;
  /** Lints asked for and not finished (waiting for their settings, or running). */
  private inFlight = 0;
  private markFirstLint!: () => void;
  private readonly firstLint = new Promise<void>((resolve) => { this.markFirstLint = resolve; });
  private workspace: WorkspaceHook | undefined;
  private newestState: LintState | undefined;

  constructor(
    private readonly settings: SettingsStore,
    private readonly log: Log,
  ) {
    this.synced.onDidClose((event) => this.forget(event.document.uri));
  }

  /** Starts following didOpen/didChange/didClose. */
  listen(connection: Connection): void {
    this.synced.listen(connection);
  }

  useWorkspace(workspace: WorkspaceHook): void {
    this.workspace = workspace;
  }

  /**
   * Drops the cached results of documents whose workspace facts changed (a NetworkPolicy edited in
   * another file, a Namespace's labels): their next lint runs again, mostly from the LintCache.
   */
  invalidate(uris: Iterable<string>): void {
    for (const uri of uris) this.results.delete(uri);
  }

  /** Whether a lint is under way: idle-time work (warmUp.ts) waits until it is done. */
  busy(): boolean {
    return this.inFlight > 0;
  }

  /** The newest lint of an open document, if any: what warmUp.ts rehearses typing on. */
  newest(): LintState | undefined {
    return this.newestState;
  }

  /**
   * Readies open documents for their first edit: a document finds its line starts when first
   * asked for a position, which for a 70,000-line file takes milliseconds. The warm-up calls this
   * while the server is idle, so the first keystroke does not.
   */
  prepareForEdits(): void {
    for (const document of this.synced.all()) document.offsetAt({ line: 0, character: 0 });
  }

  /** Resolves when the first lint of any document is done, or after `timeoutMs` if none came. */
  firstLintDone(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.firstLint.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  get(uri: string): SyncedDocument | undefined {
    return this.synced.get(uri);
  }

  all(): SyncedDocument[] {
    return this.synced.all();
  }

  /**
   * The lint result of the document's current version. The first caller of a version lints it;
   * every later caller (pull, code action, hover) shares that result.
   */
  lint(uri: string): Promise<LintState | undefined> {
    const document = this.synced.get(uri);
    if (!document) return Promise.resolve(undefined);
    const generation = this.settings.generation;
    const cached = this.results.get(uri);
    if (cached && cached.version === document.version && cached.generation === generation) return cached.state;
    // Read the text now: the document object is updated in place by the next didChange.
    const text = document.source;
    const version = document.version;
    const resultId = String(++this.lints);
    this.inFlight++;
    const state = this.settings.get(uri).then((settings) => {
      const result = this.run(uri, text, settings, true);
      const linted: LintState = { uri, version, settings, result, positions: this.positionsFor(uri, document.languageId, version, result), resultId };
      this.newestState = linted;
      return linted;
    }).finally(() => {
      this.inFlight--;
      this.markFirstLint();
    });
    this.results.set(uri, { version, generation, state });
    return state;
  }

  /**
   * Lints a text that is not (yet) the document's, e.g. the output of a fix-all pass, with that
   * document's settings and cache, so only the YAML documents a fix touched are parsed again.
   */
  relint(state: LintState, text: SourceText): FileResult {
    return this.run(state.uri, text, state.settings, false);
  }

  /** `current`: the text is the document's own, so it feeds the workspace index and gets cross-file findings (fix-all's passes do not). */
  private run(uri: string, text: SourceText, settings: Settings, current: boolean): FileResult {
    let cache = this.caches.get(uri);
    if (!cache) {
      cache = new LintCache();
      // A lint that finishes after didClose must not leave a cache behind for a closed document.
      if (this.synced.get(uri)) this.caches.set(uri, cache);
    }
    try {
      // Workspace facts: Namespaces of other files for Pod Security; workspace.ts calls invalidate() when they change.
      // A .kubeguard.yaml is checked as configuration (its problems), never as a manifest.
      // An ignored file is still parsed (no rules run), so its objects count for the other files while it is open.
      const own = isConfigFileName(uri)
        ? lintConfigText(textOf(text))
        : settings.ignored
          ? withoutFindings(lintText(text, { settings: { ...settings, enable: true }, rules: [], cache, fileName: fileNameOf(uri), inPlace: current }))
          : lintOpenText(text, settings, cache, uri, this.workspace?.namespaces(), current);
      noteLintedText(text.length, rebuiltLength(text, own));
      const result = current && this.workspace ? this.workspace.withWorkspaceFindings(uri, own, settings) : own;
      for (const failure of result.ruleErrors) this.log.error(`kubeguard: ${failure} (in ${uri})`);
      return result;
    } catch (error) {
      // The engine should never throw; if it does, this document shows nothing rather than the server dying.
      this.log.error(`kubeguard: linting ${uri} failed: ${describeError(error)}`);
      this.caches.delete(uri);
      return fileResult(text, { lines: new LineIndex(text), findings: [], objects: [], segments: [], ruleErrors: [] });
    }
  }

  /**
   * LineIndex counts only `\n` as a line break; LSP also counts a lone `\r`. Files with one (rare,
   * classic Mac) get a TextDocument snapshot as the mapper so ranges land where the client draws them.
   * A SyncedDocument hands out chunks only while its text has no lone `\r` (syncedDocument.ts), so
   * only a plain string is searched: no scan of a 70,000-line file on every keystroke.
   */
  private positionsFor(uri: string, languageId: string, version: number, result: FileResult): PositionMapper {
    const text = result.source;
    return typeof text === 'string' && hasLoneCarriageReturn(text) ? TextDocument.create(uri, languageId, version, text) : result.lines;
  }

  private forget(uri: string): void {
    this.caches.delete(uri);
    this.results.delete(uri);
    this.settings.forget(uri);
    if (this.newestState?.uri === uri) this.newestState = undefined;
  }
}

/**
 * The engine call of every lint of an open document. warmUp.ts rehearses typing through this same
 * function, so the code V8 optimises while idle is the code a keystroke runs, fed the same shapes.
 */
export function lintOpenText(text: SourceText, settings: Settings, cache: LintCache, uri: string, namespaces: NamespaceIndex | undefined, inPlace: boolean): FileResult {
  return lintText(text, { settings, cache, fileName: fileNameOf(uri), namespaces, inPlace });
}

/** How much text a lint built anew: an edit of a ChunkedText rebuilds only the document it falls in. */
function rebuiltLength(text: SourceText, result: FileResult): number {
  const { edit, documents } = result;
  if (typeof text === 'string' || !edit || !documents) return text.length;
  if (!edit.change) return 0;
  const { start } = edit.change;
  let index = 0;
  while (index + 1 < documents.length && documents[index + 1]!.base <= start) index++;
  return (documents[index + 1]?.base ?? text.length) - (documents[index]?.base ?? 0);
}

function withoutFindings(result: FileResult): FileResult {
  return withFindings(result, []);
}

/** The file path inside a URI, for the engine's Helm detection (`templates/x.yaml`). */
function fileNameOf(uri: string): string | undefined {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return undefined;
  }
}

