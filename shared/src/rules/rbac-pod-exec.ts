/** @file Roles that can exec into, attach to or port-forward to pods reach inside every pod in scope. */
import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import { coversGroup, policyRules, rbacReference, resourceItems, roleLabel, verbItems } from './support/rbac';

const SUBRESOURCES = ['exec', 'attach', 'portforward'] as const;
/** `get` is listed because before Kubernetes 1.31 a WebSocket upgrade (a GET) was enough to exec. */
const STREAM_VERBS = ['create', 'get'];

export default defineRule({
  meta: {
    id: 'rbac-pod-exec',
    title: 'Role can exec into, attach to or port-forward to pods',
    severity: 'warning',
    category: 'rbac',
    docs: {
      summary: 'Flags Role and ClusterRole rules that grant pods/exec, pods/attach or pods/portforward (also through pods/* or */exec).',
      why: 'exec runs any command in any container in scope: the attacker reads its mounted Secrets and ServiceAccount token, and acts as that pod. attach takes over a running process\'s terminal; portforward reaches ports that NetworkPolicies and Services were meant to hide.',
      fix: 'Keep these subresources out of roles used by workloads and automation; give people break-glass access in a separate, audited role bound only when needed.',
      references: [rbacReference],
      peers: { checkov: 'CKV2_K8S_2', polaris: 'clusterrolePodExecAttach, rolePodExecAttach', trivy: 'KSV-0053, KSV-0054', kubescape: 'C-0002, C-0063' },
    },
    messages: {
      stream: 'rules[{{index}}] of {{role}} grants {{what}}: anyone bound to it can run commands in, or connect to, every pod in scope and take its Secrets and ServiceAccount token. Remove it or move it to an audited break-glass role.',
    },
  },
  checkObject({ object, report, isEnabled }) {
    const skipWildcards = isEnabled('rbac-wildcard');
    for (const rule of policyRules(object)) {
      if (!coversGroup(rule, '') || verbItems(rule, STREAM_VERBS).length === 0) continue;
      // For a subresource the pod's name is in the request path, so resourceNames does narrow every verb.
      if (rule.resourceNames.length > 0) continue;
      const byItem = new Map<Node, string[]>();
      for (const sub of SUBRESOURCES) {
        for (const item of resourceItems(rule, `pods/${sub}`)) {
          if (skipWildcards && item.value === '*') continue;
          byItem.set(item.node, [...(byItem.get(item.node) ?? []), `pods/${sub}`]);
        }
      }
      for (const [node, subs] of byItem) report({ messageId: 'stream', data: { index: rule.index, role: roleLabel(object), what: subs.join(', ') }, at: node });
    }
  },
});
