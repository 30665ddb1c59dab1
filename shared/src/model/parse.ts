/** @file Splits a file into its YAML documents and parses each one on its own, so an edit re-parses only what it touched. */
import { parseAllDocuments, type Document } from 'yaml';
import { LineIndex } from './lines';

/**
 * How every manifest is read: YAML 1.1 like kubectl's decoder (`yes`/`on` are booleans),
 * with merge keys, and without expanding aliases during parsing.
 */
export const PARSE_OPTIONS = {
  version: '1.1',
  merge: true,
  uniqueKeys: false,
  prettyErrors: false,
  strict: false,
  // yaml warns through process.emitWarning (e.g. toJS of a collection key): a language server shows that as an error.
  logLevel: 'error',
} as const;

/** A file's text as the editor shows it: without a UTF-8 byte-order mark, so offsets and columns agree. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Files above this size are not parsed: they get one clear notice instead of a stall. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** Deeper collections than this are refused: the parser recurses per level. */
export const MAX_NESTING = 400;
/** Problems kept per document: a handful are shown; the rest would only hold memory. */
const MAX_PROBLEMS = 100;
/** yaml quotes the offending source in its messages (a whole 1 MB line at times): a diagnostic shows at most this much of it. */
const MAX_MESSAGE = 200;

export interface SyntaxProblem {
  message: string;
  /** Offsets relative to the segment. */
  start: number;
  end: number;
}

/**
 * One YAML document of a file with its own text. Everything inside it (nodes, ranges,
 * findings, edits) is relative to `text`; `base` places it in the file.
 */
export interface Segment {
  readonly base: number;
  readonly text: string;
  readonly doc: Document.Parsed | undefined;
  readonly problems: readonly SyntaxProblem[];
  readonly lines: LineIndex;
}

const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;

/**
 * Cuts a file at its `---` lines. A `---` at column 0 always starts a new document in YAML,
 * even inside a block scalar, so this never splits one document in two. Directives (`%YAML`)
 * belong to the document after them, so a file that has any is kept whole.
 */
export function splitDocuments(text: string): Array<{ base: number; text: string }> {
  if (hasDirectives(text)) return [{ base: 0, text }];
  return splitRange(text, 0, text.length);
}

/** Whether the text has a `---` line, which starts a document (see splitRange). */
export function hasDocumentStart(text: string): boolean {
  DOCUMENT_START.lastIndex = 0;
  return DOCUMENT_START.test(text);
}

/** Whether the text has a `%` directive line, which keeps a file whole (see splitDocuments). */
export function hasDirectives(text: string): boolean {
  // The same lines `/^%/m` finds, an order of magnitude faster on a megabyte: this runs on every edit.
  for (let at = text.indexOf('%'); at !== -1; at = text.indexOf('%', at + 1)) {
    if (at === 0 || isLineTerminator(text.charCodeAt(at - 1))) return true;
  }
  return false;
}

/** What ends a line for a multiline `^` in a regular expression. */
export function isLineTerminator(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/**
 * The documents of `text` that lie in `[from, to)`, where both ends are document boundaries (the
 * start of the text or of a `---` line, the end of the text). Lets an edit re-split only the part
 * of a file around it; the surrounding text still decides what counts as a `---` line.
 */
export function splitRange(text: string, from: number, to: number): Array<{ base: number; text: string }> {
  const pieces: Array<{ base: number; text: string }> = [];
  let start = from;
  DOCUMENT_START.lastIndex = from;
  for (let m = DOCUMENT_START.exec(text); m && m.index < to; m = DOCUMENT_START.exec(text)) {
    if (m.index === from) continue;
    pieces.push({ base: start, text: text.slice(start, m.index) });
    start = m.index;
  }
  pieces.push({ base: start, text: text.slice(start, to) });
  return pieces;
}

/**
 * Whether the text nests deeper than `limit`. Most texts are ruled out by a bound native string
 * search finds quickly (nesting needs a `[` or `{` per flow level and two columns of indentation per
 * block level); only the rest are counted character by character, which on a 4 MB bundle opened
 * cold took 46 ms.
 * @internal exported for tests
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let brackets = 0;
  for (const open of ['[', '{']) {
    for (let at = text.indexOf(open); at !== -1 && brackets <= limit; at = text.indexOf(open, at + 1)) brackets++;
  }
  let longLine = false;
  for (let start = 0; start <= text.length && !longLine; ) {
    const end = text.indexOf('\n', start);
    const next = end === -1 ? text.length : end;
    longLine = next - start >= 2 * (limit + 1);
    start = next + 1;
  }
  return (brackets > limit || longLine) && nestingDepth(text) > limit;
}

/** @internal exported for tests */
export function nestingDepth(text: string): number {
  // Cheap upper bound from flow brackets and leading indentation; only used to refuse pathological input.
  let depth = 0;
  let max = 0;
  let indent = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (atLineStart) {
      if (c === 32 || c === 45) {
        indent++;
        continue;
      }
      max = Math.max(max, indent >> 1);
      atLineStart = false;
    }
    if (c === 10) {
      atLineStart = true;
      indent = 0;
    } else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  // The last line may hold nothing but indentation and dashes (`- - - …` with no line break after it).
  if (atLineStart) max = Math.max(max, indent >> 1);
  return max;
}

/** Parses one document's text. Never throws: failures become problems. */
export function parseSegment(base: number, text: string): Segment {
  const lines = new LineIndex(text);
  if (nestsDeeperThan(text, MAX_NESTING)) {
    return { base, text, lines, doc: undefined, problems: [{ message: `This document nests deeper than ${MAX_NESTING} levels; kubeguard did not analyse it.`, start: 0, end: Math.min(text.length, text.indexOf('\n') >>> 0) }] };
  }
  try {
    // yaml makes one Error per problem; a broken 1 MB line can make 500,000 of them. Without stack
    // traces they cost a tenth of the time and memory (nothing reads their stacks).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let docs;
    try {
      docs = parseAllDocuments(text, PARSE_OPTIONS);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    const list = Array.isArray(docs) ? docs : [];
    // A segment holds one document, but a stray `...` can make the parser see more: keep the first with content.
    const doc = list.find((d) => d.contents !== null) ?? list[0];
    const problems: SyntaxProblem[] = [];
    for (const d of list) {
      for (const e of d.errors.slice(0, MAX_PROBLEMS - problems.length)) problems.push({ message: clip(e.message.split('\n')[0]!, MAX_MESSAGE), start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) });
    }
    return { base, text, lines, doc, problems };
  } catch (error) {
    // The yaml parser recurses in some error states; on a very long broken document that can exhaust the stack.
    const message = error instanceof RangeError
      ? `This document is too large for the YAML parser in its current broken state (${lines.lineCount} lines; parser stack exhausted), so kubeguard did not analyse it. Fix the syntax error or split the document.`
      : `kubeguard could not parse this document: ${(error as Error).message}`;
    return { base, text, lines, doc: undefined, problems: [{ message, start: 0, end: 0 }] };
  }
}

/** Cuts a message to `max` characters on a code point boundary, with an ellipsis. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${Array.from(text.slice(0, max)).slice(0, -1).join('')}…`;
}
