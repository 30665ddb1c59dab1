/**
 * @file `.kubeguard.yaml` in the server: which configuration file applies to a document (the
 * nearest one in its folder or above, up to its workspace folder), the settings it gives that
 * document, and the configuration file's own problems as diagnostics. An open configuration
 * file's unsaved text wins over the file on disk. Any change (on disk, or typed into an open
 * one) re-resolves every document's settings and re-checks open and indexed files, no reload.
 *
 * An open configuration file gets its diagnostics from its own lint (documents.ts lints it with
 * `lintConfigText`); a closed one that has problems gets them pushed from here.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, FileEvent } from 'vscode-languageserver/node';
import { lintConfigText, parseConfigFile, type ParsedConfig } from '../../shared/src/config/configFile';
import { configCandidates, isConfigFileName, relativePath, resolveSettings } from '../../shared/src/config/resolve';
import { CONFIG_FILE_NAMES } from '../../shared/src/config/schema';
import type { Settings } from '../../shared/src/engine/config';
import { LineIndex } from '../../shared/src/model/lines';
import { withoutByteOrderMark } from '../../shared/src/model/parse';
import type { ClientFeatures } from './context';
import { toDiagnostic } from './convert';
import type { DocumentStore } from './documents';
import { describeError, guard, type Log } from './log';
import { keyOf } from './workspace';

/** Typing into an open configuration file re-checks every open document: once per pause, not per keystroke. */
const SETTLE_MS = 150;

interface Loaded {
  /** The configuration file's folder, absolute POSIX. */
  readonly folder: string;
  readonly uri: string;
  readonly parsed: ParsedConfig;
}

export class ConfigFiles {
  /** Workspace folders as absolute POSIX paths; a document outside all of them has no configuration file. */
  private folders: string[] = [];
  /** "folder\0root" → the configuration file that applies there (absolute POSIX), or undefined. */
  private readonly lookups = new Map<string, Promise<string | undefined>>();
  /** Configuration file (absolute POSIX) → its parsed text. */
  private readonly loaded = new Map<string, Promise<Loaded | undefined>>();
  /** Closed configuration files whose problems were pushed, by URI. */
  private readonly pushed = new Set<string>();
  /** Configuration files (URIs) a change was reported for: checked, and their problems published, once things settle. */
  private readonly toCheck: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private foldersSet = false;

  constructor(
    private readonly connection: Connection,
    private readonly features: ClientFeatures,
    private readonly documents: DocumentStore,
    private readonly log: Log,
    /** Called once the caches are dropped: re-resolve settings, re-check documents. */
    private readonly onChange: () => void,
  ) {}

  /** Follows open configuration files (their unsaved text wins). Call before the documents listen. */
  listen(): void {
    const synced = this.documents.synced;
    synced.onDidOpen((event) => {
      if (!isConfigFileName(event.document.uri)) return;
      // A pulling client pulls the open file's problems; the pushed set would show them twice.
      const key = keyOf(event.document.uri);
      if (this.pushed.delete(key) && this.features.pullDiagnostics) this.publish(key, []);
      this.changed();
    });
    synced.onDidChangeContent((event) => {
      if (isConfigFileName(event.document.uri)) this.changed();
    });
    // Closed, the file on disk is the configuration again (and its problems are pushed if it has any).
    synced.onDidClose((event) => {
      if (isConfigFileName(event.document.uri)) this.changed();
    });
  }

  /**
   * The workspace folders (URIs); their root configuration files are checked at once, so a broken
   * one shows up unasked. The first call (at `initialized`, before any document is linted) re-checks nothing.
   */
  setFolders(uris: readonly string[]): void {
    const first = this.foldersSet === false;
    this.foldersSet = true;
    this.folders = posixPaths(uris);
    if (!first || this.documents.all().length > 0) return this.changed();
    this.lookups.clear();
    this.loaded.clear();
    void guard(this.log, 'checking .kubeguard.yaml', undefined, () => this.checkAll())();
  }

  /** `workspace/didChangeWatchedFiles`: a configuration file was created, changed or deleted. */
  watched(changes: readonly FileEvent[]): void {
    if (changes.some((change) => isConfigFileName(change.uri))) this.changed(changes.filter((c) => isConfigFileName(c.uri)).map((c) => c.uri));
  }

  /** The settings of one document: `base` (the editor's settings for it) with its configuration file applied. */
  async resolve(uri: string, base: Settings): Promise<Settings> {
    // A configuration file is not a manifest: it gets its own checks (lintConfigText), no Kubernetes findings.
    if (isConfigFileName(uri)) return { ...base, enable: false };
    const file = pathOf(uri);
    if (file === undefined) return base;
    const target = posix(file);
    const root = this.folders.filter((folder) => relativePath(folder, target) !== undefined).sort((a, b) => b.length - a.length)[0];
    if (root === undefined) return base;
    try {
      const loaded = await this.configFor(path.posix.dirname(target), root);
      if (!loaded?.parsed.config) return base;
      return resolveSettings(base, loaded.parsed.config, relativePath(loaded.folder, target));
    } catch (error) {
      this.log.error(`kubeguard: reading the configuration for ${uri} failed, using the editor settings: ${describeError(error)}`);
      return base;
    }
  }

