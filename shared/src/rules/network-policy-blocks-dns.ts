/** @file Egress isolation without a DNS allowance breaks every name lookup of the pods it selects. */
import { defineRule } from '../engine/rule';
import type { Plain } from '../edits/format';
import type { Placed } from '../workspace/context';
import type { NetworkPolicyFact } from '../workspace/facts';
import { editObject } from '../workspace/fixes';
import { allowsDns, DNS_EGRESS_RULE, selectsPod } from '../workspace/networkPolicy';
import { describeWorkloads, factsOfType, namespaceLabels } from '../workspace/queries';
import { networkPoliciesReference } from './support/workspaceReferences';

export default defineRule({
  meta: {
    id: 'network-policy-blocks-dns',
    title: 'Egress isolation that blocks DNS',
    severity: 'warning',
    category: 'network',
    fixable: 'unsafe',
    docs: {
      summary: 'Reports a NetworkPolicy that isolates egress for pods no egress rule (of any policy selecting them) lets reach the cluster DNS on UDP port 53. Policies that isolate ingress only, including `egress: []` without policyTypes, are left alone: they restrict no egress.',
      why: 'Once a pod\'s egress is isolated, only what a rule allows gets out, and name lookups go to kube-dns in kube-system. Without a DNS rule every lookup times out, so the service fails in a way that rarely points at the policy, and the usual "fix" is to delete the isolation.',
      fix: 'Add an egress rule allowing UDP and TCP port 53 to the kube-dns pods in kube-system (the quick fix adds it to this policy), or one namespace-wide DNS policy.',
      example: 'egress:\n  - to:\n      - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}\n        podSelector: {matchLabels: {k8s-app: kube-dns}}\n    ports:\n      - {protocol: UDP, port: 53}\n      - {protocol: TCP, port: 53}',
      references: [networkPoliciesReference, { standard: 'Kubernetes docs', title: 'DNS for Services and Pods', url: 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/' }],
    },
    messages: {
      blocksDns: 'NetworkPolicy "{{name}}" isolates egress of {{pods}}, and no egress rule lets them reach the cluster DNS (UDP port 53): their name lookups will fail.',
    },
  },
  checkWorkspace({ file, workspace, report }) {
    const labelsOf = (name: string) => namespaceLabels(workspace, name);
    for (const placed of factsOfType(file, 'networkPolicy')) {
      const { fact, namespace } = placed;
      if (!fact.policy.isolatesEgress) continue;
      const egressPolicies = workspace.list('networkPolicy', namespace).filter((p) => p.fact.policy.isolatesEgress);
      const dnsAllowedBy = (policies: ReadonlyArray<Placed<NetworkPolicyFact>>) => policies.some((p) => p.fact.policy.egress.some((rule) => allowsDns(rule, namespace, labelsOf)));
      const selected = workspace.list('workload', namespace).filter((w) => selectsPod(fact.policy, w.fact.podLabels));
      let pods: string | undefined;
      if (selected.length > 0) {
        // Egress rules add up across every policy selecting a pod: judge each workload by all of them.
        const cut = selected.filter((w) => !dnsAllowedBy(egressPolicies.filter((p) => selectsPod(p.fact.policy, w.fact.podLabels))));
        if (cut.length > 0) pods = describeWorkloads(cut);
      } else {
        // No workload here to test against: count the policies that certainly select the same pods.
        const same = JSON.stringify(fact.policy.podSelector);
        const peers = egressPolicies.filter((p) => p.fact.policy.podSelector.valid && (Object.keys(p.fact.policy.podSelector.matchLabels).length === 0 && p.fact.policy.podSelector.matchExpressions.length === 0 || JSON.stringify(p.fact.policy.podSelector) === same));
        if (!dnsAllowedBy([placed, ...peers])) pods = 'the pods it selects';
      }
      if (pods === undefined) continue;
      report({
        messageId: 'blocksDns',
        data: { name: fact.name ?? '?', pods },
        at: fact.policy.egressAt ?? fact.policy.podSelectorAt,
        fix: {
          title: 'Allow DNS egress to kube-dns (UDP and TCP 53)',
          edits: (source) => editObject(source, fact.at, (editor, object) => void editor.appendToList(object.map, ['spec', 'egress'], DNS_EGRESS_RULE as unknown as Plain)),
        },
      });
    }
  },
});
