/**
 * @file Keeps memory flat while someone types in a very large file. Every change to a 4 MB
 * document leaves its previous text behind (the synced text is rebuilt per change, 4–8 MB each),
 * and V8 collects such garbage only once the old generation passes a limit that grows with the
 * heap: typing in a 70,000-line bundle would push the server past 350 MiB before the first
 * collection. After every LARGE_TEXT_BUDGET of large texts linted, this asks V8 for an
 * incremental major collection, which marks concurrently; started just after a response is
 * sent, its short pauses fall in the gaps between keystrokes. On the 70,000-line bundle: peak
 * RSS ≈ 260 MiB instead of ≈ 400 MiB. Each collection marks the whole heap on V8's helper
 * threads, so the budget trades memory for CPU: at 48 MB the server used ≈ 43 ms of CPU per
 * keystroke there and peaked at ≈ 220 MiB, at 96 MB ≈ 33 ms and ≈ 260 MiB, with keystroke
 * latency no worse (docs/performance.md).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Texts at least this long count; smaller files make too little garbage to matter. */
const LARGE_TEXT = 1 << 20;
const LARGE_TEXT_BUDGET = 96 << 20;
/** A few milliseconds after the lint: the response goes out first, and the collection's pauses fall between keystrokes. */
const DELAY_MS = 5;

type Collect = (options: { type: 'major'; execution: 'async' }) => Promise<void> | void;

let collect: Collect | undefined | null;
let pending = 0;

/** Notes that a text of `length` characters was linted (UTF-16: two bytes each at worst). */
export function noteLintedText(length: number): void {
  if (length < LARGE_TEXT) return;
  pending += length * 2;
  if (pending < LARGE_TEXT_BUDGET) return;
  pending = 0;
  const gc = collector();
  if (gc) setTimeout(() => void Promise.resolve(gc({ type: 'major', execution: 'async' })).catch(() => undefined), DELAY_MS);
}

/** V8's `gc`, made available without a command-line flag (the server is started by many editors, with their own arguments). */
function collector(): Collect | undefined {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as Collect;
    } catch {
      collect = null;
    }
  }
  return collect ?? undefined;
}