  /** Drops what was read; after a pause, tells the settings and checks the configuration files again. */
  changed(alsoCheck: readonly string[] = []): void {
    this.lookups.clear();
    this.loaded.clear();
    this.toCheck.push(...alsoCheck);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange();
      void guard(this.log, 'checking .kubeguard.yaml', undefined, () => this.checkAll())();
    }, SETTLE_MS);
  }

  /** Loads the workspace folders' root configuration files, the ones that changed and those pushed before, so their problems are current. */
  private async checkAll(): Promise<void> {
    const changed = posixPaths(this.toCheck.splice(0));
    const roots = this.folders.flatMap((folder) => CONFIG_FILE_NAMES.map((name) => `${folder}/${name}`));
    const before = posixPaths(this.pushed);
    for (const file of new Set([...roots, ...changed, ...before])) {
      const loaded = await this.load(file);
      // Deleted (or no longer readable): whatever was pushed for it goes.
      if (!loaded) this.publishProblems(uriOf(file), undefined);
    }
  }

  private configFor(folder: string, root: string): Promise<Loaded | undefined> {
    const key = `${folder}\u0000${root}`;
    let found = this.lookups.get(key);
    if (!found) {
      found = this.firstExisting(configCandidates(folder, root));
      this.lookups.set(key, found);
    }
    return found.then((file) => (file === undefined ? undefined : this.load(file)));
  }

  private async firstExisting(candidates: readonly string[]): Promise<string | undefined> {
    for (const candidate of candidates) {
      if (this.openDocument(candidate)) return candidate;
      if ((await fs.stat(candidate).catch(() => undefined))?.isFile()) return candidate;
    }
    return undefined;
  }

  private load(file: string): Promise<Loaded | undefined> {
    let loaded = this.loaded.get(file);
    if (!loaded) {
      loaded = this.read(file);
      this.loaded.set(file, loaded);
    }
    return loaded;
  }

  private async read(file: string): Promise<Loaded | undefined> {
    const uri = uriOf(file);
    const open = this.openDocument(file);
    let text = open?.getText();
    if (text === undefined) {
      text = await fs.readFile(file, 'utf8').then(withoutByteOrderMark, () => undefined);
      if (text === undefined) return undefined;
    }
    const parsed = parseConfigFile(text);
    if (parsed.problems.length > 0) this.log.warn(`kubeguard: ${file} has ${parsed.problems.length} problem(s)${parsed.config ? '; its valid settings apply' : '; it is not used'}.`);
    if (!open) this.publishProblems(uri, text);
    return { folder: path.posix.dirname(file), uri, parsed };
  }

  /** The open document of a file, whichever way the client spells its URI. */
  private openDocument(file: string): { getText(): string } | undefined {
    if (!this.documents.all().some((d) => isConfigFileName(d.uri))) return undefined;
    return this.documents.all().find((d) => {
      const open = pathOf(d.uri);
      return open !== undefined && posix(open) === file;
    });
  }

  /** A closed configuration file's problems, pushed; `text` undefined when the file is gone. */
  private publishProblems(uri: string, text: string | undefined): void {
    const file = pathOf(uri);
    if (file !== undefined && this.openDocument(posix(file))) return;
    const findings = text === undefined ? [] : lintConfigText(text).findings;
    if (findings.length === 0) {
      if (this.pushed.delete(uri)) this.publish(uri, []);
      return;
    }
    this.pushed.add(uri);
    const lines = new LineIndex(text!);
    this.publish(uri, findings.map((finding) => toDiagnostic(finding, lines)));
  }

  private publish(uri: string, diagnostics: ReturnType<typeof toDiagnostic>[]): void {
    void guard(this.log, 'publishDiagnostics', undefined, () => this.connection.sendDiagnostics({ uri, diagnostics }))();
  }
}

/** The file path of a `file:` URI; undefined for other schemes (untitled buffers have no configuration file). */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The absolute POSIX paths of the `file:` URIs among `uris`. */
function posixPaths(uris: Iterable<string>): string[] {
  return [...uris].flatMap((uri) => {
    const file = pathOf(uri);
    return file === undefined ? [] : [posix(file)];
  });
}

function uriOf(posixPath: string): string {
  return pathToFileURL(posixPath.split('/').join(path.sep)).href;
}

function posix(file: string): string {
  return file.split(path.sep).join('/');
}
