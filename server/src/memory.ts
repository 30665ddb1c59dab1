/**
 * @file Keeps memory flat while someone types in a very large file. Every keystroke leaves strings
 * behind: the document around the edit is rebuilt (up to 1.5 MB for one of a bundle's 786 KB CRDs;
 * the file's text itself is kept in chunks, see syncedDocument.ts), and V8 collects such garbage
 * only once the old generation passes a limit that grows with the heap. After every
 * LARGE_TEXT_BUDGET of text rebuilt in large files, this asks V8 for an incremental major
 * collection, which marks concurrently; started just after a response is sent, its short pauses
 * fall in the gaps between keystrokes. Each collection marks the whole heap on V8's helper
 * threads, so the budget trades memory for CPU (docs/performance.md).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Files at least this long count; smaller ones make too little garbage to matter. */
const LARGE_TEXT = 1 << 20;
const LARGE_TEXT_BUDGET = 96 << 20;
/** A few milliseconds after the lint: the response goes out first, and the collection's pauses fall between keystrokes. */
const DELAY_MS = 5;

type Collect = (options: { type: 'major'; execution: 'async' }) => Promise<void> | void;

let collect: Collect | undefined | null;
let pending = 0;

/** Notes that a lint of a text of `length` characters built `rebuilt` characters of new strings (UTF-16: two bytes each at worst). */
export function noteLintedText(length: number, rebuilt = length): void {
  if (length < LARGE_TEXT) return;
  pending += rebuilt * 2;
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
