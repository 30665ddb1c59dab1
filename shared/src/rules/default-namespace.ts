/** @file Objects should live in a namespace of their own, not in default. */
import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import { governsItsNamespace, isClusterProvided, isNamespacedBuiltin } from './support/kinds';
import { securityChecklistReference } from './support/references';

export default defineRule({
  meta: {
    id: 'default-namespace',
    title: 'Object in the default namespace',
    severity: 'info',
    category: 'exposure',
    docs: {
      summary: 'Notes namespaced objects that set metadata.namespace: default (info), and, as a hint only, those that set no namespace: the namespace may come from kubectl -n, Kustomize, Helm or a GitOps tool, which one file cannot see. Roles, RoleBindings, NetworkPolicies, LimitRanges and ResourceQuotas are left alone: they belong in the namespace they govern. So are the objects the cluster itself creates there (the kubernetes Service, default ServiceAccounts, kube-root-ca.crt).',
      why: 'Namespaces are the boundary RBAC, NetworkPolicies, ResourceQuotas and Pod Security Admission labels attach to. The default namespace is where everything without a home lands, it usually has none of those controls, and a RoleBinding or a default ServiceAccount permission granted there for one app reaches all of them.',
      fix: 'Create a namespace for the application, give it its own RBAC, NetworkPolicies and Pod Security labels, and set metadata.namespace (or the Kustomize or Helm namespace) to it.',
      example: 'metadata:\n  name: web\n  namespace: shop',
      references: [securityChecklistReference, { standard: 'CIS', title: 'CIS Kubernetes Benchmark 5.7.4: The default namespace should not be used', url: 'https://www.cisecurity.org/benchmark/kubernetes', control: '5.7.4' }],
      peers: { kubeLinter: 'use-namespace', checkov: 'CKV_K8S_21', trivy: 'KSV-0110', kubescape: 'C-0061' },
    },
    messages: {
      explicit: '{{kind}} "{{name}}" is placed in the default namespace, which shares RBAC, NetworkPolicies and quotas with everything else that lands there. Use a namespace of its own.',
      missing: '{{kind}} "{{name}}" sets no namespace, so it goes to default unless kubectl -n, Kustomize or Helm sets one. Consider setting metadata.namespace.',
    },
  },
  checkObject({ object, report }) {
    if (!isNamespacedBuiltin(object) || governsItsNamespace(object) || isClusterProvided(object)) return;
    const data = { kind: object.kind, name: object.name ?? '?' };
    const entry = object.metadata?.get('namespace');
    if (entry) {
      if (object.namespace === 'default') report({ messageId: 'explicit', data, at: (entry.mergedVia ?? entry.valueNode ?? entry.keyNode) as Node });
      return;
    }
    const nameEntry = object.metadata?.get('name');
    report({ messageId: 'missing', data, at: (nameEntry?.valueNode ?? object.anchor) as Node, severity: 'hint' });
  },
});
