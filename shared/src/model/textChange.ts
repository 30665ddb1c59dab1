/** @file What an edit changed between two versions of a text, found by comparing them (no edit log needed). */

/** `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one; everything else is equal. */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** Compared a block at a time: equality of two slices is a memory compare, much faster than a loop over characters. */
const BLOCK = 4096;

/** The smallest single range covering every difference, or undefined when the texts are equal. */
export function changedRange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + BLOCK <= shorter && before.slice(prefix, prefix + BLOCK) === after.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // The common suffix may not reach into the common prefix (`aa` → `aaa` changed one `a`, not none).
  const room = shorter - prefix;
  let suffix = 0;
  while (suffix + BLOCK <= room && before.slice(before.length - suffix - BLOCK, before.length - suffix) === after.slice(after.length - suffix - BLOCK, after.length - suffix)) suffix += BLOCK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/** Where an offset of the old text is in the new one; offsets inside the changed range move to its start. */
export function mapOffset(change: TextChange, offset: number): number {
  if (offset <= change.start) return offset;
  if (offset >= change.oldEnd) return offset + change.newEnd - change.oldEnd;
  return change.start;
}
