#!/usr/bin/env node
// kubeguard fuzzer (`npm run fuzz`): mutates real manifests and drives the engine in-process (worker
// threads with a watchdog) and the language server over stdio. Any exception, hang, crash, unhandled
// rejection, broken invariant or engine/server disagreement is a failure, saved as a reproducer.
//
//   node fuzz/run.mjs [--count N] [--seconds S] [--seed X] [--jobs N] [--server-every K | --no-server]
//                     [--corpus DIR]... [--no-corpus] [--out DIR] [--json FILE] [--quiet]
//   node fuzz/run.mjs --replay fuzz-reproducers/<dir>/repro.json [--minimize]
//
// Inputs are deterministic: input i of seed X is the same on every machine (the time bound only
// decides how many are tried). The server needs `npm run build` (dist/server.js); without it the
// server half is skipped with a notice.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { buildEngine, buildServer, ROOT } from '../bench/lib/engine.mjs';
import { readManifest, walkManifests } from '../bench/lib/files.mjs';
import { makeInput, rngFrom } from './lib/mutate.mjs';
import { ServerFuzzer } from './lib/server.mjs';

// ---------------------------------------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
};
const options = (name) => argv.flatMap((a, i) => (a === `--${name}` && i + 1 < argv.length ? [argv[i + 1]] : []));
if (flag('help')) {
  console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 12).join('\n').replace(/^\/\/ ?/gm, ''));
  process.exit(0);
}
const SECONDS = option('seconds') !== undefined ? Number(option('seconds')) : undefined;
const COUNT = option('count') !== undefined ? Number(option('count')) : SECONDS === undefined ? 2_000 : Infinity;
const SEED = option('seed', '1');
const JOBS = Math.max(1, Number(option('jobs', 2)));
const SERVER_EVERY = flag('no-server') ? 0 : Math.max(1, Number(option('server-every', 8)));
const OUT = option('out', join(ROOT, 'fuzz-reproducers'));
const QUIET = flag('quiet');
/** --server-bundle dist: fuzz dist/server.js as built; default: a bundle of the current sources (same code as the engine). */
const SERVER_FROM_DIST = option('server-bundle') === 'dist';
const SERVER_DIST = join(ROOT, 'dist', 'server.js');
let SERVER = SERVER_DIST;
async function serverPath() {
  if (SERVER_FROM_DIST) return existsSync(SERVER_DIST) ? SERVER_DIST : undefined;
  try {
    return await buildServer();
  } catch (error) {
    console.log(`notice: could not bundle server/src (${String(error?.message ?? error).split('\n')[0]}); ${existsSync(SERVER_DIST) ? 'using dist/server.js' : 'fuzzing the engine only'}`);
    return existsSync(SERVER_DIST) ? SERVER_DIST : undefined;
  }
}
const SHARED_CORPUS = join(ROOT, '..', 'shared', 'corpus');

/**
 * Reported and saved, but not failures: a fix after which an error-severity finding appears is usually
 * a fix that uncovers a problem the first one hid (a misspelt key now read, a rule reporting its worst
 * case first), which is right; the reproducers are there to be read.
 */
const NOTE_KINDS = new Set(['fix-new-error']);

/** A hang: one lintText call over 2 s on a text under 100 KB; proportionally more for bigger texts. */
const limitFor = (chars) => Math.max(2_000, Math.ceil((2_000 * chars) / 100_000));

// ---------------------------------------------------------------------------------------------- seeds
function loadSeeds() {
  const groups = [];
  const add = (name, weight, dirs, options = {}) => {
    const files = dirs.filter(existsSync).flatMap((d) => walkManifests(d));
    const texts = [];
    for (const file of files) {
      try {
        const text = readManifest(file);
        if (text.length <= 8_000_000) texts.push({ file, text });
      } catch {
        // unreadable: skip
      }
    }
    if (texts.length) groups.push({ name, weight, texts, ...options });
  };
  const fixtureDirs = [join(ROOT, 'examples'), join(ROOT, 'test')];
  const extra = options('corpus');
  if (extra.length) add('given', 60, extra);
  if (!flag('no-corpus') && existsSync(SHARED_CORPUS)) {
    add('real', 35, [join(SHARED_CORPUS, 'real')]);
    add('nasty', 15, [join(SHARED_CORPUS, 'nasty')]);
    add('helm', 8, [join(SHARED_CORPUS, 'helm')], { templates: true });
    add('pss', 12, [join(SHARED_CORPUS, 'pss')]);
    add('peers', 15, [join(SHARED_CORPUS, 'peers')]);
  } else if (!flag('no-corpus')) {
    console.log(`notice: ${SHARED_CORPUS} is absent; fuzzing the project's own fixtures (examples/, test/) only`);
  }
  add('fixtures', 15, fixtureDirs);
  return groups;
}

