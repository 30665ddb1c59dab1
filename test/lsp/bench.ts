/**
 * @file Measures the server as an editor feels it: didChange → publishDiagnostics (push) and
 * didChange → pull, on one big file. Not a test; run `node out/test/lsp/bench.js [file] [rounds]`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CodeAction, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { PULL_CAPABILITIES, PUSH_CAPABILITIES, TestClient } from './client';

const file = process.argv[2] ?? '/work/shared/bench/inputs/k8s-5k.yaml';
const rounds = Number(process.argv[3] ?? 30);
const text = readFileSync(file, 'utf8');
const lines = text.split('\n');
// Edit the middle of the file, inside one document: the cache should re-lint only that document.
const line = Math.floor(lines.length / 2);
const uri = 'file:///bench/' + file.split('/').pop();

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms (n=${samples.length})`;
}

async function push(): Promise<void> {
  const { client } = await TestClient.start(PUSH_CAPABILITIES);
  let t = performance.now();
  await client.open(uri, text);
  await client.waitForPublish(uri, 1);
  console.log(`push: open → first publish ${(performance.now() - t).toFixed(1)} ms (${lines.length} lines)`);
  const samples: number[] = [];
  for (let version = 2; version < rounds + 2; version++) {
    const since = client.published.length;
    t = performance.now();
    // Type one character at the end of the line, as a user would.
    await client.change(uri, version, [{ range: { start: { line, character: lines[line]!.length }, end: { line, character: lines[line]!.length } }, text: version % 2 ? ' ' : '#' }]);
    await client.waitForPublish(uri, version, since);
    samples.push(performance.now() - t);
  }
  console.log(`push: didChange → publishDiagnostics: ${stats(samples)}`);
  await client.stop();
}

async function pull(): Promise<void> {
  const { client } = await TestClient.start(PULL_CAPABILITIES);
  await client.open(uri, text);
  let t = performance.now();
  await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  console.log(`pull: first pull ${(performance.now() - t).toFixed(1)} ms`);
  const samples: number[] = [];
  for (let version = 2; version < rounds + 2; version++) {
    t = performance.now();
    await client.change(uri, version, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: version % 2 ? ' ' : '' }]);
    await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    samples.push(performance.now() - t);
  }
  console.log(`pull: didChange + textDocument/diagnostic: ${stats(samples)}`);
  t = performance.now();
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.kubeguard'] },
  });
  const edits = (actions[0]?.edit?.documentChanges?.[0] as { edits: unknown[] } | undefined)?.edits.length ?? 0;
  console.log(`pull: source.fixAll.kubeguard ${(performance.now() - t).toFixed(1)} ms (${edits} edits)`);
  await client.stop();
}

void (async () => {
  await push();
  await pull();
})();
