/**
 * @file Which `.kubeguard.yaml` applies to a file, and the settings it gives that file.
 *
 * Lookup: the nearest configuration file in the file's folder or one of its ancestors, up to a
 * root (the workspace folder in the editor; in the CLI the working directory when the file is
 * below it, else the path given on the command line). `.kubeguard.yaml` wins over
 * `.kubeguard.yml` in the same folder. Configuration files do not merge: the nearest one is the
 * whole configuration of the files below it.
 *
 * Precedence, lowest first: the built-in defaults; the editor's `kubeguard.*` settings (the CLI
 * has none); the file's top level; then every `overrides` entry whose `files` match, in order.
 * A later layer wins per rule id in `rules`, per field in `podSecurity`, and for each list as a
 * whole. Paths are POSIX (`/`), relative to the configuration file's folder; callers convert.
 */
import picomatch from 'picomatch/posix';
import { podSecurityOf, type Settings } from '../engine/config';
import type { ConfigFile, SettingsLayer } from './configFile';
import { CONFIG_FILE_NAMES } from './schema';

/** Whether a path (POSIX or native) names a configuration file. */
export function isConfigFileName(path: string): boolean {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}

/**
 * The configuration files that could apply to a file in `folder`, nearest first: each folder from
 * `folder` up to `root` (both POSIX, absolute), `.kubeguard.yaml` before `.kubeguard.yml`. Empty
 * when `folder` is not inside `root`. The first that exists applies.
 */
export function configCandidates(folder: string, root: string): string[] {
  const normalizedRoot = trimSlash(root);
  let dir = trimSlash(folder);
  if (dir !== normalizedRoot && !dir.startsWith(normalizedRoot === '' ? '/' : normalizedRoot + '/')) return [];
  const candidates: string[] = [];
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) candidates.push(`${dir}/${name}`);
    if (dir === normalizedRoot) return candidates;
    const parent = dir.slice(0, dir.lastIndexOf('/'));
    if (parent === dir) return candidates;
    dir = parent;
  }
}

/** `file` relative to `folder` (both POSIX, absolute); undefined when the file is not below the folder. */
export function relativePath(folder: string, file: string): string | undefined {
  const base = trimSlash(folder);
  const prefix = base === '' ? '/' : base + '/';
  return file.startsWith(prefix) && file.length > prefix.length ? file.slice(prefix.length) : undefined;
}

/** The settings for one file: `base` (defaults and editor settings), the file's top level, then its matching overrides. */
export function resolveSettings(base: Settings, config: ConfigFile | undefined, relative: string | undefined): Settings {
  if (!config) return base;
  let settings = applyLayer(base, config.settings);
  if (relative === undefined) return settings;
  for (const override of config.overrides) {
    if (matchesAny(override.files, relative)) settings = { ...settings, rules: { ...settings.rules, ...override.rules } };
  }
  // An ignored file is linted with kubeguard turned off: no findings of its own, none from other files.
  return isIgnored(config, relative) ? { ...settings, enable: false, ignored: true } : settings;
}

export function isIgnored(config: ConfigFile, relative: string): boolean {
  return matchesAny(config.ignore, relative);
}

function applyLayer(base: Settings, layer: SettingsLayer): Settings {
  return {
    ...base,
    rules: layer.rules ? { ...base.rules, ...layer.rules } : base.rules,
    ...(layer.podSecurity ? { podSecurity: { ...podSecurityOf(base), ...layer.podSecurity } } : {}),
    ...(layer.images?.trustedRegistries ? { images: { ...base.images, trustedRegistries: layer.images.trustedRegistries } } : {}),
    ...(layer.runtime
      ? {
          runtime: {
            ...base.runtime,
            ...(layer.runtime.untrusted ? { untrusted: { ...base.runtime?.untrusted, ...layer.runtime.untrusted } } : {}),
            ...(layer.runtime.sandboxedClasses ? { sandboxedClasses: layer.runtime.sandboxedClasses } : {}),
          },
        }
      : {}),
  };
}

// ---- Globs (picomatch, POSIX) ----

const matchers = new Map<string, (path: string) => boolean>();

/**
 * Whether any glob matches the path or one of the folders above it (so `vendor`, `vendor/` and
 * `vendor/**` all cover `vendor/chart/x.yaml`). Dot files match like any other; a leading `./` or
 * `/` is the configuration file's folder.
 */
export function matchesAny(globs: readonly string[], relative: string): boolean {
  if (globs.length === 0) return false;
  const parts = relative.split('/');
  const paths = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  return globs.some((glob) => {
    const match = matcherOf(glob);
    return paths.some((p) => match(p));
  });
}

function matcherOf(glob: string): (path: string) => boolean {
  let match = matchers.get(glob);
  if (!match) {
    const pattern = glob.trim().replace(/^(?:\.\/|\/)+/, '').replace(/\/+$/, '');
    try {
      match = picomatch(pattern === '' ? '**' : pattern, { dot: true });
    } catch {
      match = () => false;
    }
    if (matchers.size > 1000) matchers.clear();
    matchers.set(glob, match);
  }
  return match;
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path === '/' ? '' : path;
}
