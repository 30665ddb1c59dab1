/**
 * @file The bounded fuzz run of `npm test`: about 100 seconds of mutated manifests (../shared/corpus and
 * the project's own fixtures) through the engine and the built server (`fuzz/run.mjs`, seed fixed so a
 * failure reproduces). Any exception, hang, crash or disagreement fails the test and leaves a reproducer
 * in fuzz-reproducers/. KUBEGUARD_FUZZ_SECONDS changes the bound (0 skips). Not a timing test: the
 * clock only decides how many inputs are tried.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

function repoRoot(from: string = __dirname): string {
  for (let dir = from; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'kubeguard') return dir;
  }
  throw new Error(`no kubeguard package.json above ${from}`);
}

const SECONDS = Number(process.env.KUBEGUARD_FUZZ_SECONDS ?? 100);

interface Summary {
  inputs: number;
  serverChecks: number;
  fixesApplied: number;
  seconds: number;
  failures: number;
  distinct: Array<{ kind: string; count: number; message: string; reproducer: string }>;
}

test(`fuzz: ${SECONDS} s of mutated manifests through the engine and the server, no failure`, { skip: SECONDS <= 0 ? 'KUBEGUARD_FUZZ_SECONDS=0' : false, timeout: (SECONDS + 240) * 1000 }, async (t) => {
  const root = repoRoot();
  if (!existsSync(path.join(root, '..', 'shared', 'corpus'))) {
    console.log('notice: ../shared/corpus is absent; the fuzz run uses the project fixtures (examples/, test/) only');
  }
  assert.ok(existsSync(path.join(root, 'dist', 'server.js')), 'dist/server.js is missing: npm test builds it in pretest (npm run build)');
  const scratch = mkdtempSync(path.join(tmpdir(), 'kubeguard-fuzz-'));
  const summaryFile = path.join(scratch, 'summary.json');
  try {
    const args = ['fuzz/run.mjs', '--seconds', String(SECONDS), '--seed', 'npm-test', '--server-bundle', 'dist', '--quiet', '--json', summaryFile];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const summary = existsSync(summaryFile) ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary) : undefined;
    if (summary) t.diagnostic(`${summary.inputs} inputs in ${summary.seconds.toFixed(0)} s, ${summary.serverChecks} through the server, ${summary.fixesApplied} fixes applied; ${summary.failures} failure(s)`);
    assert.ok(summary, `the fuzzer did not finish (exit ${code}):\n${output}`);
    assert.ok(summary.inputs > 0, `no input was tried:\n${output}`);
    const report = summary.distinct.map((d) => `${d.count} × ${d.kind}: ${d.message}\n  replay: node fuzz/run.mjs --replay ${d.reproducer}`).join('\n');
    assert.equal(summary.failures, 0, `fuzzing found ${summary.failures} failure(s), ${summary.distinct.length} distinct:\n${report}`);
    assert.equal(code, 0, output);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
