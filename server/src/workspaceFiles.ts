/**
 * @file Which files of a workspace folder the index reads: YAML and JSON manifests, minus
 * `node_modules`, dot-folders, `.gitignore`d paths (each .gitignore rules its own subtree) and
 * the `kubeguard.exclude` globs (gitignore syntax, relative to the folder).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { compilePattern, isSkippedFolderName, MANIFEST_FILE, matchIgnore, parseIgnoreFile, type IgnoreRule } from '../../shared/src/workspace/ignore';
import { MAX_FILE_BYTES, withoutByteOrderMark } from '../../shared/src/model/parse';

export class FolderFilter {
  private readonly excludes: IgnoreRule[];
  /** Folder path → its .gitignore rules, read while walking. */
  private readonly gitignores = new Map<string, readonly IgnoreRule[]>();

  constructor(
    readonly root: string,
    excludes: readonly string[],
  ) {
    this.excludes = excludes.map(compilePattern).filter((r): r is IgnoreRule => r !== undefined);
  }

  contains(file: string): boolean {
    const relative = path.relative(this.root, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  /** Whether a file inside the folder is left out (by its own path or any folder on the way). */
  leavesOut(file: string): boolean {
    const parts = path.relative(this.root, file).split(path.sep);
    for (let i = 1; i <= parts.length; i++) {
      const isFolder = i < parts.length;
      if (isFolder && isSkippedFolderName(parts[i - 1]!)) return true;
      if (this.excluded(path.join(this.root, ...parts.slice(0, i)), isFolder)) return true;
    }
    return !MANIFEST_FILE.test(file);
  }

  /** Every manifest below the folder that is not left out, in a stable order. */
  async *walk(folder: string = this.root): AsyncGenerator<string> {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    const ignore = entries.find((e) => e.name === '.gitignore' && e.isFile());
    if (ignore) this.gitignores.set(folder, parseIgnoreFile(await fs.readFile(path.join(folder, '.gitignore'), 'utf8').catch(() => '')));
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      // Symbolic links are not followed: no cycles, and no files from outside the folder.
      if (entry.isDirectory()) {
        if (!isSkippedFolderName(entry.name) && !this.excluded(full, true)) yield* this.walk(full);
      } else if (entry.isFile() && MANIFEST_FILE.test(entry.name) && !this.excluded(full, false)) {
        yield full;
      }
    }
  }

  /** Reads a manifest the way the editor would: UTF-8 without a byte-order mark; undefined when unreadable or too large. */
  static async read(file: string): Promise<string | undefined> {
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
      const text = await fs.readFile(file, 'utf8');
      return withoutByteOrderMark(text);
    } catch {
      return undefined;
    }
  }

  private excluded(target: string, isFolder: boolean): boolean {
    const relative = path.relative(this.root, target).split(path.sep).join('/');
    if (matchIgnore(this.excludes, relative, isFolder)) return true;
    // Deeper .gitignore files override shallower ones, as in git.
    let verdict: boolean | undefined;
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      const rules = this.gitignores.get(dir);
      if (rules && verdict === undefined) verdict = matchIgnore(rules, path.relative(dir, target).split(path.sep).join('/'), isFolder);
      if (dir === this.root || path.dirname(dir) === dir || !this.contains(dir)) break;
    }
    return verdict === true;
  }
}
