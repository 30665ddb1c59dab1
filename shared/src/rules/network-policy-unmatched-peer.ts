/** @file A NetworkPolicy peer whose selectors match nothing allows nothing: usually a label typo. */
import { defineRule } from '../engine/rule';
import type { Peer } from '../workspace/networkPolicy';
import { describeNamespace, factsOfType, knownNamespaces, namespaceLabels, operatorNote } from '../workspace/queries';
import { describeSelector, isEmptySelector, matchesLabels } from '../workspace/selectors';
import type { WorkspaceView } from '../workspace/context';
import { networkPoliciesReference } from './support/workspaceReferences';

export default defineRule({
  meta: {
    id: 'network-policy-unmatched-peer',
    title: 'NetworkPolicy peer matching nothing',
    severity: 'warning',
    category: 'network',
    docs: {
      summary: 'Reports a `from`/`to` peer whose podSelector (without a namespaceSelector) matches no workload of the policy\'s namespace (only noted when the namespace holds custom resources an operator may turn into pods). A namespaceSelector that matches no namespace known to the workspace, or a podSelector that matches no workload in the namespaces it selects, is only noted (info): those may exist in the cluster.',
      why: 'A peer that matches no pod allows no traffic, so the flow the rule was written for is blocked, or, worse, someone "fixes" the outage by widening the policy. The cause is almost always a label that differs between the policy and the pod template.',
      fix: 'Make the peer selector match the labels of the pods that should be allowed; remember that podSelector alone means pods of the policy\'s own namespace.',
      references: [networkPoliciesReference],
      peers: { kubeLinter: 'dangling-networkpolicypeer-podselector' },
    },
    messages: {
      samePods: 'The {{direction}} peer podSelector {{selector}} of NetworkPolicy "{{name}}" matches no workload in {{namespace}}{{operators}}: unless such pods come from elsewhere, this peer allows no traffic.',
      noNamespace: 'The {{direction}} peer namespaceSelector {{selector}} of NetworkPolicy "{{name}}" matches no namespace defined in the workspace; it may match namespaces that exist in the cluster.',
      otherPods: 'The {{direction}} peer podSelector {{selector}} of NetworkPolicy "{{name}}" matches no workload of the workspace in the namespaces it selects ({{namespaces}}); its pods may be deployed from elsewhere.',
    },
  },
  checkWorkspace({ file, workspace, report }) {
    for (const { fact, namespace } of factsOfType(file, 'networkPolicy')) {
      const { policy } = fact;
      // Rules of a direction the policy does not isolate are ignored by the API: nothing to match.
      const peers = [...(policy.isolatesIngress ? policy.ingress.flatMap((r) => r.peers.map((p) => ({ p, direction: 'ingress' }))) : []), ...(policy.isolatesEgress ? policy.egress.flatMap((r) => r.peers.map((p) => ({ p, direction: 'egress' }))) : [])];
      for (const { p, direction } of peers) {
        const base = { direction, name: fact.name ?? '?' };
        if (p.podSelector && !p.namespaceSelector) {
          if (isEmptySelector(p.podSelector) || !p.podSelector.valid) continue;
          const workloads = workspace.list('workload', namespace);
          // No workloads at all: the pods live elsewhere, and network-policy-dangling-selector already says so.
          if (workloads.length === 0 || workloads.some((w) => matchesLabels(p.podSelector!, w.fact.podLabels))) continue;
          const operators = operatorNote(workspace, namespace);
          report({ messageId: 'samePods', data: { ...base, selector: describeSelector(p.podSelector), namespace: describeNamespace(namespace), operators }, at: p.podSelectorAt ?? p.at, severity: operators ? 'info' : undefined });
        } else if (p.namespaceSelector?.valid) {
          checkOtherNamespaces(p, workspace, (messageId, data, at) => report({ messageId, data: { ...base, ...data }, at, severity: 'info' }));
        }
      }
    }
  },
});

/** namespaceSelector (with or without podSelector): only the workspace's namespaces can be judged, so at most a note. */
function checkOtherNamespaces(peer: Peer, workspace: WorkspaceView, note: (messageId: 'noNamespace' | 'otherPods', data: Record<string, string>, at: Peer['at']) => void): void {
  const selector = peer.namespaceSelector!;
  const namespaces = isEmptySelector(selector) ? undefined : knownNamespaces(workspace).filter((n) => matchesLabels(selector, namespaceLabels(workspace, n)));
  if (namespaces?.length === 0) {
    note('noNamespace', { selector: describeSelector(selector) }, peer.namespaceSelectorAt ?? peer.at);
    return;
  }
  if (!peer.podSelector || isEmptySelector(peer.podSelector) || !peer.podSelector.valid) return;
  const workloads = namespaces ? namespaces.flatMap((n) => workspace.list('workload', n)) : workspace.list('workload');
  if (workloads.length === 0 || workloads.some((w) => matchesLabels(peer.podSelector!, w.fact.podLabels))) return;
  note('otherPods', { selector: describeSelector(peer.podSelector), namespaces: namespaces ? namespaces.join(', ') : 'all' }, peer.podSelectorAt ?? peer.at);
}
