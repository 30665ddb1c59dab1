/**
 * @file Typing inside one scalar of a big document, applied to the parsed document instead of
 * parsing it again. A CRD of 800 KB takes ~90 ms to parse and most keystrokes in it only change
 * one value (a description, a name, a tag): re-resolving that value and moving the ranges after
 * it takes about a millisecond. Anything that could change the document's structure (a line
 * break, an indicator, a quote, a key) is refused, and the caller parses as usual.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml';
import { LineIndex } from './lines';
import { PARSE_OPTIONS, type Segment } from './parse';
import type { TextChange } from './textChange';

/** Characters that can end, split, comment, quote or tag a scalar: typing one always takes the parse path. */
const STRUCTURAL = /[\r\n#,[\]{}&*!|>%@`"'\\\t]/;

/**
 * Mutates `segment.doc` so that it describes `text` (the segment's text after `change`, offsets
 * relative to the segment) and returns the segment for `text`; undefined, with the document
 * untouched, when the change is not confined to one flow scalar value.
 */
export function editScalarInPlace(segment: Segment, text: string, change: TextChange): Segment | undefined {
  const doc = segment.doc;
  if (!doc || segment.problems.length > 0 || doc.errors.length > 0) return undefined;
  if (STRUCTURAL.test(text.slice(change.start, change.newEnd)) || STRUCTURAL.test(segment.text.slice(change.start, change.oldEnd))) return undefined;
  const path = pathTo(doc.contents as Node | null, change);
  if (!path) return undefined;
  const scalar = path[path.length - 1];
  if (!isScalar(scalar) || scalar.tag || !scalar.range) return undefined;
  const [start, end] = scalar.range;
  // An empty value has no token: what is typed there joins whatever precedes it (`key:x` is one
  // scalar, `-x` is no sequence item), so it takes the parse path.
  if (start === end) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const source = text.slice(start, end + delta);
  if (segment.text.slice(start, end).includes('\n')) return undefined;
  // Resolve the new token exactly as the parser would: same schema, same type, and it must be the whole token.
  const alone = parseDocument(source, PARSE_OPTIONS);
  const resolved = alone.contents;
  if (alone.errors.length > 0 || alone.warnings.length > 0 || !isScalar(resolved) || resolved.type !== scalar.type || resolved.range?.[0] !== 0 || resolved.range[1] !== source.length || resolved.anchor || resolved.tag) return undefined;

  scalar.value = resolved.value;
  for (const key of ['source', 'format', 'minFractionDigits'] as const) {
    if (resolved[key] === undefined) delete scalar[key];
    else (scalar as unknown as Record<string, unknown>)[key] = resolved[key];
  }
  // Everything at or after the old end of the change moves by delta: the ends of the scalar and of
  // the collections holding it, and whatever follows it in each of them. What precedes it stays.
  const shift = (range: [number, number, number] | null | undefined) => {
    if (!range) return;
    for (let i = 0; i < 3; i++) if (range[i]! >= change.oldEnd) range[i] = range[i]! + delta;
  };
  for (let depth = 0; depth < path.length - 1; depth++) {
    const collection = path[depth]!;
    shift(collection.range);
    const items = (collection as { items: unknown[] }).items;
    let after = false;
    for (const item of items) {
      if (after) shiftTree(item, shift);
      else if (item === path[depth + 1] || (isPair(item) && item.value === path[depth + 1])) after = true;
    }
  }
  shift(doc.range);
  scalar.range = [start, end + delta, scalar.range[2] + (scalar.range[2] >= change.oldEnd ? delta : 0)];
  return { base: segment.base, text, doc, problems: [], lines: new LineIndex(text) };
}

/** Moves every range in a subtree (a node or a pair). Iterative: depth is bounded by the parser, not by us. */
function shiftTree(root: unknown, shift: (range: [number, number, number] | null | undefined) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as { range?: [number, number, number]; items?: unknown[]; key?: unknown; value?: unknown } | null | undefined;
    if (!node || typeof node !== 'object') continue;
    if (node.range) {
      shift(node.range);
      if (node.items) for (const item of node.items) stack.push(item);
    } else if (isPair(node)) stack.push(node.key, node.value);
  }
}

/**
 * The collections from the root down to the scalar value (not a key, not an alias) whose source
 * range holds the whole change, ending with that scalar; undefined if there is none.
 */
function pathTo(root: Node | null, change: TextChange): Node[] | undefined {
  const inside = (node: Node | null | undefined) => Boolean(node?.range && node.range[0] <= change.start && change.oldEnd <= node.range[1]);
  const path: Node[] = [];
  let node: Node | null = root;
  while (node && inside(node)) {
    path.push(node);
    if (isScalar(node)) {
      const [start, end] = node.range!;
      const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
      // A quoted scalar is edited only strictly between its quotes; block scalars span lines.
      if (node.type !== Scalar.PLAIN && !(quoted && start < change.start && change.oldEnd < end)) return undefined;
      return path;
    }
    if (isAlias(node)) return undefined;
    let next: Node | null = null;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (inside(pair.key as Node | null)) return undefined;
        if (inside(pair.value as Node | null)) next = pair.value as Node;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (inside(item as Node | null)) next = item as Node;
    }
    node = next;
  }
  return undefined;
}
