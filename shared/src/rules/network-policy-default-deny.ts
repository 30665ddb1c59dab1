/** @file Every namespace that runs workloads should start from a default-deny NetworkPolicy (ingress and egress). */
import { defineRule } from '../engine/rule';
import { allowsEverything, type NetworkPolicyModel } from '../workspace/networkPolicy';
import { describeNamespace, describeWorkloads, namespacesAnchoredIn } from '../workspace/queries';
import { isEmptySelector } from '../workspace/selectors';
import { generatedDocumentFixes } from '../workspace/fixes';
import { defaultDenyDocuments } from '../workspace/templates';
import { cisNetworkPolicyReference, networkPoliciesReference, nsaHardeningReference } from './support/workspaceReferences';

/** A policy that isolates every pod in one direction and does not allow everything straight back. */
function deniesByDefault(policy: NetworkPolicyModel, direction: 'ingress' | 'egress'): boolean {
  if (!isEmptySelector(policy.podSelector)) return false;
  return direction === 'ingress' ? policy.isolatesIngress && !policy.ingress.some(allowsEverything) : policy.isolatesEgress && !policy.egress.some(allowsEverything);
}

const CONSEQUENCES = {
  both: 'every pod accepts connections from any pod in the cluster and can connect anywhere',
  ingress: 'every pod not selected by another policy accepts connections from any pod in the cluster',
  egress: 'every pod not selected by another egress policy can connect anywhere, including the cloud metadata endpoint',
};

export default defineRule({
  meta: {
    id: 'network-policy-default-deny',
    title: 'Namespace without a default-deny NetworkPolicy',
    severity: 'warning',
    category: 'network',
    fixable: 'unsafe',
    docs: {
      summary: 'Reports a namespace that runs workloads in the workspace but has no NetworkPolicy selecting all of its pods (`podSelector: {}`) that isolates ingress and egress. Reported once per namespace, on its Namespace manifest, or on its first workload when no file declares it.',
      why: 'Pods accept all traffic until a NetworkPolicy selects them, so one compromised pod can reach every other pod and service in the cluster, and the internet. A default-deny policy makes every allowed flow an explicit, reviewable rule.',
      fix: 'Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress, Egress]` to the namespace, allow DNS egress, then add policies for the flows each workload needs. The quick fix writes both policies, in this file or a new one.',
      example: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: default-deny-all, namespace: shop}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]',
      references: [networkPoliciesReference, cisNetworkPolicyReference, nsaHardeningReference],
      peers: { kubeLinter: 'non-isolated-pod' },
    },
    messages: {
      missing: 'No default-deny NetworkPolicy for {{directions}} in {{namespace}}, which runs {{workloads}}: {{consequence}}.',
    },
  },
  checkWorkspace(context) {
    for (const anchor of namespacesAnchoredIn(context)) {
      const policies = context.workspace.list('networkPolicy', anchor.namespace);
      const missing = {
        ingress: !policies.some((p) => deniesByDefault(p.fact.policy, 'ingress')),
        egress: !policies.some((p) => deniesByDefault(p.fact.policy, 'egress')),
      };
      if (!missing.ingress && !missing.egress) continue;
      const which = missing.ingress && missing.egress ? 'both' : missing.ingress ? 'ingress' : 'egress';
      const taken = new Set(policies.map((p) => p.fact.name ?? ''));
      const text = defaultDenyDocuments(anchor.namespace, missing, taken);
      const fileName = `network-policy-default-deny${anchor.namespace ? `-${anchor.namespace}` : ''}.yaml`;
      context.report({
        messageId: 'missing',
        data: { directions: which === 'both' ? 'ingress and egress' : which, namespace: describeNamespace(anchor.namespace), workloads: describeWorkloads(anchor.workloads), consequence: CONSEQUENCES[which] },
        at: anchor.at,
        fix: generatedDocumentFixes(missing.egress ? 'a default-deny NetworkPolicy and a DNS egress allowance' : 'a default-deny NetworkPolicy', text, fileName),
      });
    }
  },
});
