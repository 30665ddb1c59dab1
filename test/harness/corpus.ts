/** @file Locates ../shared/corpus beside the repository; tests that need it skip with a notice when it is absent. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The corpus folder (or one of its subfolders), or undefined after printing why the test is skipped. */
export function corpusDir(sub = ''): string | undefined {
  const dir = resolve(repoRoot(), '..', 'shared', 'corpus', sub);
  if (existsSync(dir)) return dir;
  console.log(`notice: corpus not found at ${dir}; this corpus test is skipped (the project's own fixtures still run).`);
  return undefined;
}

/** Every file below a folder whose name matches, sorted for a stable order. */
export function filesUnder(dir: string, pattern = /\.(ya?ml|json)$/i): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (pattern.test(name)) out.push(path);
    }
  };
  walk(dir);
  return out;
}
