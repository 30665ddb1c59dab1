/**
 * @file Removed Kubernetes API versions, from the upstream deprecated API migration guide
 * (https://kubernetes.io/docs/reference/using-api/deprecation-guide/), with the way forward.
 */

export interface RemovedApi {
  readonly apiVersion: string;
  /** The kinds this entry covers; undefined means every kind of that apiVersion. */
  readonly kinds?: readonly string[];
  /** The Kubernetes minor version that stopped serving it. */
  readonly removedIn: string;
  /** The apiVersion to use instead, or undefined when the API is gone for good. */
  readonly replacement?: string;
  /** How to migrate, one sentence ending in a period. */
  readonly migration: string;
  /**
   * Whether changing only the apiVersion is a correct migration: 'safe' when the schema is the
   * same, 'unsafe' when it is the same but defaults or semantics changed, absent when fields moved.
   */
  readonly rewrite?: 'safe' | 'unsafe';
  /** Only offer the rewrite when the object has these paths (e.g. apps/v1 requires spec.selector). */
  readonly rewriteNeeds?: readonly (readonly string[])[];
}

const WORKLOADS = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'];
const APPS_V1 = 'Use apps/v1: spec.selector is required there and must match the pod template labels; the rolling-update and revision-history defaults also changed.';
const INGRESS_V1 = 'Use networking.k8s.io/v1: backends become service.name and service.port.number (or .name), and every path needs a pathType.';

