/**
 * @file The facts one file contributes to the workspace view: plain data read from its
 * Kubernetes objects (names, namespaces, labels, selectors, references), each with the span
 * (file offsets) a finding about it goes on. Extracted either from a lint result (open files,
 * which the editor has parsed anyway) or by `indexText` (files on disk), which skips the
 * documents no workspace rule reads. Both give the same facts for the same text.
 */
import { isScalar, type Node, type Scalar } from 'yaml';
import { asMapView, type MapView, type Span } from '../model/node';
import type { K8sObject } from '../model/objects';
import { objectsOf } from '../model/objects';
import { parseSegment, splitDocuments, type Segment } from '../model/parse';
import { podSpecPath, workloadOf } from '../model/workload';
import { namespacesIn } from './namespaces';
import { readNetworkPolicy, type NetworkPolicyModel } from './networkPolicy';
import { isKustomizationFile, kustomizationIn, type KustomizationFact } from './kustomize';
import { readLabels, type Labels } from './selectors';

interface Common {
  /** Where a finding about the whole object goes: its `kind` value. */
  readonly at: Span;
  readonly kind: string;
  readonly name: string | undefined;
  /** `metadata.namespace` as written; the index adds the kustomization's and resolves the effective one. */
  readonly namespace: string | undefined;
}

export interface NamedRef {
  readonly name: string;
  readonly at: Span;
}

export interface ContainerFact {
  readonly name: string;
  readonly at: Span;
  /** Which resources the container sets explicitly (a null value counts as unset). */
  readonly requests: { readonly cpu: boolean; readonly memory: boolean };
  readonly limits: { readonly cpu: boolean; readonly memory: boolean };
}

export interface NamespaceFact extends Common {
  readonly type: 'namespace';
  readonly labels: Labels;
  /** The Pod Security admission labels as written, for the PSS engine (see namespaces.ts). */
  readonly podSecurityLabels: Readonly<Record<string, unknown>>;
}
export interface WorkloadFact extends Common {
  readonly type: 'workload';
  readonly podLabels: Labels;
  readonly serviceAccount: NamedRef | undefined;
  readonly runtimeClass: NamedRef | undefined;
  /** Init and app containers: the ones admission (and a ResourceQuota) looks at. */
  readonly containers: readonly ContainerFact[];
}
export interface NetworkPolicyFact extends Common {
  readonly type: 'networkPolicy';
  readonly policy: NetworkPolicyModel;
}
export interface ResourceQuotaFact extends Common {
  readonly type: 'resourceQuota';
  /** The resource names under `spec.hard`. */
  readonly hard: readonly string[];
  /** Set when `scopes` or `scopeSelector` narrows which pods the quota applies to. */
  readonly scoped: boolean;
}
export interface LimitRangeFact extends Common {
  readonly type: 'limitRange';
  /** Resources a Container-type limit fills in when a container omits them, after the API's LimitRangeItem defaulting. */
  readonly defaultRequests: readonly string[];
  readonly defaultLimits: readonly string[];
}
export interface ServiceAccountFact extends Common {
  readonly type: 'serviceAccount';
}
export interface RoleFact extends Common {
  readonly type: 'role';
}
export interface ClusterRoleFact extends Common {
  readonly type: 'clusterRole';
}
export interface SubjectFact {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly at: Span;
}
export interface BindingFact extends Common {
  readonly type: 'binding';
  readonly roleRef: { readonly kind: string; readonly name: string; readonly at: Span } | undefined;
  readonly subjects: readonly SubjectFact[];
}
export interface ServiceFact extends Common {
  readonly type: 'service';
  /** Undefined for a Service without a selector (endpoints managed by hand) or an ExternalName Service. */
  readonly selector: Labels | undefined;
  readonly selectorAt: Span | undefined;
}
export interface IngressFact extends Common {
  readonly type: 'ingress';
  readonly backends: readonly NamedRef[];
}
export interface RuntimeClassFact extends Common {
  readonly type: 'runtimeClass';
}
/** An object of an API group Kubernetes does not ship: an operator may turn it into pods the workspace never shows. */
export interface CustomResourceFact extends Common {
  readonly type: 'customResource';
}

export type Fact =
  | NamespaceFact
  | WorkloadFact
  | NetworkPolicyFact
  | ResourceQuotaFact
  | LimitRangeFact
  | ServiceAccountFact
  | RoleFact
  | ClusterRoleFact
  | BindingFact
  | ServiceFact
  | IngressFact
  | RuntimeClassFact
  | CustomResourceFact
  | KustomizationFact;

export type FactType = Fact['type'];
export type FactOf<T extends FactType> = Extract<Fact, { type: T }>;

