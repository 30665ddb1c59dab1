/** @file Kubernetes objects found in a parsed document: top-level manifests and the items of `*List` kinds. */
import { isMap, type Node, type YAMLMap } from 'yaml';
import type { Segment } from './parse';
import { MapView, resolveNode } from './node';

export interface K8sObject {
  readonly segment: Segment;
  readonly map: MapView;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  readonly metadata: MapView | undefined;
  /** Where a finding about the object as a whole goes: its `kind` value. */
  readonly anchor: Node;
  /** Set for an item of a `*List`: the list object's kind. */
  readonly listKind?: string;
}

function objectOf(segment: Segment, node: Node | null, listKind?: string): K8sObject | undefined {
  if (!node || !isMap(node) || !segment.doc) return undefined;
  const map = new MapView(segment.doc, node as YAMLMap);
  const apiVersion = map.scalar('apiVersion');
  const kindEntry = map.get('kind');
  const kind = map.scalar('kind');
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !kind || !kindEntry) return undefined;
  const metadata = map.map('metadata');
  const object: K8sObject = {
    segment,
    map,
    apiVersion,
    kind,
    name: metadata?.string('name'),
    namespace: metadata?.string('namespace'),
    metadata,
    anchor: (kindEntry.valueNode ?? kindEntry.keyNode) as Node,
  };
  return listKind ? { ...object, listKind } : object;
}

/** True when a document is a Kubernetes manifest (it names apiVersion and kind). */
export function objectsOf(segment: Segment): K8sObject[] {
  const doc = segment.doc;
  if (!doc) return [];
  const top = objectOf(segment, resolveNode(doc, doc.contents));
  if (!top) return [];
  if (!top.kind.endsWith('List')) return [top];
  const items = top.map.seq('items');
  if (!items) return [top];
  const out: K8sObject[] = [];
  for (const item of items.items()) {
    const object = objectOf(segment, item.value, top.kind);
    if (object) out.push(object);
  }
  return out;
}
