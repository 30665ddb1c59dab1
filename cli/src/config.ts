/**
 * @file `.kubeguard.yaml` for a scan: `--config FILE` for every input, or else each input's nearest
 * configuration file up to the working directory (or, for inputs outside it, up to the path given
 * on the command line). The lookup and the settings are the core's (shared/src/config), so a file
 * gets the same settings here as in the editor. A configuration file with any problem stops the
 * scan (exit 2): CI never runs with half a configuration.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatConfigProblems, parseConfigFile, type ConfigFile } from '../../shared/src/config/configFile';
import { configCandidates, relativePath, resolveSettings } from '../../shared/src/config/resolve';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/src/engine/config';
import { withoutByteOrderMark } from '../../shared/src/model/parse';
import type { Input } from './files';

interface Loaded {
  /** Absolute, POSIX. */
  readonly folder: string;
  readonly config: ConfigFile;
}

export interface ConfigIo {
  readonly cwd: string;
  stderr(text: string): void;
}

export class ScanConfig {
  private constructor(private readonly byInput: ReadonlyMap<Input, Loaded>) {}

  /** Finds, reads and checks the configuration of every input; undefined (after saying why on stderr) when one is unusable. */
  static async load(explicit: string | undefined, inputs: readonly Input[], io: ConfigIo): Promise<ScanConfig | undefined> {
    const files = new Map<string, Promise<Loaded | undefined>>();
    let failed = false;
    const read = (file: string): Promise<Loaded | undefined> => {
      let loaded = files.get(file);
      if (!loaded) {
        loaded = readConfig(file, io).then((result) => {
          if (!result) failed = true;
          return result;
        });
        files.set(file, loaded);
      }
      return loaded;
    };
    const byInput = new Map<Input, Loaded>();
    if (explicit !== undefined) {
      const file = path.resolve(io.cwd, explicit);
      if (!(await isFile(file))) {
        io.stderr(`kubeguard: --config: no such file: ${explicit}\n`);
        return undefined;
      }
      const loaded = await read(file);
      if (loaded) for (const input of inputs) byInput.set(input, loaded);
    } else {
      const found = new Map<string, Promise<string | undefined>>();
      for (const input of inputs) {
        const folder = path.dirname(input.absolute ?? path.join(io.cwd, 'stdin'));
        const root = inside(io.cwd, folder) ? io.cwd : input.root;
        const key = `${folder}\u0000${root}`;
        if (!found.has(key)) found.set(key, firstExisting(configCandidates(posix(folder), posix(root))));
        const file = await found.get(key)!;
        const loaded = file === undefined ? undefined : await read(file);
        if (loaded) byInput.set(input, loaded);
      }
    }
    return failed ? undefined : new ScanConfig(byInput);
  }

  /** The input's settings: the defaults, its configuration file's top level, its matching overrides; `enable: false` when ignored. */
  settingsFor(input: Input): Settings {
    const loaded = this.byInput.get(input);
    if (!loaded) return DEFAULT_SETTINGS;
    const relative = input.absolute === undefined ? undefined : relativePath(loaded.folder, posix(input.absolute));
    return resolveSettings(DEFAULT_SETTINGS, loaded.config, relative);
  }
}

async function readConfig(file: string, io: ConfigIo): Promise<Loaded | undefined> {
  const display = path.relative(io.cwd, file) || file;
  let text: string;
  try {
    text = withoutByteOrderMark(await fs.readFile(file, 'utf8'));
  } catch (error) {
    io.stderr(`kubeguard: cannot read the configuration file ${display}: ${(error as Error).message}\n`);
    return undefined;
  }
  const { config, problems } = parseConfigFile(text);
  if (problems.length > 0 || !config) {
    io.stderr(formatConfigProblems(display, text, problems));
    io.stderr(`kubeguard: ${display} is not a valid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was scanned. See docs/configuration.md.\n`);
    return undefined;
  }
  return { folder: posix(path.dirname(file)), config };
}

async function firstExisting(candidates: readonly string[]): Promise<string | undefined> {
  for (const candidate of candidates) if (await isFile(candidate)) return candidate;
  return undefined;
}

async function isFile(file: string): Promise<boolean> {
  return (await fs.stat(file).catch(() => undefined))?.isFile() ?? false;
}

function inside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function posix(file: string): string {
  return file.split(path.sep).join('/');
}
