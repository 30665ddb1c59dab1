/** @file Offset ↔ line/column conversion for a text, by binary search over line starts. */
import type { SourceText } from './sourceText';

/** A zero-based position, the way editors and the LSP count. */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /**
   * Offsets where lines start; found on first use, since many texts are never asked for positions.
   * A typed array: after an edit of a 70,000-line file it is rebuilt in a tenth of the time an array
   * of numbers takes, and the garbage collector never scans it.
   */
  private computed: Int32Array | undefined;

  constructor(
    /** The text indexed: a string, or the chunks of one an editor is typing in (never joined here). */
    readonly source: SourceText,
    private derive?: () => Int32Array,
  ) {}

  /**
   * The index of `text`, the result of an edit of `previous.text` where `[start, oldEnd)` became
   * `[start, newEnd)`: line starts outside the edit are reused instead of searched for again.
   */
  static afterEdit(previous: LineIndex, text: SourceText, change: { start: number; oldEnd: number; newEnd: number }): LineIndex {
    // Only from an index already computed: a chain of pending ones would keep every old text alive.
    if (!previous.computed) return new LineIndex(text);
    return new LineIndex(text, () => {
      const old = previous.starts;
      const delta = change.newEnd - change.oldEnd;
      const kept = countAtMost(old, change.start);
      const moved = countAtMost(old, change.oldEnd);
      const added: number[] = [];
      const inserted = text.slice(change.start, change.newEnd);
      for (let at = inserted.indexOf('\n'); at !== -1; at = inserted.indexOf('\n', at + 1)) added.push(change.start + at + 1);
      const out = new Int32Array(kept + added.length + old.length - moved);
      out.set(old.subarray(0, kept));
      out.set(added, kept);
      for (let i = moved, j = kept + added.length; i < old.length; i++, j++) out[j] = old[i]! + delta;
      return out;
    });
  }

  private get starts(): Int32Array {
    if (!this.computed) {
      if (this.derive) {
        this.computed = this.derive();
        this.derive = undefined;
      }
      else {
        // Read chunk by chunk from a ChunkedText, which is not joined for it.
        const text = this.source;
        const starts = [0];
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
        this.computed = Int32Array.from(starts);
      }
    }
    return this.computed;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Zero-based line and UTF-16 column of an offset (clamped to the text). */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.source.length));
    // The last line starting at or before the offset (the first line starts at 0).
    const line = countAtMost(this.starts, clamped) - 1;
    return { line, character: clamped - this.starts[line]! };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.source.length;
    const start = this.starts[Math.max(0, position.line)]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Where the line after `line` starts, past its line break (the text's end for the last line). */
  lineEnd(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1]! : this.source.length;
  }

  /** Column of an offset within its line. */
  columnOf(offset: number): number {
    return this.positionAt(offset).character;
  }
}

/** How many of the ascending `starts` are at most `offset`. */
function countAtMost(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Whether the text has a `\r` not followed by `\n`. LineIndex counts only `\n`; editors and the LSP
 * count such a lone `\r` as a line break too (classic Mac files, rare), so positions then need care.
 */
export function hasLoneCarriageReturn(text: string): boolean {
  return text.includes('\r') && /\r(?!\n)/.test(text);
}
