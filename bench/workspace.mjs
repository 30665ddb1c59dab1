#!/usr/bin/env node
// The workspace index (issue 4), measured on corpus/real, each pass in a fresh process so "cold" means cold:
//   - cold indexing (`indexText` + `WorkspaceIndex.set` for every file) against merely parsing the same
//     texts with `yaml` (parseAllDocuments, the engine's PARSE_OPTIONS); target ≤ 2×;
//   - the cold cross-file check of every file (`lintWorkspaceFile`), reported on its own;
//   - after that, single-file edits: how many files the index says to re-check, and how long that takes;
//   - over LSP (dist/server.js): an open file's first diagnostics with and without the folder to scan, and
//     when its cross-file findings follow (indexing must not delay the first diagnostics).
//
//   node bench/workspace.mjs [--runs N] [--dir <folder>] [--out file.json]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readManifest, walkManifests } from './lib/files.mjs';
import { LspProcess } from './lib/lsp.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const median = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length / 2) - 1];
const time = (fn) => {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
};

const ENTRY = `
export { indexText, factsOf } from './shared/src/workspace/facts';
export { WorkspaceIndex } from './shared/src/workspace/index';
export { lintWorkspaceFile } from './shared/src/workspace/lint';
export { DEFAULT_SETTINGS } from './shared/src/engine/config';
export { PARSE_OPTIONS, parseSegment, splitDocuments } from './shared/src/model/parse';
export { objectsOf } from './shared/src/model/objects';
`;

/** Bundles the workspace modules from the current sources into node_modules/.cache (no tsc step, no clash with other benches). */
async function bundle() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' }, bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', packages: 'external', logLevel: 'silent', absWorkingDir: ROOT });
  const code = result.outputFiles[0].text;
  const dir = join(ROOT, 'node_modules', '.cache', 'kubeguard-bench');
  const file = join(dir, `workspace-${createHash('sha1').update(code).digest('hex').slice(0, 16)}.cjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${file}.${process.pid}.tmp`, code);
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
  return file;
}

/** Edits that model typing in one file, each applied to the cold index and undone afterwards. */
const EDITS = [
  { name: 'pod label renamed (microservices-demo)', file: 'microservices-demo/release/kubernetes-manifests.yaml', from: '        app: frontend\n', to: '        app: frontend-v2\n' },
  { name: 'comment added (microservices-demo)', file: 'microservices-demo/release/kubernetes-manifests.yaml', from: 'apiVersion', to: '# touched\napiVersion' },
  { name: 'policyTypes narrowed (k8s-website default-deny)', file: 'k8s-website/content/en/examples/service/networking/network-policy-default-deny-all.yaml', from: '"Egress",', to: '' },
  { name: 'Namespace label added (kube-prometheus)', file: 'kube-prometheus/manifests/setup/namespace.yaml', from: '  name: monitoring', to: '  name: monitoring\n  labels: {team: observability}' },
];

function child(mode, dir, engineFile) {
  const engine = createRequire(import.meta.url)(engineFile);
  const files = walkManifests(dir);
  const texts = files.map(readManifest);
  const uris = files.map((f) => pathToFileURL(f).href);
  if (mode === 'parse') {
    const { parseAllDocuments } = createRequire(import.meta.url)('yaml');
    const { ms } = time(() => texts.forEach((t) => parseAllDocuments(t, engine.PARSE_OPTIONS)));
    return { files: files.length, chars: texts.reduce((n, t) => n + t.length, 0), parseMs: ms };
  }
  if (mode === 'index-everything') {
    // The same facts from a parse of every document, as an open file's lint result gives them: what the skipping saves.
    const parseAll = (t) => {
      const segments = engine.splitDocuments(t).map((p) => engine.parseSegment(p.base, p.text));
      return { segments, objects: segments.flatMap((s) => (s.problems.length ? [] : engine.objectsOf(s))) };
    };
    const all = new engine.WorkspaceIndex();
    return { indexEverythingMs: time(() => texts.forEach((t, i) => all.set(uris[i], engine.factsOf(uris[i], parseAll(t))))).ms };
  }
  const index = new engine.WorkspaceIndex();
  const indexing = time(() => texts.forEach((t, i) => index.set(uris[i], engine.indexText(uris[i], t))));
  const check = (i) => engine.lintWorkspaceFile(index, uris[i], { settings: engine.DEFAULT_SETTINGS, text: texts[i] }).findings.length;
  const checking = time(() => texts.reduce((n, _, i) => n + check(i), 0));
  const edits = [];
  for (const edit of EDITS) {
    const i = files.findIndex((f) => f.endsWith(edit.file));
    if (i < 0 || !texts[i].includes(edit.from)) continue;
    const edited = texts[i].replace(edit.from, edit.to);
    const run = time(() => {
      const update = index.set(uris[i], engine.indexText(uris[i], edited));
      for (const uri of update.affected) check(uris.indexOf(uri));
      return update.affected.size;
    });
    edits.push({ name: edit.name, file: edit.file, recheckedFiles: run.value, ms: run.ms });
    index.set(uris[i], engine.indexText(uris[i], texts[i]));
    for (const uri of index.files()) check(uris.indexOf(uri));
  }
  return { files: files.length, indexMs: indexing.ms, checkMs: checking.ms, findings: checking.value, edits };
}

