// The engine half of the fuzzer, in a worker thread so the parent can time it out (a hang) and survive
// it dying (a stack overflow, an out-of-memory from an alias bomb). For one input it:
//   1. lints the final text from scratch;
//   2. lints base → each mutation step → final with one LintCache (the editor's incremental path;
//      for half the inputs through a ChunkedText, as the server syncs a document) and requires the
//      same findings as (1);
//   3. checks every finding and fix for sane offsets;
//   4. applies fixes one at a time (up to a bound), and all safe fixes at once, and re-lints each result.
// Before each lintText call it posts { type: 'step' } so the parent's watchdog times each call on its own.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { applyEdits } from './lib/mutate.mjs';

process.setSourceMapsEnabled?.(true); // stack traces name shared/src/... files
const engine = createRequire(import.meta.url)(workerData.engineFile);
const ALL_RULE_IDS = engine.allRules.map((r) => r.meta.id);
const baseSettings = engine.normalizeSettings ? engine.normalizeSettings(null) : engine.DEFAULT_SETTINGS;
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);
const MAX_FIXES = 16;

function settingsFor(variant) {
  if (!engine.normalizeSettings || variant === 'default') return baseSettings;
  if (variant === 'all-on') return engine.normalizeSettings({ rules: Object.fromEntries(ALL_RULE_IDS.map((id) => [id, 'warning'])) });
  if (variant === 'baseline') return engine.normalizeSettings({ podSecurity: { level: 'baseline', version: 'v1.25' }, rules: { 'privileged-container': 'off' } });
  if (variant === 'privileged') return engine.normalizeSettings({ podSecurity: { level: 'privileged', version: 'latest', minimumUid: 0 }, rules: Object.fromEntries(ALL_RULE_IDS.map((id, i) => [id, ['error', 'hint', 'off', 'info'][i % 4]])) });
  return baseSettings;
}

let current = 0;
function lint(step, text, options) {
  parentPort.postMessage({ type: 'step', id: current, step, chars: text.length });
  return engine.lintText(text, options);
}

/** A comparable form of a result: everything the editor shows or applies. */
function signature(result) {
  return JSON.stringify(result.findings.map((f) => [f.ruleId, f.severity, f.message, f.start, f.end, f.fixes.map((x) => [x.title, x.safe, x.edits.map((e) => [e.start, e.end, e.text])])]));
}

function checkInvariants(result, text, failures, where) {
  // `sig` groups failures by cause for deduplication (one reproducer per cause, not per rule or length).
  const bad = (message, sig) => failures.push({ kind: 'invariant', message, sig, detail: `in the result of: ${where}` });
  if (!Array.isArray(result.findings)) return bad('findings is not an array');
  for (const f of result.findings) {
    const id = `${f.ruleId}@${f.start}`;
    if (typeof f.ruleId !== 'string' || !f.ruleId) bad(`finding without ruleId: ${JSON.stringify(f).slice(0, 200)}`, 'no-rule-id');
    if (!SEVERITIES.has(f.severity)) bad(`${id}: severity ${f.severity}`, `severity|${f.ruleId}`);
    // "undefined"/"NaN" in a message is a formatting bug unless the manifest itself says so.
    const leaked = (word) => f.message.includes(word) && !text.toLowerCase().includes(word.toLowerCase());
    // A {{placeholder}} left in a message is a template bug, unless the message quotes the manifest's own (Grafana, Helm).
    const placeholder = typeof f.message === 'string' && (f.message.match(/\{\{\w+\}\}/g) ?? []).some((p) => !text.includes(p));
    if (typeof f.message !== 'string' || !f.message || leaked('undefined') || leaked('NaN') || placeholder || /\[object Object\]/.test(f.message)) bad(`${f.ruleId}: suspicious message ${JSON.stringify(String(f.message).slice(0, 300))}`, `message-text|${f.ruleId}|${/\[object Object\]/.test(f.message) ? 'object' : 'other'}`);
    else if (f.message.length > 2_000) bad(`${f.ruleId}: message of ${f.message.length} chars (a value quoted whole?): ${JSON.stringify(f.message.slice(0, 200))}…`, `long-message|${f.ruleId === 'yaml-syntax' ? 'syntax' : 'rules'}`);
    if (!(Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.start <= f.end && f.end <= text.length)) bad(`${f.ruleId}: range ${f.start}..${f.end} outside 0..${text.length}`, `range|${f.ruleId}`);
    for (const fix of f.fixes ?? []) {
      let last = -1;
      for (const e of [...fix.edits].sort((a, b) => a.start - b.start)) {
        if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= text.length)) bad(`${f.ruleId} fix "${fix.title}": edit ${e.start}..${e.end} outside 0..${text.length}`, `edit-range|${f.ruleId}`);
        if (e.start < last) bad(`${f.ruleId} fix "${fix.title}": overlapping edits`, `edit-overlap|${f.ruleId}`);
        if (typeof e.text !== 'string') bad(`${f.ruleId} fix "${fix.title}": edit text ${typeof e.text}`, `edit-text|${f.ruleId}`);
        last = e.end;
      }
    }
  }
}

