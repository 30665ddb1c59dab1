/**
 * @file Which workspace paths the index leaves out: `.gitignore` patterns (a simple reader: `#`
 * comments, `!` negation, trailing `/` for folders, leading or inner `/` anchoring, `*`, `?`, `**`,
 * `[…]`) and the user's `kubeguard.exclude` globs, which use the same syntax. Paths are POSIX,
 * relative to the folder the rules belong to. Pure: the server reads the files.
 */

export interface IgnoreRule {
  readonly regex: RegExp;
  readonly negate: boolean;
  readonly folderOnly: boolean;
}

/** Compiles one gitignore-style pattern; undefined for blank lines and comments. */
export function compilePattern(line: string): IgnoreRule | undefined {
  let pattern = line.replace(/(?<!\\)\s+$/, '');
  if (!pattern || pattern.startsWith('#')) return undefined;
  const negate = pattern.startsWith('!');
  if (negate) pattern = pattern.slice(1);
  const folderOnly = pattern.endsWith('/');
  if (folderOnly) pattern = pattern.replace(/\/+$/, '');
  const anchored = pattern.includes('/');
  pattern = pattern.replace(/^\//, '');
  if (!pattern) return undefined;
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      // `**/` matches any folders (or none); a trailing or lone `**` matches everything below.
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) source += '\\[';
      else {
        source += '[' + pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else if (c === '\\' && i + 1 < pattern.length) source += escape(pattern[++i]!);
    else source += escape(c);
  }
  return { regex: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${source}$`), negate, folderOnly };
}

function escape(c: string): string {
  return /[.+^${}()|[\]\\/-]/.test(c) ? `\\${c}` : c;
}

export function parseIgnoreFile(text: string): IgnoreRule[] {
  return text.split(/\r?\n/).map(compilePattern).filter((r): r is IgnoreRule => r !== undefined);
}

/** The verdict of the last matching rule (gitignore order), or undefined when no rule speaks about the path. */
export function matchIgnore(rules: readonly IgnoreRule[], path: string, isFolder: boolean): boolean | undefined {
  let verdict: boolean | undefined;
  for (const rule of rules) if ((!rule.folderOnly || isFolder) && rule.regex.test(path)) verdict = !rule.negate;
  return verdict;
}

/** Folders the index never enters, whatever the ignore files say. */
export function isSkippedFolderName(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

export const MANIFEST_FILE = /\.(?:ya?ml|json)$/i;