/** Opens one file in a fresh server (a pulling client) and times its first pull, and the pull after the scan's refresh. */
async function firstDiagnostics(dir, file, withFolder) {
  let refreshed;
  const refresh = new Promise((resolve) => (refreshed = resolve));
  const server = new LspProcess(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], {
    onRequest: (method, params) => {
      if (method === 'workspace/diagnostic/refresh') refreshed(performance.now());
      return method === 'workspace/configuration' ? params.items.map(() => null) : null;
    },
  });
  const capabilities = { textDocument: { diagnostic: {}, publishDiagnostics: {} }, workspace: { configuration: true, diagnostics: { refreshSupport: true } } };
  await server.request('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: withFolder ? [{ uri: pathToFileURL(dir).href, name: 'corpus' }] : null });
  server.notify('initialized', {});
  const uri = pathToFileURL(file).href;
  const start = performance.now();
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readManifest(file) } });
  const first = await server.request('textDocument/diagnostic', { textDocument: { uri } });
  const firstMs = performance.now() - start;
  let crossMs;
  if (withFolder) {
    await Promise.race([refresh, new Promise((resolve) => setTimeout(resolve, 60_000))]);
    await server.request('textDocument/diagnostic', { textDocument: { uri } });
    crossMs = performance.now() - start;
  }
  await server.shutdown();
  return { firstMs, items: first.result.items.length, crossMs };
}

if (argv[0] === '--child') {
  process.stdout.write(JSON.stringify(child(argv[1], argv[2], argv[3])));
} else {
  const dir = option('dir', join(ROOT, '..', 'shared', 'corpus', 'real'));
  const runs = Number(option('runs', 5));
  const engineFile = await bundle();
  const spawnJson = (mode) => {
    const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, dir, engineFile], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (out.status !== 0) throw new Error(out.stderr);
    return JSON.parse(out.stdout);
  };
  const parse = [];
  const index = [];
  const everything = [];
  // Interleaved, so machine noise hits all sides alike.
  for (let r = 0; r < runs; r++) {
    parse.push(spawnJson('parse'));
    index.push(spawnJson('index'));
    everything.push(spawnJson('index-everything'));
  }
  const result = {
    dir: relative(ROOT, dir),
    files: parse[0].files,
    chars: parse[0].chars,
    parseColdMs: median(parse.map((p) => p.parseMs)),
    indexColdMs: median(index.map((p) => p.indexMs)),
    checkColdMs: median(index.map((p) => p.checkMs)),
    indexEverythingColdMs: median(everything.map((p) => p.indexEverythingMs)),
    findings: index[0].findings,
    edits: index[0].edits.map((e, k) => ({ ...e, ms: median(index.map((p) => p.edits[k].ms)) })),
  };
  result.indexRatio = result.indexColdMs / result.parseColdMs;
  result.indexAndCheckRatio = (result.indexColdMs + result.checkColdMs) / result.parseColdMs;
  const f = (n) => n.toFixed(1);
  console.log(`Workspace index on ${result.dir}: ${result.files} files, ${(result.chars / 1e6).toFixed(1)} M chars (median of ${runs} fresh processes)`);
  console.log(`  parse with yaml (the floor) ${f(result.parseColdMs)} ms`);
  console.log(`  index cold                  ${f(result.indexColdMs)} ms = ${result.indexRatio.toFixed(2)}× the floor (target ≤ 2×)`);
  console.log(`  + cross-file check, all     ${f(result.checkColdMs)} ms (${result.findings} findings) → ${result.indexAndCheckRatio.toFixed(2)}× the floor in all`);
  console.log(`  (index parsing every document, CRDs and ConfigMaps too: ${f(result.indexEverythingColdMs)} ms = ${(result.indexEverythingColdMs / result.parseColdMs).toFixed(2)}×)`);
  for (const e of result.edits) console.log(`  edit: ${e.name}: re-checked ${e.recheckedFiles} of ${result.files} files in ${f(e.ms)} ms`);
  if (existsSync(join(ROOT, 'dist', 'server.js'))) {
    const file = join(dir, 'microservices-demo', 'release', 'kubernetes-manifests.yaml');
    const alone = [];
    const scanned = [];
    for (let r = 0; r < runs; r++) {
      alone.push(await firstDiagnostics(dir, file, false));
      scanned.push(await firstDiagnostics(dir, file, true));
    }
    result.lsp = { file: relative(dir, file), firstAloneMs: median(alone.map((x) => x.firstMs)), firstWhileScanningMs: median(scanned.map((x) => x.firstMs)), crossFileAfterMs: median(scanned.map((x) => x.crossMs)) };
    console.log(`  LSP, ${result.lsp.file} opened at start: first diagnostics ${f(result.lsp.firstAloneMs)} ms without a folder, ${f(result.lsp.firstWhileScanningMs)} ms while the folder is scanned; cross-file findings after ${f(result.lsp.crossFileAfterMs)} ms`);
  }
  const out = option('out');
  if (out) writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
}
