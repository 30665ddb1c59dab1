/**
 * @file The few, small edits that turn one text into another: a line diff (Myers) narrowed to
 * characters inside each changed hunk. Fix-all answers with these rather than one whole-text
 * replacement, so the editor keeps cursors, folds and breakpoints outside the changed lines.
 */
import type { OffsetEdit } from './convert';

/** Beyond this many changed lines the diff stops and answers with one edit over the changed span. */
const MAX_CHANGED_LINES = 1000;

export function diffTexts(before: string, after: string): OffsetEdit[] {
  if (before === after) return [];
  // Most fixes touch a few places: strip the common head and tail first, then diff what is left by lines.
  const limit = Math.min(before.length, after.length);
  let head = 0;
  while (head < limit && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < limit - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;

  // Widen to whole lines: the head and tail are identical in both texts, so both widen alike.
  const start = head === 0 ? 0 : before.lastIndexOf('\n', head - 1) + 1;
  const lineEnd = before.indexOf('\n', before.length - tail);
  const widen = (lineEnd === -1 ? before.length : lineEnd + 1) - (before.length - tail);
  const beforeEnd = before.length - tail + widen;
  const afterEnd = after.length - tail + widen;

  const oldLines = splitLines(before.slice(start, beforeEnd));
  const newLines = splitLines(after.slice(start, afterEnd));
  const hunks = diffLines(oldLines, newLines);
  if (!hunks) return [narrow(before, after, start, beforeEnd, start, afterEnd)];

  const oldOffsets = offsetsOf(oldLines, start);
  const newOffsets = offsetsOf(newLines, start);
  return hunks.map((h) => narrow(before, after, oldOffsets[h.oldStart]!, oldOffsets[h.oldEnd]!, newOffsets[h.newStart]!, newOffsets[h.newEnd]!));
}

/** Applies non-overlapping edits in one pass over the text. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(text.slice(at, edit.start), edit.text);
    at = Math.max(at, edit.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

interface Hunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Start offset of every line, plus the end of the last one. */
function offsetsOf(lines: readonly string[], base: number): number[] {
  const offsets = [base];
  for (const line of lines) offsets.push(offsets[offsets.length - 1]! + line.length);
  return offsets;
}

/** One edit replacing `before[oldStart, oldEnd)` by `after[newStart, newEnd)`, minus what both sides share at their ends. */
function narrow(before: string, after: string, oldStart: number, oldEnd: number, newStart: number, newEnd: number): OffsetEdit {
  while (oldStart < oldEnd && newStart < newEnd && before.charCodeAt(oldStart) === after.charCodeAt(newStart)) {
    oldStart++;
    newStart++;
  }
  while (oldEnd > oldStart && newEnd > newStart && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start: oldStart, end: oldEnd, text: after.slice(newStart, newEnd) };
}

/**
 * Myers' O((N+M)·D) diff over lines. Returns the changed hunks in order, or undefined when more
 * than MAX_CHANGED_LINES lines differ (then one coarse edit is cheaper than finding the best ones).
 */
function diffLines(a: readonly string[], b: readonly string[]): Hunk[] | undefined {
  // Compare small integers, not strings.
  const ids = new Map<string, number>();
  const idOf = (line: string) => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const x0 = a.map(idOf);
  const y0 = b.map(idOf);
  const n = x0.length;
  const m = y0.length;
  const max = Math.min(n + m, MAX_CHANGED_LINES);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds V after step d for diagonals -d..d, which is all the backtrack needs.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && x0[x] === y0[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return hunksFrom(trace, n, m);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return undefined;
}

/** Walks the trace back from (n, m), collecting the runs of equal lines; the gaps between them are the hunks. */
function hunksFrom(trace: readonly Int32Array[], n: number, m: number): Hunk[] {
  const equalRuns: Array<[number, number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1]!;
    const at = (k: number) => previous[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const runX = down ? prevX : prevX + 1;
    if (x > runX) equalRuns.push([runX, y - (x - runX), x - runX]);
    x = prevX;
    y = prevY;
  }
  if (x > 0) equalRuns.push([0, 0, x]);
  equalRuns.reverse();
  equalRuns.push([n, m, 0]);

  const hunks: Hunk[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const [ax, by, length] of equalRuns) {
    if (ax > oldAt || by > newAt) hunks.push({ oldStart: oldAt, oldEnd: ax, newStart: newAt, newEnd: by });
    oldAt = ax + length;
    newAt = by + length;
  }
  return hunks;
}
