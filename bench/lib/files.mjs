// File discovery as the CLI does it (cli/src/files.ts): *.yaml, *.yml, *.json; skips node_modules and dot-folders.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MANIFEST = /\.(?:ya?ml|json)$/i;

export function walkManifests(folder, pattern = MANIFEST) {
  const found = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      found.push(...walkManifests(full, pattern));
    } else if (pattern.test(entry.name)) {
      try {
        if (statSync(full).isFile()) found.push(full);
      } catch {
        // dangling symlink
      }
    }
  }
  return found;
}

/** UTF-8 without a byte-order mark, as the CLI and the editor read a manifest. */
export function readManifest(file) {
  const text = readFileSync(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Where the benchmark types: at the end of an `image:` value near the middle of the file (a tag being
 * edited), else at the end of a plain scalar value (a label, a name, a description) nearest the middle.
 */
export function findEditPoint(text) {
  const lines = text.split('\n');
  const middle = lines.length / 2;
  const pick = (regex, window) => {
    let best = -1;
    for (let i = 0; i < lines.length; i++) {
      if (!regex.test(lines[i].replace(/\r$/, ''))) continue;
      if (Math.abs(i - middle) > window) continue;
      if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
    }
    return best;
  };
  let line = pick(/^\s*(?:- )?image:\s+[A-Za-z0-9][\w.\/:@-]*$/, lines.length * 0.3);
  let kind = 'image tag';
  if (line < 0) {
    line = pick(/^\s+(?:- )?[\w.\/-]+:\s+[A-Za-z][\w .\/-]*$/, lines.length);
    kind = 'plain scalar value';
  }
  if (line < 0) throw new Error('no line to type into');
  let offset = 0;
  for (let i = 0; i < line; i++) offset += lines[i].length + 1;
  const content = lines[line].replace(/\r$/, '');
  return { line, character: content.length, offset: offset + content.length, kind, lineText: content.trim() };
}
