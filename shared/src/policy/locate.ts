/**
 * @file Maps a PSS evaluator path (from the pod root: `['spec', 'containers', 0, …]`,
 * `['metadata', 'annotations', key]`) onto the YAML of a workload: the node a diagnostic goes on,
 * and what a fix may edit. Paths are walked the way Kubernetes reads the YAML (aliases resolved,
 * merge keys honoured), and a walk that leaves the object's own text through an alias or a merge
 * is marked `shared`, since editing there would change every other user of the anchor.
 */
import { isAlias, isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FixDescriptor } from '../engine/rule';
import type { YamlEditor } from '../edits/editor';
import type { Plain } from '../edits/format';
import { keyAt, MapView, SeqView, valueAt, type Entry } from '../model/node';
import type { Container, Workload } from '../model/workload';
import type { JsonPath } from '../pss/types';

export interface Location {
  /** Whether the whole path exists (with a non-null value). */
  readonly found: boolean;
  /** Where a diagnostic about the value goes (for a missing path: the deepest key that exists). */
  readonly valueNode: Node;
  /** Where a diagnostic about the key goes. */
  readonly keyNode: Node;
  /** The last step, when it is a key that exists. */
  readonly entry?: Entry;
  /** The map the last key is (or would be) in. */
  readonly map?: MapView;
  /** The list and index of the last step, when it is a list item that exists. */
  readonly seq?: SeqView;
  readonly index?: number;
  /** For a missing path: the deepest map or list that exists, and the steps below it. */
  readonly parent?: MapView | SeqView;
  readonly remaining?: JsonPath;
  /** An alias or merge was crossed before the last step: the text there is shared. */
  readonly shared: boolean;
  /**
   * The path ends at a value standing where the field's parent should be (`securityContext: oops`,
   * a PSS finding's `inTheWay`): fixes that set or remove the field have nothing of theirs to edit.
   */
  readonly inTheWay?: boolean;
  /** The container the path is in, if any. */
  readonly container?: Container;
}

/** The container a pod path points into (`['spec', 'containers', 2, …]`). */
export function containerAt(workload: Workload, path: JsonPath): Container | undefined {
  if (path[0] !== 'spec' || typeof path[2] !== 'number') return undefined;
  return workload.containers.find((c) => c.list === path[1] && c.index === path[2]);
}

/** Resolves an evaluator path against a workload's YAML. */
export function locate(workload: Workload, path: JsonPath): Location {
  const container = containerAt(workload, path);
  const root = path[0] === 'metadata' ? workload.podMetadata : workload.spec;
  const rootAnchor = (path[0] === 'metadata' ? workload.podMetadata?.node : podSpecKey(workload)) ?? workload.object.anchor;
  let current: MapView | SeqView | undefined = root;
  let anchor: Node = rootAnchor;
  let firstAlias: Node | undefined;
  let shared = false;
  const rest = path.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const step = rest[i]!;
    const last = i === rest.length - 1;
    const base = { container, shared, parent: current, remaining: rest.slice(i) };
    if (typeof step === 'number') {
      const item = current instanceof SeqView ? current.items()[step] : undefined;
      if (!item || item.value === null || isNullScalar(item.value)) return { ...base, found: false, valueNode: firstAlias ?? anchor, keyNode: firstAlias ?? anchor };
      if (last) {
        const node = firstAlias ?? item.node;
        return { found: true, valueNode: node, keyNode: node, seq: current as SeqView, index: step, shared, container };
      }
      if (isAlias(item.node)) firstAlias ??= item.node;
      shared ||= isAlias(item.node);
      anchor = container && i === 1 ? container.anchor : item.node;
      current = viewOf(workload, item.value);
      continue;
    }
    const entry = current instanceof MapView ? current.get(step) : undefined;
    if (!entry || entry.value === null || isNullScalar(entry.value)) {
      const node = firstAlias ?? (entry ? keyAt(entry) : anchor);
      return { ...base, found: false, valueNode: node, keyNode: node, ...(current instanceof MapView ? { map: current } : {}) };
    }
    if (last) {
      return {
        found: true,
        valueNode: firstAlias ?? valueAt(entry),
        keyNode: firstAlias ?? keyAt(entry),
        entry,
        map: current as MapView,
        shared,
        container,
      };
    }
    if (entry.mergedVia) firstAlias ??= entry.mergedVia;
    if (entry.valueNode && isAlias(entry.valueNode)) firstAlias ??= entry.valueNode;
    shared ||= Boolean(entry.mergedVia) || entry.valueNode !== entry.value;
    anchor = keyAt(entry);
    current = viewOf(workload, entry.value);
    if (!current) {
      // A scalar stands where a map or list should be: the finding is about that value.
      return { found: false, valueNode: firstAlias ?? valueAt(entry), keyNode: firstAlias ?? keyAt(entry), shared, container };
    }
  }
  return { found: true, valueNode: firstAlias ?? anchor, keyNode: firstAlias ?? anchor, shared, container };
}

