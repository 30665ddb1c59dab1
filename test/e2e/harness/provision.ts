// Makes sure code-server and chromium are installed (scripts/e2e/setup-code-server.sh) and the extension is built.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { CHROMIUM, REPO_ROOT, SETUP_SCRIPT, SUITE_ENTRY } from './paths';

/** Runs the idempotent setup script (≈1 min cold, instant warm) and returns the code-server binary. */
export function provisionCodeServer(): string {
  const started = Date.now();
  const result = spawnSync('bash', [SETUP_SCRIPT], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const binary = result.stdout?.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !existsSync(binary)) {
    throw new Error(
      `Could not provision code-server for the e2e tests (${SETUP_SCRIPT} exited ${result.status ?? result.signal}).\n` +
      'It needs root (or the Debian packages chromium, libkrb5-dev, ripgrep already installed) and the npm registry. ' +
      'Run the script by hand to see why.');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (or set CHROMIUM=/path/to/chromium)`);
  console.log(`provisioned code-server in ${((Date.now() - started) / 1000).toFixed(1)} s: ${binary}`);
  return binary;
}

/** The e2e tests drive the bundled extension and the compiled suite; they do not build them. */
export function assertBuilt(): void {
  const needed = ['dist/extension.js', 'dist/server.js'].map((file) => path.join(REPO_ROOT, file)).concat(SUITE_ENTRY);
  const missing = needed.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`missing ${missing.map((f) => path.relative(REPO_ROOT, f)).join(', ')}: run \`npm run build && npx tsc -p tsconfig.test.json\` first`);
  }
}
