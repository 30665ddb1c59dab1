// The parse floor, measured in a fresh process so "cold" means cold: what it costs merely to parse
// the text with `yaml` (parseAllDocuments with the engine's PARSE_OPTIONS), nothing else.
//   node bench/floor.mjs file <path> <editOffset> <parseOptionsJson> <engineFile>
//   node bench/floor.mjs parse-dir <dir> <parseOptionsJson>      (parse every manifest, twice)
//   node bench/floor.mjs lint-dir <dir> <engineFile>             (lintText every manifest, twice: workspace indexing)
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { readManifest, walkManifests } from './lib/files.mjs';

const require = createRequire(import.meta.url);
const [mode, target, third, fourth, fifth] = process.argv.slice(2);
const median = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length / 2) - 1];

function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

if (mode === 'file') {
  const { parseAllDocuments } = require('yaml');
  const options = JSON.parse(fourth);
  const { splitDocuments } = require(fifth);
  const text = readManifest(target);
  const editOffset = Number(third);
  const wholeCold = time(() => parseAllDocuments(text, options));
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push(time(() => parseAllDocuments(text, options)));
  const piece = splitDocuments(text).find((p) => p.base <= editOffset && editOffset <= p.base + p.text.length);
  const docCold = time(() => parseAllDocuments(piece.text, options));
  const docWarm = [];
  for (let i = 0; i < 50; i++) docWarm.push(time(() => parseAllDocuments(piece.text, options)));
  process.stdout.write(JSON.stringify({ wholeCold, wholeWarm: median(warm), docCold, docWarm: median(docWarm), docChars: piece.text.length }));
} else if (mode === 'parse-dir') {
  const t0 = performance.now();
  const { parseAllDocuments } = require('yaml');
  const options = JSON.parse(third);
  const files = walkManifests(target);
  const texts = files.map(readManifest);
  const t1 = performance.now();
  const first = time(() => texts.forEach((t) => parseAllDocuments(t, options)));
  const second = time(() => texts.forEach((t) => parseAllDocuments(t, options)));
  process.stdout.write(JSON.stringify({ files: files.length, chars: texts.reduce((n, t) => n + t.length, 0), loadMs: t1 - t0, firstPassMs: first, secondPassMs: second }));
} else if (mode === 'lint-dir') {
  const t0 = performance.now();
  const engine = require(third);
  const files = walkManifests(target);
  const texts = files.map(readManifest);
  const t1 = performance.now();
  let findings = 0;
  const first = time(() => texts.forEach((t, i) => (findings += engine.lintText(t, { settings: engine.DEFAULT_SETTINGS, fileName: files[i] }).findings.length)));
  const second = time(() => texts.forEach((t, i) => engine.lintText(t, { settings: engine.DEFAULT_SETTINGS, fileName: files[i] })));
  process.stdout.write(JSON.stringify({ files: files.length, findings, loadMs: t1 - t0, firstPassMs: first, secondPassMs: second }));
} else {
  process.stderr.write('usage: node bench/floor.mjs file|parse-dir|lint-dir ...\n');
  process.exit(2);
}
