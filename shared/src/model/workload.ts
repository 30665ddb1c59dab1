/** @file The pod spec inside every pod-bearing kind, its containers, and effective security settings. */
import { isMap, isScalar, type Node, type Scalar } from 'yaml';
import type { K8sObject } from './objects';
import { asMapView, MapView, type Entry } from './node';

export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';
export const CONTAINER_LISTS: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];

export interface Container {
  readonly list: ContainerList;
  readonly index: number;
  readonly map: MapView;
  readonly name: string;
  /** Where a finding about the container as a whole goes: its `name` key, or the item itself. */
  readonly anchor: Node;
  readonly securityContext: MapView | undefined;
}

export interface Workload {
  readonly object: K8sObject;
  /** Keys from the object root to the pod spec, e.g. ['spec', 'template', 'spec']. */
  readonly specPath: readonly string[];
  readonly spec: MapView;
  /** The pod template's metadata (the object's own for a Pod). */
  readonly podMetadata: MapView | undefined;
  readonly podSecurityContext: MapView | undefined;
  readonly containers: readonly Container[];
}

/** Where each kind keeps its pod spec. Custom resources are matched by group as well. */
const POD_SPEC_PATHS: ReadonlyArray<{ kind: string; group?: string; path: readonly string[] }> = [
  { kind: 'Pod', group: '', path: ['spec'] },
  { kind: 'PodTemplate', group: '', path: ['template', 'spec'] },
  { kind: 'ReplicationController', group: '', path: ['spec', 'template', 'spec'] },
  { kind: 'ReplicaSet', group: 'apps', path: ['spec', 'template', 'spec'] },
  { kind: 'ReplicaSet', group: 'extensions', path: ['spec', 'template', 'spec'] },
  { kind: 'Deployment', group: 'apps', path: ['spec', 'template', 'spec'] },
  { kind: 'Deployment', group: 'extensions', path: ['spec', 'template', 'spec'] },
  { kind: 'DaemonSet', group: 'apps', path: ['spec', 'template', 'spec'] },
  { kind: 'DaemonSet', group: 'extensions', path: ['spec', 'template', 'spec'] },
  { kind: 'StatefulSet', group: 'apps', path: ['spec', 'template', 'spec'] },
  { kind: 'Job', group: 'batch', path: ['spec', 'template', 'spec'] },
  { kind: 'CronJob', group: 'batch', path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] },
  { kind: 'Rollout', group: 'argoproj.io', path: ['spec', 'template', 'spec'] },
  { kind: 'ScaledJob', group: 'keda.sh', path: ['spec', 'jobTargetRef', 'template', 'spec'] },
];

export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

export function podSpecPath(object: Pick<K8sObject, 'apiVersion' | 'kind'>): readonly string[] | undefined {
  const group = apiGroup(object.apiVersion);
  return POD_SPEC_PATHS.find((p) => p.kind === object.kind && (p.group === undefined || p.group === group))?.path;
}

function containersOf(spec: MapView): Container[] {
  const out: Container[] = [];
  for (const list of CONTAINER_LISTS) {
    const seq = spec.seq(list);
    if (!seq) continue;
    for (const item of seq.maps()) {
      const nameEntry = item.map.get('name');
      const name = item.map.string('name') ?? `${list}[${item.index}]`;
      out.push({
        list,
        index: item.index,
        map: item.map,
        name,
        anchor: (nameEntry?.keyNode as Node | undefined) ?? item.node,
        securityContext: item.map.map('securityContext'),
      });
    }
  }
  return out;
}

/** The workload view of an object, or undefined when the kind carries no pod spec (or it is not a map). */
export function workloadOf(object: K8sObject): Workload | undefined {
  const path = podSpecPath(object);
  if (!path) return undefined;
  const specEntry = object.map.path(path);
  if (!specEntry?.value || !isMap(specEntry.value)) return undefined;
  const spec = new MapView(object.map.doc, specEntry.value as never);
  const podMetadata = path.length === 1 ? object.metadata : asMapView(object.map.doc, object.map.path([...path.slice(0, -1), 'metadata'])?.value);
  return {
    object,
    specPath: path,
    spec,
    podMetadata,
    podSecurityContext: spec.map('securityContext'),
    containers: containersOf(spec),
  };
}

/** A security setting as it applies to a container: its own, else the pod's. */
export interface Effective {
  readonly value: unknown;
  readonly entry: Entry;
  readonly from: 'container' | 'pod';
}

/** Fields of PodSecurityContext that a container's SecurityContext overrides. */
export type InheritedField = 'runAsNonRoot' | 'runAsUser' | 'runAsGroup' | 'seccompProfile' | 'seLinuxOptions' | 'windowsOptions' | 'appArmorProfile';

export function effective(workload: Workload, container: Container, field: InheritedField): Effective | undefined {
  const own = container.securityContext?.get(field);
  if (own && !isNull(own)) return { value: valueOf(own), entry: own, from: 'container' };
  const pod = workload.podSecurityContext?.get(field);
  if (pod && !isNull(pod)) return { value: valueOf(pod), entry: pod, from: 'pod' };
  return undefined;
}

function isNull(entry: Entry): boolean {
  return !entry.value || (isScalar(entry.value) && (entry.value as Scalar).value === null);
}

function valueOf(entry: Entry): unknown {
  return entry.value && isScalar(entry.value) ? (entry.value as Scalar).value : entry.value;
}
