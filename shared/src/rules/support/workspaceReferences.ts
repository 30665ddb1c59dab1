/** @file Documentation links the workspace (cross-file) rules cite. */
import type { Reference } from '../../engine/rule';

export const networkPoliciesReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Network Policies',
  url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
};

export const nsaHardeningReference: Reference = {
  standard: 'NSA/CISA',
  title: 'Kubernetes Hardening Guide, Network separation and hardening',
  url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF',
};

export const cisNetworkPolicyReference: Reference = {
  standard: 'CIS',
  title: 'CIS Kubernetes Benchmark 5.3.2: Ensure that all Namespaces have NetworkPolicies defined',
  url: 'https://www.cisecurity.org/benchmark/kubernetes',
  control: '5.3.2',
};

export const resourceQuotasReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Resource Quotas',
  url: 'https://kubernetes.io/docs/concepts/policy/resource-quotas/',
};

export const limitRangesReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Limit Ranges',
  url: 'https://kubernetes.io/docs/concepts/policy/limit-range/',
};

export const containerResourcesReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Resource Management for Pods and Containers',
  url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
};

export const rbacReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Using RBAC Authorization',
  url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/',
};

export const serviceAccountsReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Service Accounts',
  url: 'https://kubernetes.io/docs/concepts/security/service-accounts/',
};

export const servicesReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Service',
  url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
};

export const ingressReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Ingress',
  url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/',
};

export const runtimeClassReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Runtime Class',
  url: 'https://kubernetes.io/docs/concepts/containers/runtime-class/',
};

/** The sentence every "not in the workspace" message ends with: the linter sees files, not the cluster. */
export const MAY_EXIST = 'It may exist in the cluster already (created by another repository, a Helm chart or an operator); if not, the reference is broken.';
