/**
 * @file A file's text kept in chunks, for editors typing in very large files. A JavaScript string is
 * immutable: applying a keystroke to a 4 MB file as one string copies the whole file (8 MB when a
 * single character outside Latin-1 makes it two bytes a character) and leaves the old copy to the
 * garbage collector, on every keystroke. A ChunkedText replaces one chunk of a few kilobytes
 * instead, and remembers the edit, so the engine can re-parse the document around it without ever
 * joining the file; the whole string is built once, and only when something asks for it.
 */
import type { TextChange } from './textChange';

/** What the engine reads: a plain string (the CLI, tests) or a ChunkedText (the language server). */
export type SourceText = string | ChunkedText;

/** Chunks are cut at this length and merged edits split again above twice it; small enough to stay out of V8's large-object space. */
const CHUNK = 16 * 1024;
/** How many earlier versions a text can name its change from (several didChanges may arrive between two lints). */
const HISTORY = 8;

let versions = 0;

export class ChunkedText {
  readonly length: number;
  /** Unique per text: what `changeSince` is asked about. */
  readonly id = ++versions;
  private joined: string | undefined;

  private constructor(
    private readonly chunks: readonly string[],
    /** Offset of each chunk; one more entry than chunks, the last being the length. */
    private readonly starts: Int32Array,
    /** Earlier versions this one was edited from, newest first, each with the change since it (one range covering all edits). */
    private readonly history: ReadonlyArray<{ readonly id: number; readonly change: TextChange }>,
  ) {
    this.length = starts[starts.length - 1]!;
  }

  static of(text: string): ChunkedText {
    const chunks: string[] = [];
    for (let at = 0; at < text.length; at += CHUNK) chunks.push(text.slice(at, at + CHUNK));
    const result = new ChunkedText(chunks, startsOf(chunks), []);
    result.joined = text;
    return result;
  }

  /** The text with `[start, end)` replaced by `inserted` (offsets clamped to the text). */
  edit(start: number, end: number, inserted: string): ChunkedText {
    start = clamp(start, 0, this.length);
    end = clamp(end, start, this.length);
    const first = this.chunkAt(start);
    const last = Math.max(first, this.chunkAt(end, true));
    const head = first < this.chunks.length ? this.chunks[first]!.slice(0, start - this.starts[first]!) : '';
    const tail = last < this.chunks.length ? this.chunks[last]!.slice(end - this.starts[last]!) : '';
    const middle = head + inserted + tail;
    const replacement: string[] = [];
    if (middle.length <= 2 * CHUNK) {
      if (middle.length > 0) replacement.push(middle);
    } else {
      for (let at = 0; at < middle.length; at += CHUNK) replacement.push(middle.slice(at, at + CHUNK));
    }
    const chunks = [...this.chunks.slice(0, first), ...replacement, ...this.chunks.slice(last + 1)];
    const change: TextChange = { start, oldEnd: end, newEnd: start + inserted.length };
    const history = [{ id: this.id, change }, ...this.history.slice(0, HISTORY - 1).map((h) => ({ id: h.id, change: followedBy(h.change, change) }))];
    return new ChunkedText(chunks, startsOf(chunks), history);
  }

  /**
   * The change from the text with that id to this one, if it is one of the versions this was edited
   * from: `null` when they are the same text, undefined when unknown.
   */
  changeSince(id: number): TextChange | null | undefined {
    if (id === this.id) return null;
    return this.history.find((h) => h.id === id)?.change;
  }

  slice(start = 0, end = this.length): string {
    if (this.joined !== undefined) return this.joined.slice(start, end);
    start = clamp(start < 0 ? this.length + start : start, 0, this.length);
    end = clamp(end < 0 ? this.length + end : end, start, this.length);
    if (start === end) return '';
    const first = this.chunkAt(start);
    const last = this.chunkAt(end, true);
    if (first === last) return this.chunks[first]!.slice(start - this.starts[first]!, end - this.starts[first]!);
    let out = this.chunks[first]!.slice(start - this.starts[first]!);
    for (let i = first + 1; i < last; i++) out += this.chunks[i]!;
    return out + this.chunks[last]!.slice(0, end - this.starts[last]!);
  }

  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    const i = this.chunkAt(offset);
    return this.chunks[i]!.charCodeAt(offset - this.starts[i]!);
  }

  /** Like String#indexOf; searches of one character (line breaks) never join the text. */
  indexOf(search: string, from = 0): number {
    if (this.joined !== undefined || search.length !== 1) return this.toString().indexOf(search, from);
    for (let i = this.chunkAt(clamp(from, 0, this.length)); i < this.chunks.length; i++) {
      const at = this.chunks[i]!.indexOf(search, Math.max(0, from - this.starts[i]!));
      if (at !== -1) return at + this.starts[i]!;
    }
    return -1;
  }

  /** Like String#lastIndexOf; searches of one character never join the text. */
  lastIndexOf(search: string, from = this.length): number {
    if (this.joined !== undefined || search.length !== 1) return this.toString().lastIndexOf(search, from);
    if (this.length === 0) return -1;
    if (from < 0) return this.chunks[0]!.startsWith(search) ? 0 : -1;
    for (let i = this.chunkAt(clamp(from, 0, this.length - 1)); i >= 0; i--) {
      const at = this.chunks[i]!.lastIndexOf(search, from - this.starts[i]!);
      if (at !== -1) return at + this.starts[i]!;
    }
    return -1;
  }

  includes(search: string): boolean {
    return this.indexOf(search) !== -1;
  }

  /** Whether the whole string has been built (by `of`, or by a caller of toString). */
  isJoined(): boolean {
    return this.joined !== undefined;
  }

  /** The whole text as one string, built on first use. */
  toString(): string {
    return (this.joined ??= this.chunks.join(''));
  }

  /** The chunk holding `offset`; with `end`, the chunk a range ending there ends in (the earlier one at a boundary). */
  private chunkAt(offset: number, end = false): number {
    const starts = this.starts;
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (end ? starts[mid]! < offset : starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return Math.max(0, low);
  }
}

/** The whole text as a string (joined once per ChunkedText). */
export function textOf(text: SourceText): string {
  return typeof text === 'string' ? text : text.toString();
}

/**
 * One change covering `first` and then `second` (offsets of the text between them): everything
 * before its start and after its ends is the same in the oldest and the newest text.
 */
export function followedBy(first: TextChange, second: TextChange): TextChange {
  const start = Math.min(first.start, second.start);
  const delta = first.newEnd - first.oldEnd + second.newEnd - second.oldEnd;
  const firstEnd = first.newEnd <= second.start ? first.newEnd : first.newEnd >= second.oldEnd ? first.newEnd + second.newEnd - second.oldEnd : second.newEnd;
  const newEnd = Math.max(second.newEnd, firstEnd, start + Math.max(0, delta));
  const oldEnd = newEnd - delta;
  return { start, oldEnd, newEnd };
}

function startsOf(chunks: readonly string[]): Int32Array {
  const starts = new Int32Array(chunks.length + 1);
  for (let i = 0; i < chunks.length; i++) starts[i + 1] = starts[i]! + chunks[i]!.length;
  return starts;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
