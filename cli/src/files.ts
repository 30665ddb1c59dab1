/** @file Which files a scan reads: the files named, and the manifests found by walking the folders named. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isConfigFileName } from '../../shared/src/config/resolve';
import { withoutByteOrderMark } from '../../shared/src/model/parse';

/**
 * Where a manifest comes from: a path on disk, or standard input for `-`. Standard input has an
 * `absolute` path only when `--stdin-filename` names one (it is linted as that file, never written).
 * `root` is the folder the scan was asked for: the folder named on the command line, a named
 * file's own folder, or the working directory for standard input (configuration lookup stops there).
 */
export type Input =
  | { readonly kind: 'file'; readonly display: string; readonly absolute: string; readonly root: string }
  | { readonly kind: 'stdin'; readonly display: string; readonly absolute?: string; readonly root: string };

export const STDIN_NAME = '<stdin>';
const MANIFEST = /\.(?:ya?ml|json)$/i;

/**
 * Expands the paths of the command line, in order and without duplicates. A file named explicitly
 * is read whatever its extension; inside folders only manifests count, and `node_modules`,
 * dot-folders (.git, .github, .terraform...) and `.kubeguard.yaml` files are skipped. Symlinked folders are not followed (no cycles).
 */
export async function collectInputs(paths: readonly string[], cwd: string, stdinFilename?: string): Promise<{ inputs: Input[]; missing: string[] }> {
  const inputs: Input[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (display: string, absolute: string, root: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    inputs.push({ kind: 'file', display, absolute, root });
  };
  for (const given of paths) {
    if (given === '-') {
      if (!seen.has(STDIN_NAME)) inputs.push(stdinFilename === undefined ? { kind: 'stdin', display: STDIN_NAME, root: cwd } : { kind: 'stdin', display: stdinFilename, absolute: path.resolve(cwd, stdinFilename), root: cwd });
      seen.add(STDIN_NAME);
      continue;
    }
    const absolute = path.resolve(cwd, given);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat) missing.push(given);
    else if (stat.isDirectory()) for (const file of await walk(absolute)) add(path.join(given, path.relative(absolute, file)), file, absolute);
    else add(given, absolute, path.dirname(absolute));
  }
  return { inputs, missing };
}

async function walk(folder: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await fs.readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      found.push(...(await walk(full)));
    } else if (MANIFEST.test(entry.name) && !isConfigFileName(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await fs.stat(full).catch(() => undefined))?.isFile()))) {
      found.push(full);
    }
  }
  return found;
}

/** Reads a manifest as the editor would see it: UTF-8, without a byte-order mark (so columns agree). */
export async function readInput(input: Input, readStdin: () => Promise<string>): Promise<string> {
  const text = input.kind === 'stdin' ? await readStdin() : await fs.readFile(input.absolute, 'utf8');
  return withoutByteOrderMark(text);
}