/** Types that live in no namespace: the index files them under ''. */
export const CLUSTER_SCOPED: ReadonlySet<FactType> = new Set<FactType>(['namespace', 'clusterRole', 'runtimeClass', 'kustomization']);

/** Built-in kinds some fact is read from; documents of other built-in kinds (ConfigMaps, CRDs: most of the bytes) are not parsed by `indexText`. */
const FACT_KINDS = new Set([
  'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'Service', 'Ingress', 'RuntimeClass', 'List',
  // Every kind model/workload.ts finds a pod spec in.
  'Pod', 'PodTemplate', 'ReplicationController', 'ReplicaSet', 'Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'Rollout', 'ScaledJob',
]);

/** API groups Kubernetes itself serves; anything else is a custom resource. */
const BUILT_IN_GROUPS = new Set([
  '', 'apps', 'batch', 'extensions', 'policy', 'autoscaling', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'apiextensions.k8s.io',
  'admissionregistration.k8s.io', 'apiregistration.k8s.io', 'scheduling.k8s.io', 'node.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'certificates.k8s.io',
  'flowcontrol.apiserver.k8s.io', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'resource.k8s.io', 'internal.apiserver.k8s.io', 'storagemigration.k8s.io',
  'kustomize.config.k8s.io',
]);

/** Custom resources: API groups Kubernetes does not serve. Component configuration files (kubelet.config.k8s.io, apiserver.config.k8s.io…) look like objects but are never created in a cluster. */
function isCustomGroup(group: string): boolean {
  return !BUILT_IN_GROUPS.has(group) && !group.endsWith('.config.k8s.io');
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

type ParsedFile = { readonly objects: readonly K8sObject[]; readonly segments: readonly Segment[]; readonly documents?: ReadonlyArray<{ readonly base: number; readonly segment: Segment; readonly objects: readonly K8sObject[] }> };

/**
 * Whether an edit left a file's facts as they were, positions aside: the documents it did not
 * touch are the same objects in both results, and the others are compared by their facts. When
 * so, nothing the workspace rules read changed (a kustomization is always compared in full).
 */
export function sameFacts(uri: string, before: ParsedFile, after: ParsedFile): boolean {
  if (isKustomizationFile(uri) || !before.documents || !after.documents || before.documents.length !== after.documents.length) return false;
  for (let i = 0; i < after.documents.length; i++) {
    const a = before.documents[i]!;
    const b = after.documents[i]!;
    if (a.segment === b.segment) continue;
    if (JSON.stringify(ownFacts(a), withoutPositions) !== JSON.stringify(ownFacts(b), withoutPositions)) return false;
  }
  return true;
}

/** For digests of facts: source positions are numbers under `start`/`end`; nothing else in a fact is (labels are strings). */
export function withoutPositions(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && typeof (value as { start?: unknown }).start === 'number' && typeof (value as { end?: unknown }).end === 'number') return undefined;
  return value;
}

/** Facts of one parsed document (spans relative to it), and the last placement of them in its file. */
const factsByDocument = new WeakMap<Segment, { readonly own: readonly Fact[]; placed?: { readonly base: number; readonly facts: readonly Fact[] } }>();

/**
 * The facts of a file the caller has already parsed (a lint result). With the result's
 * `documents`, a document's facts are read once per parse and only moved when it moves.
 */
export function factsOf(uri: string, parsed: ParsedFile): Fact[] {
  const facts: Fact[] = [];
  if (parsed.documents) {
    for (const document of parsed.documents) {
      const cached = cachedFacts(document);
      if (document.base === 0) facts.push(...cached.own);
      else {
        if (cached.placed?.base !== document.base) cached.placed = { base: document.base, facts: cached.own.map((f) => moveSpans(f, document.base)) };
        facts.push(...cached.placed.facts);
      }
    }
  } else {
    for (const object of parsed.objects) {
      const fact = factOf(object);
      if (fact) facts.push(fact);
    }
  }
  const kustomization = kustomizationIn(uri, parsed.segments);
  if (kustomization) facts.push(kustomization);
  return facts;
}

