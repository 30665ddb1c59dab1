// Runs every compiled test file (out/test/**/*.test.js) with Node's test runner; Node 20 does not expand globs itself.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

// Arguments narrow the run to files under the given folders (e.g. `npm test -- out/test/unit`).
const roots = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = (roots.length ? roots : ['out/test']).flatMap((root) => (statSync(root).isDirectory() ? testFiles(root) : [root]));
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=spec', ...process.argv.slice(2).filter((a) => a.startsWith('-')), ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
