/** @file NetworkPolicy rules that allow every source or destination, and peers the API server rejects. */
import { defineRule } from '../engine/rule';
import { spanOf } from '../model/node';
import { readNetworkPolicy, type PolicyRule } from '../workspace/networkPolicy';
import { isEmptySelector } from '../workspace/selectors';
import { networkPoliciesReference, nsaHardeningReference } from './support/workspaceReferences';

const EVERY_ADDRESS = new Set(['0.0.0.0/0', '::/0']);

export default defineRule({
  meta: {
    id: 'network-policy-allow-all',
    title: 'NetworkPolicy rule allowing everything',
    severity: 'warning',
    category: 'network',
    docs: {
      summary: 'Reports ingress and egress rules of a NetworkPolicy that allow every peer: a rule without `from`/`to` (or with an empty list), a peer `namespaceSelector: {}` without a narrower podSelector (every pod of every namespace), and `ipBlock` 0.0.0.0/0 or ::/0. A rule limited to some ports is only noted (info). An empty peer `{}`, which the API server rejects, is an error.',
      why: 'An allow-all rule undoes the isolation the policy exists for, often by accident: `from: [{}]` reads like "nothing" but is not valid, and `- {}` under ingress reads like an empty rule but allows everything.',
      fix: 'List the peers that need access (podSelector, namespaceSelector, ipBlock) and the ports they use. To allow all sources on purpose, say why in a suppression comment.',
      example: 'ingress:\n  - from:\n      - podSelector: {matchLabels: {app: frontend}}\n    ports:\n      - {protocol: TCP, port: 8080}',
      references: [networkPoliciesReference, nsaHardeningReference],
    },
    messages: {
      anyPeer: 'This {{direction}} rule of NetworkPolicy "{{name}}" has no `{{key}}` peers, so it allows {{what}} {{ports}}.',
      anyPod: 'This {{direction}} peer of NetworkPolicy "{{name}}" (`namespaceSelector: {}`{{podPart}}) matches every pod in every namespace {{ports}}.',
      anyAddress: 'This {{direction}} peer of NetworkPolicy "{{name}}" allows every IP address ({{cidr}}) {{ports}}.',
      emptyPeer: 'This {{direction}} peer of NetworkPolicy "{{name}}" sets none of podSelector, namespaceSelector and ipBlock: the API server rejects the policy ("must specify a peer"). To allow every source, leave `{{key}}` out; for every pod in the cluster, use `namespaceSelector: {}`.',
      ipBlockWithSelector: 'This {{direction}} peer of NetworkPolicy "{{name}}" combines ipBlock with a selector: the API server rejects the policy ("may not specify both ipBlock and another peer"). Make them two peers.',
    },
  },
  checkObject({ object, report }) {
    const policy = readNetworkPolicy(object, spanOf);
    if (!policy) return;
    const name = object.name ?? '?';
    const check = (direction: 'ingress' | 'egress', rules: readonly PolicyRule[], isolated: boolean) => {
      const key = direction === 'ingress' ? 'from' : 'to';
      for (const rule of rules) {
        const limited = rule.ports.length > 0;
        const ports = limited ? `on ${rule.ports.map((p) => `${p.port ?? 'any port'}/${p.protocol}`).join(', ')}` : 'on every port';
        const severity = limited ? ('info' as const) : undefined;
        if (rule.peers.length === 0) {
          if (isolated) report({ messageId: 'anyPeer', data: { direction, name, key, what: direction === 'ingress' ? 'traffic from every pod and address' : 'connections to every pod and address', ports }, at: rule.at, severity });
          continue;
        }
        for (const peer of rule.peers) {
          const data = { direction, name, key, ports };
          if (!peer.podSelector && !peer.namespaceSelector && !peer.ipBlock) report({ messageId: 'emptyPeer', data, at: peer.at, severity: 'error' });
          else if (peer.ipBlock && (peer.podSelector || peer.namespaceSelector)) report({ messageId: 'ipBlockWithSelector', data, at: peer.at, severity: 'error' });
          else if (!isolated) continue;
          else if (peer.ipBlock && EVERY_ADDRESS.has(peer.ipBlock.cidr.trim())) report({ messageId: 'anyAddress', data: { ...data, cidr: peer.ipBlock.cidr.trim() + (peer.ipBlock.except.length ? ` except ${peer.ipBlock.except.join(', ')}` : '') }, at: peer.at, severity });
          else if (peer.namespaceSelector && isEmptySelector(peer.namespaceSelector) && (!peer.podSelector || isEmptySelector(peer.podSelector))) {
            report({ messageId: 'anyPod', data: { ...data, podPart: peer.podSelector ? ' with `podSelector: {}`' : '' }, at: peer.at, severity });
          }
        }
      }
    };
    // Rules of a direction the policy does not isolate allow nothing new, but the API server still validates them.
    check('ingress', policy.ingress, policy.isolatesIngress);
    check('egress', policy.egress, policy.isolatesEgress);
  },
});
