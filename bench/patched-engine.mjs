#!/usr/bin/env node
// Builds the engine with source patches applied in memory (shared/src is never written), to measure a
// proposed fix before anyone applies it:
//   node bench/patched-engine.mjs bench/proposed-fixes/<fix>.json [out.cjs]
// A patch file is [{ "file": "model/node.ts", "find": "...", "replace": "..." }, ...]; "find": "" appends.
// Prints the path of the bundle; load it like bench/lib/engine.mjs's loadEngine(path).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/engine.mjs';

const [patchFile, out = join(ROOT, 'node_modules', '.cache', 'kubeguard-bench', `patched-${patchFile.replace(/^.*\//, '').replace(/\.json$/, '')}.cjs`)] = process.argv.slice(2);
const patches = JSON.parse(readFileSync(patchFile, 'utf8'));
const ENTRY = `
export { lintText, LintCache, SYNTAX_RULE_ID } from './shared/src/engine/lint';
export { DEFAULT_SETTINGS, normalizeSettings } from './shared/src/engine/config';
export { PARSE_OPTIONS, splitDocuments, parseSegment } from './shared/src/model/parse';
export { allRules } from './shared/src/rules';
`;
const applied = new Set();
await esbuild.build({
  stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
  bundle: true, format: 'cjs', platform: 'node', target: 'node20', packages: 'external', outfile: out, logLevel: 'error', absWorkingDir: ROOT,
  plugins: [{
    name: 'patch',
    setup(build) {
      build.onLoad({ filter: /shared[\\/]src[\\/].*\.ts$/ }, (args) => {
        const mine = patches.filter((p) => args.path.endsWith(p.file));
        if (!mine.length) return undefined;
        let source = readFileSync(args.path, 'utf8');
        for (const p of mine) {
          if (p.find === '') source += p.replace;
          else if (!source.includes(p.find)) throw new Error(`${p.file}: the text to replace is not there (the source changed?): ${p.find.slice(0, 80)}`);
          else source = source.replace(p.find, p.replace);
          applied.add(p);
        }
        return { contents: source, loader: 'ts' };
      });
    },
  }],
});
const missing = patches.filter((p) => !applied.has(p));
if (missing.length) throw new Error(`patches for files the engine does not load: ${missing.map((p) => p.file).join(', ')}`);
console.log(out);