/** The `spec:` key (or `template:` for a PodTemplate) that holds the pod spec. */
function podSpecKey(workload: Workload): Node | undefined {
  return workload.object.map.path(workload.specPath)?.keyNode;
}

function viewOf(workload: Workload, value: Node | null): MapView | SeqView | undefined {
  if (value && isMap(value)) return new MapView(workload.object.map.doc, value as YAMLMap);
  if (value && isSeq(value)) return new SeqView(workload.object.map.doc, value as YAMLSeq);
  return undefined;
}

function isNullScalar(node: Node): boolean {
  return (node as { value?: unknown }).value === null && !isMap(node) && !isSeq(node);
}

/* ---------- Fixes on located paths ---------- */

/** Sets the located key to `value` (inserting an override when the key came from a merge). */
export function setFix(at: Location, value: Plain, title: string): FixDescriptor | undefined {
  if (at.shared || at.inTheWay || !at.map || !at.entry) return undefined;
  const map = at.map;
  const key = at.entry.key;
  return { title, apply: (e: YamlEditor) => void e.set(map, key, value) };
}

/**
 * Removes the located key. A key that comes from a merged map cannot be removed here, so it is
 * overridden with `neutral` instead (when given).
 */
export function removeFix(at: Location, title: string, neutral?: Plain): FixDescriptor | undefined {
  if (at.shared || at.inTheWay || !at.map || !at.entry) return undefined;
  const map = at.map;
  const entry = at.entry;
  if (entry.mergedVia || entry.owner !== map.node) return neutral === undefined ? undefined : { title, apply: (e) => void e.set(map, entry.key, neutral) };
  return { title, apply: (e) => void e.delete(map, entry.key) };
}

/** Removes the located list item (only when the list is written in this object). */
export function removeItemFix(at: Location, title: string): FixDescriptor | undefined {
  if (at.shared || at.inTheWay || !at.seq || at.index === undefined) return undefined;
  const seq = at.seq;
  const index = at.index;
  return { title, apply: (e) => void e.deleteItem(seq, index) };
}

/**
 * Writes a value where a required field is missing, creating the maps on the way (or appending
 * to the list when the path ends one past its end). Undefined when the way there is shared.
 */
export function writeFix(at: Location, value: Plain, title: string): FixDescriptor | undefined {
  if (at.found || at.shared || !at.parent || !at.remaining || at.remaining.length === 0) return undefined;
  const parent = at.parent;
  const remaining = at.remaining;
  if (parent instanceof SeqView) {
    if (remaining.length !== 1 || remaining[0] !== parent.items().length) return undefined;
    return { title, apply: (e) => void e.appendItem(parent, value) };
  }
  if (remaining.some((step) => typeof step !== 'string')) return undefined;
  return { title, apply: (e) => void e.setPath(parent, remaining as string[], value) };
}
