/** @file Questions several workspace rules ask of the index: where a namespace-level finding goes, what labels a namespace has. */
import type { Span } from '../model/node';
import type { Placed, WorkspaceContext, WorkspaceView } from './context';
import type { FactOf, FactType, WorkloadFact } from './facts';
import type { Labels } from './selectors';

/** Namespaces every cluster has, so a reference to them is never "unknown". */
export const BUILT_IN_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
/** Namespaces the cluster itself runs in: quotas and default-deny policies there are the platform's call, and can break the control plane. */
export const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** The label every namespace carries since Kubernetes 1.21 (NamespaceDefaultLabelName). */
export const NAME_LABEL = 'kubernetes.io/metadata.name';

/** The file's facts of one type. */
export function factsOfType<T extends FactType>(file: readonly Placed[], type: T): Array<Placed<FactOf<T>>> {
  return file.filter((p): p is Placed<FactOf<T>> => p.fact.type === type);
}

/** How messages name a namespace; '' is the one manifests without metadata.namespace land in. */
export function describeNamespace(namespace: string): string {
  return namespace ? `namespace "${namespace}"` : 'the namespace these manifests are applied to (they set no metadata.namespace)';
}

/** A namespace's labels as the API server sees them: the first Namespace manifest's, plus the automatic name label. */
export function namespaceLabels(view: WorkspaceView, name: string): Labels {
  const declared = view.list('namespace', name)[0];
  return { ...(declared?.fact.labels ?? {}), [NAME_LABEL]: name };
}

/** Namespaces a selector could pick in the workspace: declared ones, built-ins, and those workloads run in. */
export function knownNamespaces(view: WorkspaceView): string[] {
  const names = new Set<string>(BUILT_IN_NAMESPACES);
  for (const p of view.list('namespace')) if (p.fact.name) names.add(p.fact.name);
  for (const p of view.list('workload')) if (p.namespace) names.add(p.namespace);
  return [...names].sort();
}

export interface NamespaceAnchor {
  readonly namespace: string;
  readonly at: Span;
  /** The workloads that run in it, in workspace order. */
  readonly workloads: ReadonlyArray<Placed<WorkloadFact>>;
}

/**
 * The namespaces whose namespace-level findings ("no default-deny policy", "no ResourceQuota")
 * this file carries, each reported once in the workspace: on the first Namespace manifest
 * declaring it, or, when none does, on the first workload in it. Only namespaces with workloads count.
 */
export function namespacesAnchoredIn(context: Pick<WorkspaceContext<string>, 'uri' | 'file' | 'workspace'>): NamespaceAnchor[] {
  const { uri, file, workspace } = context;
  const out: NamespaceAnchor[] = [];
  const seen = new Set<string>();
  for (const placed of file) {
    const { fact } = placed;
    let namespace: string | undefined;
    if (fact.type === 'namespace' && fact.name !== undefined) {
      const first = workspace.list('namespace', fact.name)[0];
      if (first?.uri === uri && first.fact.at.start === fact.at.start) namespace = fact.name;
    } else if (fact.type === 'workload' && (placed.namespace === '' || workspace.list('namespace', placed.namespace).length === 0)) {
      const first = workspace.list('workload', placed.namespace)[0];
      if (first?.uri === uri && first.fact.at.start === fact.at.start) namespace = placed.namespace;
    }
    if (namespace === undefined || seen.has(namespace) || SYSTEM_NAMESPACES.has(namespace)) continue;
    seen.add(namespace);
    const workloads = workspace.list('workload', namespace);
    if (workloads.length > 0) out.push({ namespace, at: fact.at, workloads });
  }
  return out;
}

/** "Deployment \"web\"", "5 workloads (Deployment \"web\", …)"; the same object in two files (overlays, copies) counts once. */
export function describeWorkloads(workloads: ReadonlyArray<Placed<WorkloadFact>>): string {
  const names = [...new Set(workloads.map((w) => `${w.fact.kind} "${w.fact.name ?? '?'}"`))];
  if (names.length <= 3) return names.join(', ');
  return `${names.length} workloads (${names.slice(0, 3).join(', ')}, …)`;
}

/**
 * Why pods the workspace does not show may still exist: custom resources in the namespace
 * (an operator may create pods from them). '' when there are none.
 */
export function operatorNote(view: WorkspaceView, namespace: string): string {
  const custom = view.list('customResource', namespace);
  return custom.length ? ` (it holds custom resources such as ${custom[0]!.fact.kind}, from which an operator may create pods the workspace does not show)` : '';
}

/**
 * The object of a type and name that a reference from `namespace` resolves to. Objects that set
 * no namespace land wherever they are applied, so they match any namespace, and a reference from
 * such an object matches an object of that name in any namespace.
 */
export function findNamed<T extends 'serviceAccount' | 'role' | 'service'>(view: WorkspaceView, type: T, namespace: string, name: string): Placed<FactOf<T>> | undefined {
  const candidates: ReadonlyArray<Placed<FactOf<T>>> = namespace ? [...view.list(type, namespace), ...view.list(type, '')] : view.list(type);
  return candidates.find((p) => (p.fact as { name?: string }).name === name);
}
