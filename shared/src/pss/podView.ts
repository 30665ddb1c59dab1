/** @file Shape-tolerant reading of a pod-like object: typed accessors, the container walk with paths, and where required fields go. */

/*
 * Reading rule: a value whose JSON type differs from the Kubernetes schema is treated as unset.
 * The API server would reject such an object while decoding it, before PSA ever ran; reporting
 * the type error is the schema rules' job, so here it only must not crash or invent a verdict.
 * List items that are not maps are skipped for the same reason.
 */

import type { JsonPath } from './types';

export type Rec = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Rec | undefined {
  return isRecord(value) ? value : undefined;
}

export function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asBool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Text of a scalar where the API holds a string (names, annotation values); null reads as "" like Go's zero value. */
export function scalarText(value: unknown): string | undefined {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** Own-property lookup, so keys such as `constructor` or `__proto__` never reach the prototype. */
export function own(record: Rec | undefined, key: string): unknown {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Follows record keys; undefined as soon as a step is not a map. */
export function dig(record: unknown, ...keys: string[]): unknown {
  let node: unknown = record;
  for (const key of keys) {
    if (!isRecord(node)) return undefined;
    node = own(node, key);
  }
  return node;
}

/** Kubernetes treats an explicit null like an absent field. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

export const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
export type ContainerList = (typeof CONTAINER_LISTS)[number];

export interface ContainerView {
  readonly name: string;
  readonly list: ContainerList;
  readonly index: number;
  readonly path: JsonPath;
  readonly value: Rec;
  /** The container's securityContext when it is a map. */
  readonly securityContext: Rec | undefined;
}

export interface PodView {
  readonly annotations: Rec;
  readonly spec: Rec;
  readonly podSecurityContext: Rec | undefined;
  /** initContainers, then containers, then ephemeralContainers: PSA's visit order. */
  readonly containers: readonly ContainerView[];
  /** `spec.os.name: windows`. */
  readonly isWindows: boolean;
  /** `spec.hostUsers: false`: the pod runs in a user namespace. */
  readonly usesUserNamespace: boolean;
}

export const SPEC_PATH: JsonPath = ['spec'];
export const POD_SECURITY_CONTEXT_PATH: JsonPath = ['spec', 'securityContext'];
export const ANNOTATIONS_PATH: JsonPath = ['metadata', 'annotations'];

export function viewPod(pod: unknown): PodView {
  const annotations = asRecord(dig(pod, 'metadata', 'annotations')) ?? {};
  const spec = asRecord(dig(pod, 'spec')) ?? {};
  const containers: ContainerView[] = [];
  for (const list of CONTAINER_LISTS) {
    asList(own(spec, list)).forEach((item, index) => {
      if (!isRecord(item)) return;
      containers.push({
        name: scalarText(own(item, 'name')) ?? '',
        list,
        index,
        path: ['spec', list, index],
        value: item,
        securityContext: asRecord(own(item, 'securityContext')),
      });
    });
  }
  return {
    annotations,
    spec,
    podSecurityContext: asRecord(own(spec, 'securityContext')),
    containers,
    isWindows: dig(spec, 'os', 'name') === 'windows',
    usesUserNamespace: own(spec, 'hostUsers') === false,
  };
}

/** Where a required value is, or where it has to be written. */
export interface Location {
  readonly path: JsonPath;
  readonly value?: unknown;
  readonly missing?: true;
  readonly inTheWay?: true;
}

/**
 * Walks `keys` below `base` (found at `basePath`). If a step is absent or null the whole path is
 * reported missing (a writer creates the intermediate maps). If a non-map value stands in the way,
 * that value is reported instead, since the fix is to replace it.
 */
export function locate(base: unknown, basePath: JsonPath, keys: readonly (string | number)[]): Location {
  let node: unknown = base;
  const walked: (string | number)[] = [...basePath];
  for (const key of keys) {
    if (!isSet(node)) return { path: [...basePath, ...keys], missing: true };
    const container = typeof key === 'number' ? Array.isArray(node) : isRecord(node);
    if (!container) return { path: walked, value: node, inTheWay: true };
    node = typeof key === 'number' ? (node as readonly unknown[])[key] : own(node as Rec, key);
    walked.push(key);
  }
  return isSet(node) ? { path: walked, value: node } : { path: walked, missing: true };
}
