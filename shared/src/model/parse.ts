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
} as const;

/** Files above this size are not parsed: they get one clear notice instead of a stall. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** Deeper collections than this are refused: the parser recurses per level. */
export const MAX_NESTING = 400;

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
  if (/^%/m.test(text)) return [{ base: 0, text }];
  const pieces: Array<{ base: number; text: string }> = [];
  let start = 0;
  DOCUMENT_START.lastIndex = 0;
  for (let m = DOCUMENT_START.exec(text); m; m = DOCUMENT_START.exec(text)) {
    if (m.index === 0) continue;
    pieces.push({ base: start, text: text.slice(start, m.index) });
    start = m.index;
  }
  pieces.push({ base: start, text: text.slice(start) });
  return pieces;
}

function nestingDepth(text: string): number {
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
  return max;
}

/** Parses one document's text. Never throws: failures become problems. */
export function parseSegment(base: number, text: string): Segment {
  const lines = new LineIndex(text);
  if (nestingDepth(text) > MAX_NESTING) {
    return { base, text, lines, doc: undefined, problems: [{ message: `This document nests deeper than ${MAX_NESTING} levels; kubeguard did not analyse it.`, start: 0, end: Math.min(text.length, text.indexOf('\n') >>> 0) }] };
  }
  try {
    const docs = parseAllDocuments(text, PARSE_OPTIONS);
    const list = Array.isArray(docs) ? docs : [];
    // A segment holds one document, but a stray `...` can make the parser see more: keep the first with content.
    const doc = list.find((d) => d.contents !== null) ?? list[0];
    const problems: SyntaxProblem[] = [];
    for (const d of list) {
      for (const e of d.errors) problems.push({ message: e.message.split('\n')[0]!, start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) });
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