// Parse problems of the documents themselves, not the findings shown for them: a file stops looking
// like a Helm template when a fix removes its only `{{ }}`, and its old syntax errors then show.
const syntaxCount = (result) => (result.segments ?? []).reduce((n, s) => n + (s.problems?.length ?? 0), 0);
const errorCount = (result) => result.findings.filter((f) => f.severity === 'error').length;

function run(job) {
  const failures = [];
  const settings = settingsFor(job.settingsVariant);
  const options = { settings, fileName: job.fileName, today: '2025-06-01' };
  const stats = { findings: 0, fixes: 0 };
  const guarded = (kind, fn) => {
    try {
      return fn();
    } catch (error) {
      failures.push({ kind, message: String(error?.message ?? error), stack: String(error?.stack ?? '') });
      return undefined;
    }
  };

  // 1. from scratch
  const fresh = guarded('exception', () => lint('lint final text', job.text, options));
  if (!fresh) return { failures, stats };
  stats.findings = fresh.findings.length;
  for (const e of fresh.ruleErrors ?? []) failures.push({ kind: 'rule-error', message: e.split('\n')[0], stack: e });
  checkInvariants(fresh, job.text, failures, 'final text');

  // 2. incremental, as the editor sees it: for half the inputs as the language server syncs a text
  // (a ChunkedText that each edit updates and that tells the engine what changed), else as plain strings.
  const cache = new engine.LintCache();
  const chunked = engine.ChunkedText && job.text.length % 2 === 1;
  let incremental = guarded('exception', () => {
    let text = job.base;
    let source = chunked ? engine.ChunkedText.of(text) : text;
    lint('lint base (cached)', source, { ...options, cache });
    let r;
    for (const step of job.steps) {
      text = applyEdits(text, step.edits);
      if (chunked) for (const e of [...step.edits].sort((x, y) => y.start - x.start || y.end - x.end)) source = source.edit(e.start, e.end, e.text);
      else source = text;
      r = lint(`lint after ${step.name} (cached${chunked ? ', chunked' : ''})`, source, { ...options, cache });
      if (r.text !== text) failures.push({ kind: 'cache-mismatch', sig: 'chunked-text', message: `the linted text differs from the edited one after ${step.name}` });
    }
    return r ?? lint('lint final (cached)', source, { ...options, cache });
  });
  // The yaml parser recurses per line in some error states: past a few thousand lines the stack
  // overflows, the engine reports "could not parse", and whether it overflows depends on the stack
  // depth of the caller (so incremental and fresh runs can disagree). Reported once, as itself.
  // Since the engine reports this as a clear "too large for the YAML parser" diagnostic it is a handled limit, not a failure;
  // only the old raw message (an unhandled overflow) still counts.
  const overflow = [fresh, incremental].some((r) => r?.findings.some((f) => /Maximum call stack size exceeded/.test(f.message)));
  const parserLimit = [fresh, incremental].some((r) => r?.findings.some((f) => /too large for the YAML parser/.test(f.message)));
  if (overflow) failures.push({ kind: 'parser-stack-overflow', sig: 'yaml', message: 'a document could not be parsed: Maximum call stack size exceeded (yaml Parser recursion)', detail: fresh.findings.find((f) => /Maximum call stack/.test(f.message))?.message });
  if (incremental && !overflow && !parserLimit && signature(incremental) !== signature(fresh)) {
    const a = incremental.findings.map((f) => `${f.ruleId}@${f.start}-${f.end}`).join(' ');
    const b = fresh.findings.map((f) => `${f.ruleId}@${f.start}-${f.end}`).join(' ');
    failures.push({ kind: 'cache-mismatch', message: `incremental lint (LintCache over ${job.steps.length} step(s)) differs from a fresh lint`, detail: `incremental: ${a.slice(0, 1500)}\nfresh:       ${b.slice(0, 1500)}` });
  }

  // 3./4. fixes, one at a time, then all safe ones together
  const withFixes = fresh.findings.filter((f) => f.fixes?.length);
  const picked = [];
  for (const f of withFixes) for (const fix of f.fixes) picked.push({ f, fix });
  const step = Math.max(1, Math.ceil(picked.length / MAX_FIXES));
  const baseSyntax = syntaxCount(fresh);
  const baseErrors = errorCount(fresh);
  // Bound the work per input (a slow but legal text with 16 fixes would otherwise cost 16 slow lints).
  const budget = performance.now() + Math.max(2_000, (2_000 * job.text.length) / 100_000) * 3;
  for (let i = 0; i < picked.length && performance.now() < budget; i += step) {
    const { f, fix } = picked[i];
    stats.fixes++;
    const fixed = guarded('fix-exception', () => {
      const text = applyEdits(job.text, fix.edits);
      return { text, result: lint(`lint after fix "${fix.title}" (${f.ruleId})`, text, { ...options, cache }) };
    });
    if (!fixed) continue;
    for (const e of fixed.result.ruleErrors ?? []) failures.push({ kind: 'rule-error', message: e.split('\n')[0], stack: e });
    checkInvariants(fixed.result, fixed.text, failures, `after fix "${fix.title}"`);
    if (syntaxCount(fixed.result) > baseSyntax) failures.push({ kind: 'fix-breaks-yaml', sig: `${f.ruleId}|${fix.title}`, message: `fix "${fix.title}" for ${f.ruleId} produced a YAML syntax error`, detail: fixed.result.findings.filter((x) => x.ruleId === engine.SYNTAX_RULE_ID).map((x) => x.message).join('\n'), fix: { ruleId: f.ruleId, title: fix.title, edits: fix.edits } });
    else if (errorCount(fixed.result) > baseErrors && !fix.suppression) failures.push({ kind: 'fix-new-error', sig: `${f.ruleId}|${fix.title}`, message: `fix "${fix.title}" for ${f.ruleId} introduced an error-severity finding`, detail: fixed.result.findings.filter((x) => x.severity === 'error').map((x) => `${x.ruleId}: ${x.message}`).join('\n').slice(0, 2000), fix: { ruleId: f.ruleId, title: fix.title, edits: fix.edits } });
  }
  const safe = [];
  let end = -1;
  for (const { fix } of picked.filter((p) => p.fix.safe).sort((a, b) => Math.min(...a.fix.edits.map((e) => e.start)) - Math.min(...b.fix.edits.map((e) => e.start)))) {
    const lo = Math.min(...fix.edits.map((e) => e.start));
    const hi = Math.max(...fix.edits.map((e) => e.end));
    if (lo < end) continue;
    safe.push(...fix.edits);
    end = Math.max(hi, lo + 1);
  }
  if (safe.length && performance.now() < budget) {
    const all = guarded('fix-exception', () => {
      const text = applyEdits(job.text, safe);
      return { text, result: lint('lint after all safe fixes', text, { ...options, cache }) };
    });
    if (all) {
      checkInvariants(all.result, all.text, failures, 'after all safe fixes');
      if (syntaxCount(all.result) > baseSyntax) failures.push({ kind: 'fix-breaks-yaml', message: 'applying all safe fixes together produced a YAML syntax error', detail: all.result.findings.filter((x) => x.ruleId === engine.SYNTAX_RULE_ID).map((x) => x.message).join('\n') });
    }
  }
  incremental = undefined;
  // What the server should report for this text with default settings (server oracle).
  let serverExpectation;
  if (job.expectForServer) {
    // The server lints with today's date (suppression expiry) and the default settings.
    const expected = guarded('exception', () => lint('lint for the server oracle', job.text, { settings: baseSettings, fileName: job.fileName }));
    if (expected) serverExpectation = expected.findings.map((f) => f.ruleId).sort();
  }
  return { failures, stats, serverExpectation };
}

process.on('unhandledRejection', (reason) => {
  parentPort.postMessage({ type: 'done', id: current, result: { failures: [{ kind: 'unhandled-rejection', message: String(reason?.message ?? reason), stack: String(reason?.stack ?? '') }], stats: {} } });
});

parentPort.on('message', (job) => {
  current = job.id;
  const result = run(job);
  parentPort.postMessage({ type: 'done', id: job.id, result });
});
// The parent's watchdog counts this thread's CPU time (so a loaded machine is not mistaken for a hang).
let tid;
try {
  tid = readlinkSync('/proc/thread-self').split('/').pop();
} catch {
  // not Linux: the watchdog falls back to wall time
}
parentPort.postMessage({ type: 'ready', tid });
