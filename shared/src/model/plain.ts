/** @file A node as the plain JSON value Kubernetes decodes, read through MapView so merges and duplicates resolve the way the rules see them. */
import { isMap, isScalar, isSeq, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { MapView, SeqView } from './node';

/** Thrown when a value expands past the budget (an alias bomb): callers treat the value as unreadable. */
export class TooLargeError extends Error {}

/**
 * The JSON value of a node: maps as objects (keys as written, collection keys skipped, since the
 * API would reject them), lists as arrays, scalars as their value. `budget` bounds the number of
 * nodes visited, aliases counted every time they are expanded.
 */
export function toPlain(doc: Document, node: Node | null | undefined, budget = { nodes: 100_000 }): unknown {
  if (--budget.nodes < 0) throw new TooLargeError('value too large');
  if (!node) return null;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const entry of new MapView(doc, node as YAMLMap).entries()) {
      // defineProperty, so a key named __proto__ stays a key.
      Object.defineProperty(out, entry.key, { value: toPlain(doc, entry.value, budget), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (isSeq(node)) return new SeqView(doc, node as YAMLSeq).items().map((item) => toPlain(doc, item.value, budget));
  if (isScalar(node)) return (node as Scalar).value ?? null;
  return null;
}
