/** @file Read access to YAML nodes the way Kubernetes sees them: aliases resolved, merge keys honoured, ranges kept. */
import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

/** Offsets relative to the segment that holds the node. */
export interface Span {
  start: number;
  end: number;
}

/** A key found in a map: where it is written, and the value it resolves to. */
export interface Entry {
  readonly key: string;
  readonly pair: Pair<unknown, unknown>;
  /** The map the pair is written in: the map asked, or a map merged into it with `<<`. */
  readonly owner: YAMLMap;
  /** The key node as written. */
  readonly keyNode: Node;
  /** The value node as written (may be an alias), or null for `key:` with no value. */
  readonly valueNode: Node | null;
  /** The value after resolving aliases. */
  readonly value: Node | null;
  /** Set when the entry comes from a merge: the `<<` value in the map that was asked. */
  readonly mergedVia?: Node;
}

export function spanOf(node: Node | null | undefined): Span | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return { start: range[0], end: range[1] };
}

/** Anchored nodes of a document by name, in document order: built once, so resolving an alias is not a walk of the document. */
const anchorIndex = new WeakMap<Document, Map<string, Node[]>>();

function anchorsOf(doc: Document): Map<string, Node[]> {
  let anchors = anchorIndex.get(doc);
  if (!anchors) {
    const found = new Map<string, Node[]>();
    visit(doc, {
      Node(_, node) {
        const name = (node as { anchor?: string }).anchor;
        if (name && !isAlias(node)) found.set(name, [...(found.get(name) ?? []), node as Node]);
      },
    });
    anchors = found;
    anchorIndex.set(doc, anchors);
  }
  return anchors;
}

/** The node an alias names: the last node anchored with that name before the alias (YAML lets anchors be redefined). */
function aliasTarget(doc: Document, alias: Alias): Node | undefined {
  const candidates = anchorsOf(doc).get(alias.source);
  const at = alias.range?.[0] ?? Infinity;
  let target: Node | undefined;
  for (const node of candidates ?? []) if ((node.range?.[0] ?? 0) < at) target = node;
  return target;
}

/** Follows aliases (a bounded number of hops, so a cycle cannot hang us). */
export function resolveNode(doc: Document, node: unknown): Node | null {
  let current = node as Node | null | undefined;
  for (let hops = 0; hops < 16 && current && isAlias(current); hops++) current = aliasTarget(doc, current as Alias);
  if (current && isAlias(current)) return null;
  return (current as Node | undefined) ?? null;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) {
    const v = (key as Scalar).value;
    if (typeof v === 'string') return v;
    if (typeof v === 'symbol') return '<<';
    if (typeof v === 'number' || typeof v === 'boolean') return (key as Scalar).source ?? String(v);
    if (v === null) return (key as Scalar).source ?? '';
  }
  return undefined;
}

function isMergeKey(pair: Pair<unknown, unknown>): boolean {
  return isScalar(pair.key) && (typeof (pair.key as Scalar).value === 'symbol' || ((pair.key as Scalar).source === '<<' && (pair.key as Scalar).type === 'PLAIN'));
}

/** A map as Kubernetes reads it. */
export class MapView {
  constructor(
    readonly doc: Document,
    readonly node: YAMLMap,
  ) {}

  get flow(): boolean {
    return Boolean(this.node.flow);
  }

  get span(): Span {
    return spanOf(this.node as Node)!;
  }

  /** Every effective entry: explicit keys win over merged ones, the last duplicate wins (as in Go's decoder). */
  entries(): Entry[] {
    const seen = new Map<string, Entry>();
    const merged: Entry[] = [];
    this.collect(this.node, seen, merged, undefined, 0);
    for (const entry of merged) if (!seen.has(entry.key)) seen.set(entry.key, entry);
    return [...seen.values()];
  }

