/** @file Application workloads do not belong in kube-system, next to the cluster's most privileged identities. */
import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import { looksLikeClusterComponent } from './support/kinds';
import { securityChecklistReference } from './support/references';

export default defineRule({
  meta: {
    id: 'kube-system-workload',
    title: 'Application workload in kube-system',
    severity: 'warning',
    category: 'exposure',
    docs: {
      summary: 'Flags pod-bearing objects placed in kube-system that carry none of the marks of a cluster component (k8s-app, addonmanager.kubernetes.io/mode or kubernetes.io/cluster-service labels, tier: control-plane, or a system-*-critical priority class).',
      why: 'kube-system holds the ServiceAccounts and Secrets of the control plane\'s controllers and add-ons, several of which can do nearly anything in the cluster, and it is usually exempt from Pod Security Admission and NetworkPolicies. An application there can be given any of those ServiceAccounts, and a compromise of it starts next to the keys.',
      fix: 'Deploy the application to a namespace of its own with its own ServiceAccount. If it is a cluster add-on, label it as one (for example k8s-app) and give it a system priority class.',
      references: [securityChecklistReference, { standard: 'Kubernetes docs', title: 'Namespaces: initial namespaces', url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces' }],
      peers: { trivy: 'KSV-0037' },
    },
    messages: {
      kubeSystem: '{{kind}} "{{name}}" runs in kube-system, beside the control plane\'s most privileged ServiceAccounts and usually outside Pod Security and NetworkPolicy enforcement. Use a namespace of its own.',
    },
  },
  checkWorkload({ object, workload, report }) {
    if (object.namespace !== 'kube-system' || looksLikeClusterComponent(workload)) return;
    const entry = object.metadata!.get('namespace')!;
    report({ messageId: 'kubeSystem', data: { kind: object.kind, name: object.name ?? '?' }, at: (entry.mergedVia ?? entry.valueNode ?? entry.keyNode) as Node });
  },
});
