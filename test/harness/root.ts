/** @file The checkout root, found from a compiled test file: the nearest folder above whose package.json is kubeguard's. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export function repoRoot(from: string = __dirname): string {
  for (let dir = from; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'kubeguard') return dir;
  }
  throw new Error(`no kubeguard package.json above ${from}`);
}