  get(key: string): Entry | undefined {
    let found: Entry | undefined;
    let merges = false;
    for (const pair of this.node.items as Array<Pair<unknown, unknown>>) {
      if (isMergeKey(pair)) merges = true;
      else if (keyText(pair.key) === key) found = this.entry(key, pair, this.node, undefined);
    }
    if (found || !merges) return found;
    // Only a merged map can still hold it (a lookup of an absent key must not cost a walk of every entry).
    return this.entries().find((e) => e.key === key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** The value under `key` when it is a map (aliases resolved). */
  map(key: string): MapView | undefined {
    const value = this.get(key)?.value;
    return value && isMap(value) ? new MapView(this.doc, value as YAMLMap) : undefined;
  }

  seq(key: string): SeqView | undefined {
    const value = this.get(key)?.value;
    return value && isSeq(value) ? new SeqView(this.doc, value as YAMLSeq) : undefined;
  }

  /** The scalar JS value under `key` (`undefined` when absent or not a scalar). */
  scalar(key: string): unknown {
    const value = this.get(key)?.value;
    return value && isScalar(value) ? (value as Scalar).value : undefined;
  }

  string(key: string): string | undefined {
    const v = this.scalar(key);
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
  }

  /** Walks a key path through nested maps. */
  path(keys: readonly string[]): Entry | undefined {
    let view: MapView | undefined = this;
    let entry: Entry | undefined;
    for (let i = 0; i < keys.length; i++) {
      if (!view) return undefined;
      entry = view.get(keys[i]!);
      if (!entry) return undefined;
      view = i < keys.length - 1 && entry.value && isMap(entry.value) ? new MapView(this.doc, entry.value as YAMLMap) : undefined;
    }
    return entry;
  }

  private entry(key: string, pair: Pair<unknown, unknown>, owner: YAMLMap, mergedVia: Node | undefined): Entry {
    const valueNode = (pair.value as Node | null) ?? null;
    const base = { key, pair, owner, keyNode: pair.key as Node, valueNode, value: resolveNode(this.doc, valueNode) };
    return mergedVia ? { ...base, mergedVia } : base;
  }

  private collect(map: YAMLMap, seen: Map<string, Entry>, merged: Entry[], via: Node | undefined, depth: number): void {
    if (depth > 8) return;
    for (const pair of map.items as Array<Pair<unknown, unknown>>) {
      if (isMergeKey(pair)) {
        const sources = isSeq(pair.value) ? (pair.value as YAMLSeq).items : [pair.value];
        for (const source of sources) {
          const target = resolveNode(this.doc, source);
          if (target && isMap(target)) {
            const inner = new Map<string, Entry>();
            this.collect(target as YAMLMap, inner, merged, via ?? (pair.value as Node), depth + 1);
            merged.push(...inner.values());
          }
        }
        continue;
      }
      const key = keyText(pair.key);
      if (key === undefined) continue;
      seen.set(key, this.entry(key, pair, map, via));
    }
  }
}

/** A sequence with aliases resolved. */
export class SeqView {
  constructor(
    readonly doc: Document,
    readonly node: YAMLSeq,
  ) {}

  get flow(): boolean {
    return Boolean(this.node.flow);
  }

  /** Items as written (may be aliases) with their resolved value. */
  items(): Array<{ index: number; node: Node; value: Node | null }> {
    return (this.node.items as Node[]).map((node, index) => ({ index, node, value: resolveNode(this.doc, node) }));
  }

  maps(): Array<{ index: number; node: Node; map: MapView }> {
    const out: Array<{ index: number; node: Node; map: MapView }> = [];
    for (const item of this.items()) if (item.value && isMap(item.value)) out.push({ index: item.index, node: item.node, map: new MapView(this.doc, item.value as YAMLMap) });
    return out;
  }

  /** Scalar items as strings (numbers too: `- 80`), with their node. */
  strings(): Array<{ index: number; node: Node; value: string }> {
    const out: Array<{ index: number; node: Node; value: string }> = [];
    for (const item of this.items()) {
      if (item.value && isScalar(item.value)) {
        const v = (item.value as Scalar).value;
        if (typeof v === 'string' || typeof v === 'number') out.push({ index: item.index, node: item.node, value: String(v) });
      }
    }
    return out;
  }
}

export function asMapView(doc: Document, node: Node | null | undefined): MapView | undefined {
  return node && isMap(node) ? new MapView(doc, node as YAMLMap) : undefined;
}

/** A scalar entry's value, or undefined. */
export function scalarOf(entry: Entry | undefined): unknown {
  return entry?.value && isScalar(entry.value) ? (entry.value as Scalar).value : undefined;
}

/**
 * Where a finding about an entry's value goes: the value as written, or for a value that comes
 * from a merged map (`<<: *defaults`), the merge in the map being checked.
 */
export function valueAt(entry: Entry): Node {
  return entry.mergedVia ?? entry.valueNode ?? entry.keyNode;
}

/** Where a finding about an entry's key goes. */
export function keyAt(entry: Entry): Node {
  return entry.mergedVia ?? entry.keyNode;
}
