/** @file A NetworkPolicy whose podSelector matches no workload of its namespace protects nothing. */
import { defineRule } from '../engine/rule';
import { selectsPod } from '../workspace/networkPolicy';
import { describeNamespace, factsOfType, operatorNote } from '../workspace/queries';
import { describeSelector, isEmptySelector } from '../workspace/selectors';
import { networkPoliciesReference } from './support/workspaceReferences';

export default defineRule({
  meta: {
    id: 'network-policy-dangling-selector',
    title: 'NetworkPolicy selecting no workload',
    severity: 'warning',
    category: 'network',
    docs: {
      summary: 'Reports a NetworkPolicy whose podSelector matches the pod labels of no workload in its namespace. An empty podSelector (`{}`) selects every pod and is never reported; a namespace with no workloads in the workspace gets an info note only, as its pods may be deployed from elsewhere; so does a namespace holding custom resources, which an operator may turn into pods.',
      why: 'A policy that selects no pod restricts nothing. It usually means the policy and the workload drifted apart (a renamed label, a typo), so the pods it was written to isolate are open while the policy gives a false sense of safety.',
      fix: 'Make the podSelector match the labels of the pod template it is meant for, or delete the policy.',
      references: [networkPoliciesReference],
      peers: { kubeLinter: 'dangling-networkpolicy' },
    },
    messages: {
      dangling: 'NetworkPolicy "{{name}}" selects pods with {{selector}}, but no workload in {{namespace}} has those labels{{operators}}: unless such pods come from elsewhere, it protects nothing.',
      noWorkloads: 'NetworkPolicy "{{name}}" selects pods with {{selector}}, but {{namespace}} has no workloads in the workspace; check the labels if its pods are deployed from elsewhere.',
    },
  },
  checkWorkspace({ file, workspace, report }) {
    for (const { fact, namespace } of factsOfType(file, 'networkPolicy')) {
      const selector = fact.policy.podSelector;
      if (isEmptySelector(selector) || !selector.valid) continue;
      const workloads = workspace.list('workload', namespace);
      if (workloads.some((w) => selectsPod(fact.policy, w.fact.podLabels))) continue;
      const data = { name: fact.name ?? '?', selector: describeSelector(selector), namespace: describeNamespace(namespace) };
      if (workloads.length === 0) {
        report({ messageId: 'noWorkloads', data, at: fact.policy.podSelectorAt, severity: 'info' });
        continue;
      }
      const operators = operatorNote(workspace, namespace);
      report({ messageId: 'dangling', data: { ...data, operators }, at: fact.policy.podSelectorAt, severity: operators ? 'info' : undefined });
    }
  },
});
