/** @file Which built-in kinds live in a namespace, and how to tell a cluster add-on from a user workload. */
import type { K8sObject } from '../../model/objects';
import { apiGroup, type Workload } from '../../model/workload';

/** Built-in namespaced kinds by API group. Custom resources are left out: their scope is not known from one file. */
const NAMESPACED: Readonly<Record<string, readonly string[]>> = {
  '': ['Pod', 'Service', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'ReplicationController', 'Endpoints', 'LimitRange', 'ResourceQuota', 'PodTemplate'],
  apps: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'],
  batch: ['Job', 'CronJob'],
  extensions: ['Deployment', 'DaemonSet', 'ReplicaSet', 'Ingress', 'NetworkPolicy'],
  'networking.k8s.io': ['Ingress', 'NetworkPolicy'],
  policy: ['PodDisruptionBudget'],
  'rbac.authorization.k8s.io': ['Role', 'RoleBinding'],
  autoscaling: ['HorizontalPodAutoscaler'],
  'discovery.k8s.io': ['EndpointSlice'],
  'coordination.k8s.io': ['Lease'],
};

/**
 * Objects that govern the namespace they are in (who may do what there, what may talk to what,
 * how much it may use) rather than run in it: they belong in whatever namespace they govern.
 */
export function governsItsNamespace(object: Pick<K8sObject, 'apiVersion' | 'kind'>): boolean {
  return ['Role', 'RoleBinding', 'NetworkPolicy', 'LimitRange', 'ResourceQuota'].includes(object.kind);
}

/** Objects every cluster creates in each namespace (or in default): a manifest holding them is a copy, not a choice. */
export function isClusterProvided(object: Pick<K8sObject, 'kind' | 'name' | 'namespace'>): boolean {
  if (object.kind === 'ServiceAccount' && object.name === 'default') return true;
  if (object.kind === 'ConfigMap' && object.name === 'kube-root-ca.crt') return true;
  // The API server publishes itself as Service, Endpoints and EndpointSlice `kubernetes` in `default`.
  const apiServerObject = (object.kind === 'Service' || object.kind === 'Endpoints' || object.kind === 'EndpointSlice') && object.name === 'kubernetes';
  return apiServerObject && (object.namespace ?? 'default') === 'default';
}

export function isNamespacedBuiltin(object: Pick<K8sObject, 'apiVersion' | 'kind'>): boolean {
  return NAMESPACED[apiGroup(object.apiVersion)]?.includes(object.kind) ?? false;
}

const ADDON_LABELS = ['k8s-app', 'addonmanager.kubernetes.io/mode', 'kubernetes.io/cluster-service'];
const CRITICAL_PRIORITY = new Set(['system-cluster-critical', 'system-node-critical']);

/** Marks of a cluster component: add-on labels, the control-plane tier, or a system-critical priority class. */
export function looksLikeClusterComponent(workload: Workload): boolean {
  if (CRITICAL_PRIORITY.has(workload.spec.string('priorityClassName') ?? '')) return true;
  for (const labels of [workload.object.metadata?.map('labels'), workload.podMetadata?.map('labels')]) {
    if (!labels) continue;
    if (ADDON_LABELS.some((l) => labels.has(l)) || labels.string('tier') === 'control-plane') return true;
  }
  return false;
}
