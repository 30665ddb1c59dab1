/**
 * @file Settings per document: the editor's (`workspace/configuration`, cached per URI and dropped
 * when the client says they changed) with the document's `.kubeguard.yaml` applied (configFile.ts).
 */
import type { Connection, DidChangeConfigurationParams } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../../shared/src/engine/config';
import type { ClientFeatures, ServerContext } from './context';
import { guard, describeError, type Log } from './log';

/** The configuration section the extension contributes (`kubeguard.enable`, `kubeguard.rules`). */
export const SECTION = 'kubeguard';

/**
 * Settings can differ per folder (`scope: resource`), so they are looked up per document and
 * never kept in a global: one cached promise per URI, all dropped on `didChangeConfiguration`.
 */
export class SettingsStore {
  private readonly byUri = new Map<string, Promise<Settings>>();
  /** For clients without `workspace/configuration`: the last settings pushed with `didChangeConfiguration`. */
  private pushed: Settings = DEFAULT_SETTINGS;
  private readonly listeners: Array<() => void> = [];
  /** Bumped on every change, so lint results can tell which settings they were computed with. */
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly features: ClientFeatures,
    private readonly log: Log,
  ) {}

  /** Resolves a document's settings from `.kubeguard.yaml` files; set once at startup. */
  private configFiles: { resolve(uri: string, base: Settings): Promise<Settings> } | undefined;

  useConfigFiles(configFiles: { resolve(uri: string, base: Settings): Promise<Settings> }): void {
    this.configFiles = configFiles;
  }

  /**
   * The settings of the document `uri`: the editor's settings for `scopeUri` (the document itself
   * unless the caller shares one lookup per folder) with the document's configuration file applied.
   */
  get(uri: string, scopeUri: string = uri): Promise<Settings> {
    const editor = this.editorSettings(scopeUri);
    const configFiles = this.configFiles;
    return configFiles ? editor.then((base) => configFiles.resolve(uri, base)) : editor;
  }

  /** What `workspace/configuration` (or the last `didChangeConfiguration`) says for `uri`, normalised. */
  private editorSettings(uri: string): Promise<Settings> {
    if (!this.features.configuration) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }).then(
        (raw: unknown) => normalizeSettings(raw),
        (error: unknown) => {
          this.log.warn(`kubeguard: workspace/configuration failed for ${uri}, using defaults: ${describeError(error)}`);
          return DEFAULT_SETTINGS;
        },
      );
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The client's settings changed; `payload` is what `didChangeConfiguration` carried (often nothing). */
  changed(payload: unknown): void {
    this.byUri.clear();
    const section = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[SECTION] : undefined;
    if (section !== undefined) this.pushed = normalizeSettings(section);
    this.notify();
  }

  /** A `.kubeguard.yaml` changed (on disk or in an open editor): settings resolve again, documents are re-checked. */
  configChanged(): void {
    this.notify();
  }

  private notify(): void {
    this.generation++;
    for (const listener of this.listeners) listener();
  }
}

export function registerSettings(connection: Connection, { settings, log }: ServerContext): void {
  connection.onDidChangeConfiguration(guard(log, 'workspace/didChangeConfiguration', undefined, (params: DidChangeConfigurationParams) => {
    settings.changed(params.settings);
  }));
}