export const REMOVED_APIS: readonly RemovedApi[] = [
  { apiVersion: 'extensions/v1beta1', kinds: WORKLOADS, removedIn: '1.16', replacement: 'apps/v1', migration: APPS_V1, rewrite: 'unsafe', rewriteNeeds: [['spec', 'selector']] },
  { apiVersion: 'apps/v1beta1', kinds: [...WORKLOADS, 'ControllerRevision'], removedIn: '1.16', replacement: 'apps/v1', migration: APPS_V1, rewrite: 'unsafe', rewriteNeeds: [['spec', 'selector']] },
  { apiVersion: 'apps/v1beta2', kinds: [...WORKLOADS, 'ControllerRevision'], removedIn: '1.16', replacement: 'apps/v1', migration: APPS_V1, rewrite: 'unsafe', rewriteNeeds: [['spec', 'selector']] },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], removedIn: '1.16', replacement: 'networking.k8s.io/v1', migration: 'Use networking.k8s.io/v1; the fields are the same.', rewrite: 'safe' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removedIn: '1.22', replacement: 'networking.k8s.io/v1', migration: INGRESS_V1 },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress'], removedIn: '1.22', replacement: 'networking.k8s.io/v1', migration: INGRESS_V1 },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['IngressClass'], removedIn: '1.22', replacement: 'networking.k8s.io/v1', migration: 'Use networking.k8s.io/v1; the fields are the same.', rewrite: 'safe' },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['PodSecurityPolicy'],
    removedIn: '1.25',
    migration: 'PodSecurityPolicy was removed in 1.25 with no replacement API: label the namespaces with Pod Security Admission levels (pod-security.kubernetes.io/enforce: baseline or restricted) or use a policy engine such as Kyverno or Gatekeeper, then delete this object and the RBAC that grants use of it.',
  },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodSecurityPolicy'],
    removedIn: '1.25',
    migration: 'PodSecurityPolicy was removed in 1.25 with no replacement API: label the namespaces with Pod Security Admission levels (pod-security.kubernetes.io/enforce: baseline or restricted) or use a policy engine such as Kyverno or Gatekeeper, then delete this object and the RBAC that grants use of it.',
  },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], removedIn: '1.25', replacement: 'policy/v1', migration: 'Use policy/v1; note that an empty selector there selects every pod of the namespace, where in v1beta1 it selected none.', rewrite: 'unsafe' },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], removedIn: '1.25', replacement: 'batch/v1', migration: 'Use batch/v1; the fields are the same.', rewrite: 'safe' },
  { apiVersion: 'batch/v2alpha1', kinds: ['CronJob'], removedIn: '1.21', replacement: 'batch/v1', migration: 'Use batch/v1; the fields are the same.', rewrite: 'safe' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.25', replacement: 'autoscaling/v2', migration: 'Use autoscaling/v2: metric targets move under target (e.g. targetAverageUtilization becomes target.type: Utilization and target.averageUtilization).' },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.26', replacement: 'autoscaling/v2', migration: 'Use autoscaling/v2; the fields are the same.', rewrite: 'safe' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], removedIn: '1.25', replacement: 'discovery.k8s.io/v1', migration: 'Use discovery.k8s.io/v1: per-endpoint topology is replaced by nodeName and zone.' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], removedIn: '1.25', replacement: 'events.k8s.io/v1', migration: 'Use events.k8s.io/v1: type is limited to Normal and Warning, and several fields are renamed (involvedObject becomes regarding).' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], removedIn: '1.25', replacement: 'node.k8s.io/v1', migration: 'Use node.k8s.io/v1; the fields are the same.', rewrite: 'safe' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', migration: 'Use rbac.authorization.k8s.io/v1; the fields are the same.', rewrite: 'safe' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', migration: 'Use rbac.authorization.k8s.io/v1; the fields are the same.', rewrite: 'safe' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1', migration: 'Use apiextensions.k8s.io/v1: each version needs a structural schema under versions[].schema.openAPIV3Schema, and top-level validation, subresources and additionalPrinterColumns move into the versions.' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1', migration: 'Use admissionregistration.k8s.io/v1: sideEffects and admissionReviewVersions become required, and the default failurePolicy becomes Fail.' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1', migration: 'Use apiregistration.k8s.io/v1; the fields are the same.', rewrite: 'safe' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], removedIn: '1.22', replacement: 'certificates.k8s.io/v1', migration: 'Use certificates.k8s.io/v1: spec.signerName becomes required and usages must suit the signer.' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], removedIn: '1.22', replacement: 'coordination.k8s.io/v1', migration: 'Use coordination.k8s.io/v1; the fields are the same.', rewrite: 'safe' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], removedIn: '1.22', replacement: 'scheduling.k8s.io/v1', migration: 'Use scheduling.k8s.io/v1; the fields are the same.', rewrite: 'safe' },
  { apiVersion: 'scheduling.k8s.io/v1alpha1', kinds: ['PriorityClass'], removedIn: '1.22', replacement: 'scheduling.k8s.io/v1', migration: 'Use scheduling.k8s.io/v1; the fields are the same.', rewrite: 'safe' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], removedIn: '1.22', replacement: 'storage.k8s.io/v1', migration: 'Use storage.k8s.io/v1; the fields are the same.', rewrite: 'safe' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], removedIn: '1.27', replacement: 'storage.k8s.io/v1', migration: 'Use storage.k8s.io/v1; the fields are the same.', rewrite: 'safe' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', migration: 'Use flowcontrol.apiserver.k8s.io/v1: assuredConcurrencyShares is renamed nominalConcurrencyShares.' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', migration: 'Use flowcontrol.apiserver.k8s.io/v1: assuredConcurrencyShares is renamed nominalConcurrencyShares.' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', migration: 'Use flowcontrol.apiserver.k8s.io/v1; the fields are the same, but a nominalConcurrencyShares of 0 now means zero rather than the default.', rewrite: 'unsafe' },
  { apiVersion: 'settings.k8s.io/v1alpha1', kinds: ['PodPreset'], removedIn: '1.20', migration: 'PodPreset was removed with no replacement API: set the fields in the workloads themselves, or inject them with a mutating admission policy or webhook.' },
];

/** The removed API an object uses, if any. */
export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return REMOVED_APIS.find((api) => api.apiVersion === apiVersion && (!api.kinds || api.kinds.includes(kind)));
}
