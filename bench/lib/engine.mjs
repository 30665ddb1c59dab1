// Loads the engine (shared/src, TypeScript) in-process: esbuild bundles it to a content-addressed
// CommonJS file under node_modules/.cache, so bench and fuzz need no tsc step and concurrent runs never clash.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'kubeguard-bench');

const ENTRY = `
export { lintText, LintCache, SYNTAX_RULE_ID, HELM_RULE_ID, LIMIT_RULE_ID } from './shared/src/engine/lint';
export { DEFAULT_SETTINGS, normalizeSettings } from './shared/src/engine/config';
export { PARSE_OPTIONS, MAX_FILE_BYTES, MAX_NESTING, splitDocuments, parseSegment } from './shared/src/model/parse';
export { allRules } from './shared/src/rules';
export { ChunkedText } from './shared/src/model/sourceText';
`;

/** Bundles the engine and returns the path of the CommonJS file (dependencies stay in node_modules). */
export async function buildEngine() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'kubeguard-engine-entry.ts' },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    absWorkingDir: ROOT,
  });
  const code = result.outputFiles[0].text;
  const file = join(CACHE, `engine-${createHash('sha1').update(code).digest('hex').slice(0, 16)}.cjs`);
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, code);
    renameSync(temp, file);
  }
  return file;
}

/** The engine module: { lintText, LintCache, DEFAULT_SETTINGS, PARSE_OPTIONS, splitDocuments, parseSegment, ... }. */
export async function loadEngine(file) {
  return createRequire(import.meta.url)(file ?? (await buildEngine()));
}

/**
 * Bundles the language server from the current sources (as esbuild.mjs does) into the cache, so the
 * fuzzer's engine and server are the same code even while dist/ is stale. Returns the file's path.
 */
export async function buildServer() {
  return buildBundle(join('server', 'src', 'server.ts'), 'server');
}

/** Bundles a TypeScript entry of the project (with its dependencies) to a content-addressed file; returns its path. */
export async function buildBundle(entry, name) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    outfile: join(CACHE, `${name}.js`),
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.js')).text;
  const file = join(CACHE, `${name}-${createHash('sha1').update(code).digest('hex').slice(0, 16)}.js`);
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, code);
    renameSync(temp, file);
  }
  return file;
}