/** Parses a file from disk for its facts, skipping documents whose top-level `kind:` is one no fact comes from. */
export function indexText(uri: string, text: string): Fact[] {
  const steps = indexTextSteps(uri, text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `indexText` one document at a time: it yields after each parse, so a server can answer requests in between. */
export function* indexTextSteps(uri: string, text: string): Generator<void, Fact[]> {
  const objects: K8sObject[] = [];
  const segments: Segment[] = [];
  const wholeFile = isKustomizationFile(uri);
  for (const piece of splitDocuments(text)) {
    if (!wholeFile && !mayHoldFacts(piece.text)) continue;
    const segment = parseSegment(piece.base, piece.text);
    segments.push(segment);
    if (segment.problems.length === 0) objects.push(...objectsOf(segment));
    yield;
  }
  return factsOf(uri, { objects, segments });
}

const TOP_LEVEL = /^(kind|apiVersion)[ \t]*:[ \t]*(["']?)([A-Za-z0-9./-]+)\2[ \t]*(?:#.*)?\r?$/gm;

/** False only when a block-style document plainly names one built-in kind that yields no fact (JSON and odd layouts are parsed). */
function mayHoldFacts(text: string): boolean {
  const found: Record<string, string[]> = { kind: [], apiVersion: [] };
  TOP_LEVEL.lastIndex = 0;
  for (let m = TOP_LEVEL.exec(text); m; m = TOP_LEVEL.exec(text)) found[m[1]!]!.push(m[3]!);
  if (found.kind!.length !== 1 || found.apiVersion!.length !== 1) return true;
  const kind = found.kind![0]!;
  if (isCustomGroup(groupOf(found.apiVersion![0]!))) return true;
  return FACT_KINDS.has(kind) || (kind.endsWith('List') && FACT_KINDS.has(kind.slice(0, -4)));
}

function ownFacts(document: { readonly segment: Segment; readonly objects: readonly K8sObject[] }): readonly Fact[] {
  return cachedFacts(document).own;
}

/** The document's entry in factsByDocument, read from its objects the first time. */
function cachedFacts(document: { readonly segment: Segment; readonly objects: readonly K8sObject[] }): { readonly own: readonly Fact[]; placed?: { readonly base: number; readonly facts: readonly Fact[] } } {
  let cached = factsByDocument.get(document.segment);
  if (!cached) {
    cached = { own: document.objects.flatMap((o) => factOf(o) ?? []) };
    factsByDocument.set(document.segment, cached);
  }
  return cached;
}

/** A copy of a fact with every span (an object with numeric `start` and `end`) moved by `delta`. */
function moveSpans<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return value.map((v) => moveSpans(v, delta)) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = moveSpans(inner, delta);
  if (typeof out.start === 'number' && typeof out.end === 'number') {
    out.start = (out.start as number) + delta;
    out.end = (out.end as number) + delta;
  }
  return out as T;
}

function place(object: K8sObject, node: unknown): Span | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? { start: object.segment.base + range[0], end: object.segment.base + range[1] } : undefined;
}

function nameRef(object: K8sObject, map: { get(key: string): { valueNode: Node | null; keyNode: Node } | undefined; string(key: string): string | undefined } | undefined, key: string): NamedRef | undefined {
  const name = map?.string(key);
  const entry = map?.get(key);
  return name && entry ? { name, at: place(object, entry.valueNode ?? entry.keyNode)! } : undefined;
}

function factOf(object: K8sObject): Fact | undefined {
  const common: Common = { at: place(object, object.anchor)!, kind: object.kind, name: object.name, namespace: object.namespace };
  const group = groupOf(object.apiVersion);
  const spec = object.map.map('spec');
  const workload = workloadOf(object);
  if (workload) {
    const containers: ContainerFact[] = workload.containers
      .filter((c) => c.list !== 'ephemeralContainers')
      .map((c) => {
        const resources = c.map.map('resources');
        const set = (section: string, key: string) => isSet(resources?.map(section)?.get(key)?.value);
        return { name: c.name, at: place(object, c.anchor)!, requests: { cpu: set('requests', 'cpu'), memory: set('requests', 'memory') }, limits: { cpu: set('limits', 'cpu'), memory: set('limits', 'memory') } };
      });
    const serviceAccount = nameRef(object, workload.spec, 'serviceAccountName') ?? nameRef(object, workload.spec, 'serviceAccount');
    return { ...common, type: 'workload', podLabels: readLabels(workload.podMetadata?.map('labels')), serviceAccount, runtimeClass: nameRef(object, workload.spec, 'runtimeClassName'), containers };
  }
  const templatePath = podSpecPath(object);
  if (templatePath) {
    // Written without its pod spec (a fragment, a test fixture): it still says what labels its pods carry.
    const podMetadata = templatePath.length === 1 ? object.metadata : asMapView(object.map.doc, object.map.path([...templatePath.slice(0, -1), 'metadata'])?.value);
    return { ...common, type: 'workload', podLabels: readLabels(podMetadata?.map('labels')), serviceAccount: undefined, runtimeClass: undefined, containers: [] };
  }
  switch (`${group}/${object.kind}`) {
    case '/Namespace': {
      if (!object.name) return undefined;
      const podSecurityLabels = namespacesIn([object])[0]?.labels ?? {};
      return { ...common, type: 'namespace', labels: readLabels(object.metadata?.map('labels')), podSecurityLabels };
    }
    case 'networking.k8s.io/NetworkPolicy':
    case 'extensions/NetworkPolicy': {
      const policy = readNetworkPolicy(object, (node) => place(object, node));
      return policy ? { ...common, type: 'networkPolicy', policy } : undefined;
    }
    case '/ResourceQuota': {
      const hard = (spec?.map('hard')?.entries() ?? []).map((e) => e.key);
      return { ...common, type: 'resourceQuota', hard, scoped: Boolean(spec?.has('scopes') || spec?.has('scopeSelector')) };
    }
    case '/LimitRange':
      return { ...common, type: 'limitRange', ...limitRangeDefaults(spec) };
    case '/ServiceAccount':
      return { ...common, type: 'serviceAccount' };
    case 'rbac.authorization.k8s.io/Role':
      return { ...common, type: 'role' };
    case 'rbac.authorization.k8s.io/ClusterRole':
      return { ...common, type: 'clusterRole' };
    case 'rbac.authorization.k8s.io/RoleBinding':
    case 'rbac.authorization.k8s.io/ClusterRoleBinding': {
      const ref = object.map.map('roleRef');
      const refName = nameRef(object, ref, 'name');
      const subjects: SubjectFact[] = [];
      for (const item of object.map.seq('subjects')?.maps() ?? []) {
        const subjectName = nameRef(object, item.map, 'name');
        if (subjectName) subjects.push({ kind: item.map.string('kind') ?? '', name: subjectName.name, namespace: item.map.string('namespace'), at: subjectName.at });
      }
      return { ...common, type: 'binding', roleRef: refName ? { kind: ref?.string('kind') ?? '', name: refName.name, at: refName.at } : undefined, subjects };
    }
    case '/Service': {
      const selectorEntry = spec?.get('selector');
      const selector = spec?.string('type') === 'ExternalName' ? undefined : readLabels(spec?.map('selector'));
      const hasSelector = selector !== undefined && Object.keys(selector).length > 0;
      return { ...common, type: 'service', selector: hasSelector ? selector : undefined, selectorAt: hasSelector ? place(object, selectorEntry?.keyNode) : undefined };
    }
    case 'networking.k8s.io/Ingress':
    case 'extensions/Ingress':
      return { ...common, type: 'ingress', backends: ingressBackends(object) };
    case 'node.k8s.io/RuntimeClass':
      return { ...common, type: 'runtimeClass' };
    default:
      return isCustomGroup(group) && !object.listKind ? { ...common, type: 'customResource' } : undefined;
  }
}

function isSet(node: Node | null | undefined): boolean {
  return Boolean(node) && !(isScalar(node) && ((node as Scalar).value === null || (node as Scalar).value === ''));
}

/**
 * What a Container-type LimitRange item fills in, after SetDefaults_LimitRangeItem: a default
 * limit falls back to `max`, a default request to the default limit, then to `min`.
 */
function limitRangeDefaults(spec: MapView | undefined): { defaultRequests: string[]; defaultLimits: string[] } {
  const requests = new Set<string>();
  const limits = new Set<string>();
  for (const item of spec?.seq('limits')?.maps() ?? []) {
    if (item.map.string('type') !== 'Container') continue;
    const keys = (key: string) => (item.map.map(key)?.entries() ?? []).map((e) => e.key);
    for (const k of [...keys('default'), ...keys('max')]) limits.add(k);
    for (const k of [...keys('defaultRequest'), ...keys('default'), ...keys('max'), ...keys('min')]) requests.add(k);
  }
  return { defaultRequests: [...requests].sort(), defaultLimits: [...limits].sort() };
}

/** Service names an Ingress routes to: networking.k8s.io/v1 `service.name` and the older `serviceName`. */
function ingressBackends(object: K8sObject): NamedRef[] {
  const spec = object.map.map('spec');
  const out: NamedRef[] = [];
  const add = (backend: MapView | undefined) => {
    const ref = nameRef(object, backend?.map('service'), 'name') ?? nameRef(object, backend, 'serviceName');
    if (ref) out.push(ref);
  };
  add(spec?.map('defaultBackend') ?? spec?.map('backend'));
  for (const rule of spec?.seq('rules')?.maps() ?? []) {
    for (const path of rule.map.map('http')?.seq('paths')?.maps() ?? []) add(path.map.map('backend'));
  }
  return out;
}
