/** @file A workload no NetworkPolicy selects keeps all traffic open, even in a namespace that has policies. */
import { defineRule } from '../engine/rule';
import { selectsPod } from '../workspace/networkPolicy';
import { describeNamespace, factsOfType } from '../workspace/queries';
import { networkPoliciesReference, nsaHardeningReference } from './support/workspaceReferences';

export default defineRule({
  meta: {
    id: 'network-policy-unselected-workload',
    title: 'Workload selected by no NetworkPolicy',
    severity: 'warning',
    category: 'network',
    docs: {
      summary: 'Reports a workload whose pod labels no NetworkPolicy of its namespace selects, in a namespace that has NetworkPolicies. A namespace with none is reported once by network-policy-default-deny instead.',
      why: 'NetworkPolicies only restrict the pods they select; a pod no policy selects accepts connections from anywhere and connects anywhere. This is usually a label that drifted from the policy selectors, and it leaves exactly that workload open.',
      fix: 'Add a default-deny policy with `podSelector: {}` to the namespace, or give the workload a policy (or the labels an existing policy selects).',
      references: [networkPoliciesReference, nsaHardeningReference],
      peers: { kubeLinter: 'non-isolated-pod' },
    },
    messages: {
      unselected: '{{kind}} "{{name}}" is selected by none of the {{count}} NetworkPolicies in {{namespace}}: its pods accept traffic from anywhere and can connect anywhere.',
    },
  },
  checkWorkspace({ file, workspace, report }) {
    for (const { fact, namespace } of factsOfType(file, 'workload')) {
      const policies = workspace.list('networkPolicy', namespace);
      // No policy at all is the namespace's problem, reported once by network-policy-default-deny.
      if (policies.length === 0) continue;
      if (policies.some((p) => selectsPod(p.fact.policy, fact.podLabels))) continue;
      report({ messageId: 'unselected', data: { kind: fact.kind, name: fact.name ?? '?', count: policies.length, namespace: describeNamespace(namespace) }, at: fact.at });
    }
  },
});