// ---------------------------------------------------------------------------------------------- engine runner
class EngineRunner {
  constructor(engineFile) {
    this.engineFile = engineFile;
    this.worker = undefined;
    this.ready = undefined;
  }

  spawn() {
    this.worker = new Worker(new URL('./engine-worker.mjs', import.meta.url), {
      workerData: { engineFile: this.engineFile },
      // An alias bomb that expands must kill the worker, not the fuzzer. The stack is the size of a main
      // thread's (V8's default, ~1 MB; workers get 4 MB), so deep recursion fails here where it fails in
      // the server and the CLI.
      resourceLimits: { maxOldGenerationSizeMb: 2048, stackSizeMb: 0.95 },
      stdout: true,
      stderr: true,
    });
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.tid = undefined;
    const worker = this.worker;
    worker.on('error', () => {}); // reported through run()'s listeners; never an unhandled 'error' event
    this.ready = new Promise((resolve, reject) => {
      worker.once('message', (m) => resolve((this.tid = m.tid)));
      worker.once('error', (error) => reject(error));
      worker.once('exit', (code) => reject(new Error(`worker exited with code ${code} before it was ready`)));
    });
    this.ready.catch(() => {});
  }

  /** CPU time (ms) of the worker's thread, from /proc; undefined where unavailable. */
  cpuMs() {
    if (!this.tid) return undefined;
    try {
      return Number(readFileSync(`/proc/${process.pid}/task/${this.tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      return undefined;
    }
  }

  async kill() {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate().catch(() => {});
  }

  /** Resolves with { result } or { hang: { step, chars, ms } } or { crash: { message, stack } }. */
  async run(job, limitScale = 1) {
    if (!this.worker) this.spawn();
    try {
      await this.ready;
    } catch (error) {
      await this.kill();
      return { crash: { message: `worker failed to start: ${error?.message ?? error}`, stack: String(error?.stack ?? ''), step: 'start' } };
    }
    const worker = this.worker;
    return new Promise((resolve) => {
      let timer;
      let step = { step: 'start', chars: job.text.length };
      let stepStarted = performance.now();
      let cpuAtStart = this.cpuMs();
      // A hang is one step (one lintText call) over its limit of wall time. The caller confirms it with
      // the fuzzer otherwise idle, so another worker or the server never makes the engine look slow.
      // The worker thread's own CPU time is reported beside it (GC threads are not in it).
      const arm = () => {
        clearTimeout(timer);
        const limit = limitFor(step.chars) * limitScale;
        timer = setTimeout(() => {
          const now = this.cpuMs();
          const threadCpuMs = now !== undefined && cpuAtStart !== undefined ? Math.round(now - cpuAtStart) : undefined;
          finish({ hang: { ...step, wallMs: Math.round(performance.now() - stepStarted), threadCpuMs, limitMs: limit } }, true);
        }, limit);
      };
      const onMessage = (message) => {
        if (message.id !== job.id) return;
        if (message.type === 'step') {
          step = { step: message.step, chars: message.chars };
          stepStarted = performance.now();
          cpuAtStart = this.cpuMs();
          arm();
        } else if (message.type === 'done') finish({ result: message.result });
      };
      const onError = (error) => finish({ crash: { message: `worker died: ${error?.code ?? ''} ${error?.message ?? error}`, stack: String(error?.stack ?? ''), step: step.step } }, true);
      const onExit = (code) => finish({ crash: { message: `worker exited with code ${code}`, step: step.step } }, true);
      const finish = (outcome, dead = false) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (dead) void this.kill();
        resolve(outcome);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      arm();
      worker.postMessage(job);
    });
  }
}

// ---------------------------------------------------------------------------------------------- exclusive runs
/** Engine jobs and server checks run inside the gate; a confirmation run waits until it is alone. */
const gate = { busy: 0, exclusive: undefined };
async function enter() {
  while (gate.exclusive) await gate.exclusive;
  gate.busy++;
}
function leave() {
  gate.busy--;
}
/** Runs `fn` with nothing else of the fuzzer running; the caller must be inside the gate. */
async function alone(fn) {
  while (gate.exclusive) {
    leave();
    await gate.exclusive;
    gate.busy++;
  }
  let release;
  gate.exclusive = new Promise((resolve) => (release = resolve));
  try {
    while (gate.busy > 1) await new Promise((resolve) => setTimeout(resolve, 20));
    return await fn();
  } finally {
    gate.exclusive = undefined;
    release();
  }
}

// ---------------------------------------------------------------------------------------------- failures
const saved = new Map(); // signature -> { dir, count, kind, message }
function signatureOf(failure) {
  if (failure.sig) return `${failure.kind}|${failure.sig}`;
  const message = String(failure.message ?? '')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 200);
  const frame = /at .*?\(?((?:shared|server|cli)\/src\/[^:)]+):\d+/.exec(failure.stack ?? failure.detail ?? '')?.[1] ?? '';
  return `${failure.kind}|${frame}|${message}`;
}

function save(failure, input, extra = {}) {
  const signature = signatureOf(failure);
  const known = saved.get(signature);
  if (known) {
    known.count++;
    return known;
  }
  const hash = createHash('sha1').update(signature).digest('hex').slice(0, 10);
  const dir = join(OUT, `${failure.kind}-${hash}`);
  mkdirSync(dir, { recursive: true });
  const repro = {
    kind: failure.kind,
    cause: signature,
    message: failure.message,
    detail: failure.detail,
    stack: failure.stack,
    fix: failure.fix,
    seed: SEED,
    index: input.index,
    source: input.source,
    window: input.window,
    fileName: input.fileName,
    settingsVariant: input.settingsVariant,
    mutations: input.steps.map((s) => `${s.name}: ${s.note}`),
    replay: `node fuzz/run.mjs --replay ${relative(ROOT, join(dir, 'repro.json'))}`,
    regenerate: `node fuzz/run.mjs --seed ${SEED} --only ${input.index}`,
    ...extra,
    // JSON keeps lone surrogates and NULs exactly; the .yaml copies are for reading.
    base: input.base,
    steps: input.steps,
    text: input.text,
  };
  writeFileSync(join(dir, 'repro.json'), JSON.stringify(repro, null, 1));
  writeFileSync(join(dir, 'input.yaml'), input.text);
  const entry = { dir, count: 1, kind: failure.kind, message: failure.message, index: input.index };
  saved.set(signature, entry);
  return entry;
}

// ---------------------------------------------------------------------------------------------- inputs
function inputFor(index, groups) {
  const rng = rngFrom(`${SEED}:${index}`);
  const group = rng.weighted(groups.map((g) => [g, g.weight]));
  const seed = rng.pick(group.texts);
  const ctx = {
    randomSeedText: (r) => {
      const g = r.weighted(groups.map((x) => [x, x.weight]));
      return r.pick(g.texts).text;
    },
  };
  const made = makeInput(seed.text, rng, ctx);
  const name = basename(seed.file).replace(/[^\w.-]/g, '_');
  return {
    index,
    rng,
    source: relative(join(ROOT, '..'), seed.file),
    fileName: `/fuzz/${index}/${group.templates ? 'templates/' : ''}${name}`,
    settingsVariant: rng.weighted([['default', 70], ['all-on', 15], ['baseline', 8], ['privileged', 7]]),
    ...made,
  };
}

const hangMessage = (hang, took) => `lintText ran over ${(hang.limitMs / 1000).toFixed(1)} s on ${hang.chars} chars at step "${hang.step.replace(/"[^"]*"/g, '"…"')}"${took ? `; ${took}` : ''}`;

const jobOf = (input, expectForServer) => ({ id: input.index, text: input.text, base: input.base, steps: input.steps, fileName: input.fileName, settingsVariant: input.settingsVariant, expectForServer });

// ---------------------------------------------------------------------------------------------- main loop
async function fuzz() {
  const t0 = performance.now();
  const groups = loadSeeds();
  const seedCount = groups.reduce((n, g) => n + g.texts.length, 0);
  if (seedCount === 0) throw new Error('no seed manifests found');
  const engineFile = option('engine-file') ?? (await buildEngine());
  const runners = Array.from({ length: JOBS }, () => new EngineRunner(engineFile));
  let server;
  if (SERVER_EVERY > 0) SERVER = await serverPath();
  if (SERVER_EVERY > 0 && SERVER) server = new ServerFuzzer(SERVER);
  else if (SERVER_EVERY > 0 && SERVER_FROM_DIST) console.log('notice: dist/server.js is absent (npm run build); fuzzing the engine only');
  const deadline = SECONDS === undefined ? Infinity : t0 + SECONDS * 1000;
  const only = option('only') !== undefined ? Number(option('only')) : undefined;
  const stats = { inputs: 0, serverChecks: 0, findings: 0, fixes: 0, failures: 0, notes: 0, hangsCleared: 0, bytes: 0, byMutator: {}, byGroup: {} };
  console.log(`kubeguard fuzz: seed ${SEED}, ${seedCount} seed files (${groups.map((g) => `${g.name} ${g.texts.length}`).join(', ')}), ${JOBS} engine worker(s), server ${server ? `every ${SERVER_EVERY}th input (${relative(ROOT, SERVER)})` : 'off'}, ${SECONDS !== undefined ? `${SECONDS} s` : ''}${COUNT !== Infinity ? ` ${COUNT} inputs` : ''}`);

  const record = (input, failure, extra) => {
    const note = NOTE_KINDS.has(failure.kind);
    if (note) stats.notes++;
    else stats.failures++;
    const entry = save(failure, input, { ...extra, note });
    if (entry.count === 1) console.log(`${note ? 'NOTE' : 'FAIL'} #${input.index} ${failure.kind}: ${String(failure.message).split('\n')[0].slice(0, 200)}\n     → ${relative(ROOT, entry.dir)}/repro.json`);
  };

  // The server checks run beside the engine (another process, the other core), one at a time, in input order.
  const serverQueue = [];
  let serverBusy = Promise.resolve();
  let serverDone = 0;
  const enqueueServer = (input, expectation) => {
    const task = serverBusy
      .then(async () => {
        await waitWhilePaused();
        const started = performance.now();
        await enter();
        let failures;
        try {
          failures = await server.check(input, expectation, input.index, input.rng);
        } finally {
          leave();
        }
        const took = performance.now() - started;
        if (took > 5_000 && !QUIET) console.log(`slow: input #${input.index} took ${(took / 1000).toFixed(1)} s in the server (${input.text.length} chars)`);
        stats.serverChecks++;
        for (const f of failures) record(input, f, { serverMode: server.mode });
      })
      .catch((error) => record(input, { kind: 'fuzzer-error', message: String(error?.message ?? error), stack: String(error?.stack ?? '') }))
      .finally(() => serverDone++);
    serverQueue.push(task);
    serverBusy = task;
  };

  // SIGUSR2 pauses and resumes between inputs (e.g. to run the benchmark on a quiet machine); paused time is not counted.
  let paused = false;
  let pausedMs = 0;
  let pausedAt = 0;
  process.on('SIGUSR2', () => {
    paused = !paused;
    if (paused) pausedAt = performance.now();
    else pausedMs += performance.now() - pausedAt;
    console.log(paused ? 'paused (SIGUSR2 again resumes)' : 'resumed');
  });
  const waitWhilePaused = async () => {
    while (paused) await new Promise((resolve) => setTimeout(resolve, 200));
  };
  let next = only ?? 0;
  const end = only !== undefined ? only + 1 : COUNT;
  let lastReport = performance.now();
  const report = (final = false) => {
    const s = (performance.now() - t0 - pausedMs) / 1000;
    if (!QUIET || final) console.log(`[${s.toFixed(0).padStart(5)} s] ${stats.inputs} inputs (${(stats.inputs / s).toFixed(0)}/s), ${stats.serverChecks} through the server, ${stats.fixes} fixes applied, ${stats.failures} failure(s) in ${[...saved.values()].filter((e) => !NOTE_KINDS.has(e.kind)).length} distinct${stats.notes ? `, ${stats.notes} note(s)` : ''}`);
  };

  await Promise.all(runners.map(async (runner) => {
    for (;;) {
      await waitWhilePaused();
      if (!(next < end && performance.now() - pausedMs < deadline)) break;
      const input = inputFor(next++, groups);
      const toServer = server !== undefined && (only !== undefined || input.index % SERVER_EVERY === 0);
      stats.inputs++;
      stats.bytes += input.text.length;
      for (const s of input.steps) stats.byMutator[s.name] = (stats.byMutator[s.name] ?? 0) + 1;
      if (option('dump')) writeFileSync(option('dump'), JSON.stringify({ ...input, rng: undefined }));
      const job = jobOf(input, toServer);
      const started = performance.now();
      await enter();
      let outcome;
      try {
        outcome = await runner.run(job);
        if (outcome.hang) {
          // Another worker, the server or another process may have slowed it: a hang counts only if
          // a fresh worker, with the rest of the fuzzer idle, is over the limit again.
          const again = await alone(() => runner.run(job));
          if (again.hang) {
            // How slow is it? Asked once per distinct hang: a real infinite loop costs 15× the limit.
            const firstOfKind = !saved.has(signatureOf({ kind: 'hang', message: hangMessage(again.hang, '') }));
            const t = performance.now();
            const slow = firstOfKind ? await alone(() => runner.run(job, 15)) : { skipped: true };
            const tookSlow = slow.skipped ? 'seen before' : slow.hang ? `did not finish within ${(slow.hang.limitMs / 1000).toFixed(0)} s` : slow.crash ? `then the worker died: ${slow.crash.message}` : `the whole input took ${((performance.now() - t) / 1000).toFixed(1)} s when given 15× the limit`;
            record(input, { kind: 'hang', message: hangMessage(again.hang, ''), detail: `${tookSlow}; ${JSON.stringify(again.hang)}` });
            outcome = slow.result ? slow : undefined;
          } else {
            stats.hangsCleared++;
            outcome = again;
          }
        }
      } finally {
        leave();
      }
      const took = performance.now() - started;
      if (took > 5_000 && !QUIET) console.log(`slow: input #${input.index} took ${(took / 1000).toFixed(1)} s in the engine (${input.text.length} chars; ${input.steps.map((s) => s.name).join(', ')})`);
      if (outcome?.crash) record(input, { kind: 'worker-crash', message: `${outcome.crash.message} (at step "${outcome.crash.step}")`, stack: outcome.crash.stack });
      const result = outcome?.result;
      if (result) {
        stats.findings += result.stats.findings ?? 0;
        stats.fixes += result.stats.fixes ?? 0;
        for (const f of result.failures) record(input, f);
      }
      if (toServer) {
        while (serverQueue.length - serverDone > 3) await serverQueue[serverDone];
        enqueueServer(input, result?.serverExpectation);
      }
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        report();
      }
    }
  }));
  await Promise.allSettled(serverQueue);
  await Promise.all(runners.map((r) => r.kill()));
  if (server) await server.stop();
  const seconds = (performance.now() - t0 - pausedMs) / 1000;
  report(true);
  const summary = {
    seed: SEED,
    seconds,
    inputs: stats.inputs,
    serverChecks: stats.serverChecks,
    fixesApplied: stats.fixes,
    findings: stats.findings,
    megabytes: stats.bytes / 1e6,
    hangsClearedOnRetry: stats.hangsCleared,
    failures: stats.failures,
    notes: stats.notes,
    distinct: [...saved.values()].filter((e) => !NOTE_KINDS.has(e.kind)).map((e) => ({ kind: e.kind, count: e.count, firstInput: e.index, message: String(e.message).split('\n')[0], reproducer: relative(ROOT, join(e.dir, 'repro.json')) })),
    distinctNotes: [...saved.values()].filter((e) => NOTE_KINDS.has(e.kind)).map((e) => ({ kind: e.kind, count: e.count, firstInput: e.index, message: String(e.message).split('\n')[0], reproducer: relative(ROOT, join(e.dir, 'repro.json')) })),
    mutators: stats.byMutator,
  };
  console.log(`\n${stats.inputs} inputs (${summary.megabytes.toFixed(1)} MB) in ${seconds.toFixed(0)} s: ${stats.serverChecks} through the server, ${stats.fixes} fixes applied and re-linted; ${stats.failures} failure(s), ${summary.distinct.length} distinct${stats.hangsCleared ? `; ${stats.hangsCleared} stall(s) did not repeat on retry` : ''}`);
  for (const d of summary.distinct) console.log(`  ${String(d.count).padStart(6)} × ${d.kind}: ${d.message.slice(0, 160)}\n           ${d.reproducer}`);
  if (summary.distinctNotes.length) console.log(`notes (not failures; read them): ${stats.notes}`);
  for (const d of summary.distinctNotes) console.log(`  ${String(d.count).padStart(6)} × ${d.kind}: ${d.message.slice(0, 160)}\n           ${d.reproducer}`);
  if (option('json')) writeFileSync(option('json'), JSON.stringify(summary, null, 2) + '\n');
  return stats.failures === 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------- replay
async function replay(file) {
  const repro = JSON.parse(readFileSync(file, 'utf8'));
  const engineFile = option('engine-file') ?? (await buildEngine());
  const runner = new EngineRunner(engineFile);
  const input = { index: repro.index ?? 0, base: repro.base, steps: repro.steps, text: repro.text, fileName: repro.fileName, settingsVariant: repro.settingsVariant ?? 'default', rng: rngFrom(`${repro.seed}:${repro.index}`) };
  const check = async (text, base = text, steps = []) => {
    const outcome = await runner.run({ ...jobOf({ ...input, text, base, steps }, false) });
    if (outcome.hang) return [{ kind: 'hang', message: `step "${outcome.hang.step}" over ${outcome.hang.limitMs} ms (${JSON.stringify(outcome.hang)})` }];
    if (outcome.crash) return [{ kind: 'worker-crash', message: outcome.crash.message }];
    return outcome.result.failures;
  };
  let failures = await check(input.text, input.base, input.steps);
  if (repro.kind.startsWith('server') && (SERVER = await serverPath())) {
    const server = new ServerFuzzer(SERVER);
    const expected = await runner.run(jobOf(input, true));
    failures = failures.concat(await server.check(input, expected.result?.serverExpectation, input.index, input.rng));
    await server.stop();
  }
  console.log(failures.length ? failures.map((f) => `${f.kind}: ${f.message}${f.detail ? `\n${f.detail}` : ''}${f.stack ? `\n${f.stack}` : ''}`).join('\n\n') : `no failure: ${file} no longer reproduces`);
  if (flag('minimize') && failures.some((f) => f.kind === repro.kind)) {
    // Line-based delta debugging on the final text alone (what the engine sees from scratch).
    const same = async (text) => (await check(text)).some((f) => f.kind === repro.kind);
    let lines = input.text.split(/(?<=\n)/);
    if (await same(input.text)) {
      for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1; chunk >>= 1) {
        for (let i = 0; i < lines.length; ) {
          const candidate = [...lines.slice(0, i), ...lines.slice(i + chunk)];
          if (candidate.length && (await same(candidate.join('')))) lines = candidate;
          else i += chunk;
        }
      }
      const out = join(file, '..', 'minimized.yaml');
      writeFileSync(out, lines.join(''));
      console.log(`\nminimized to ${lines.length} line(s): ${relative(ROOT, out)}\n${lines.join('').slice(0, 3000)}`);
    } else console.log('\n(the failure needs the incremental steps; not minimized)');
  }
  await runner.kill();
  return failures.length ? 1 : 0;
}

process.on('unhandledRejection', (reason) => {
  console.error('fuzzer: unhandled rejection (a bug in the fuzzer itself):', reason);
  process.exitCode = 2;
});

const main = option('replay') ? replay(option('replay')) : fuzz();
main.then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
