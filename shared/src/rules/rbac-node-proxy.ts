/** @file nodes/proxy reaches the kubelet API of every node, which runs commands in any pod. */
import { defineRule } from '../engine/rule';
import { grantedAt, policyRules, rbacReference, roleLabel } from './support/rbac';

/** Every verb matters: the kubelet authorizes by HTTP method, and exec over a WebSocket is a GET. */
const ANY_VERB = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'proxy'];

export default defineRule({
  meta: {
    id: 'rbac-node-proxy',
    title: 'Role grants nodes/proxy',
    severity: 'error',
    category: 'rbac',
    docs: {
      summary: 'Flags Role and ClusterRole rules that grant any verb on nodes/proxy (also through nodes/* or */proxy).',
      why: 'nodes/proxy forwards requests to the kubelet of any node, bypassing the API server\'s admission and audit of the pods involved. The kubelet API runs commands in every container on the node (/exec, /run; over a WebSocket that is a plain GET, so even get is enough), reads their logs and environment: node takeover, and with it every Secret mounted there.',
      fix: 'Remove nodes/proxy. Monitoring agents that need kubelet metrics should use nodes/metrics and nodes/stats, which do not reach /exec.',
      example: 'rules:\n  - apiGroups: [""]\n    resources: [nodes/metrics, nodes/stats]\n    verbs: [get]',
      references: [rbacReference, { standard: 'Kubernetes docs', title: 'Kubelet authentication/authorization', url: 'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/' }],
      peers: { checkov: 'CKV2_K8S_2', trivy: 'KSV-0047', kubescape: 'C-0279' },
    },
    messages: {
      proxy: 'rules[{{index}}] of {{role}} grants nodes/proxy: anyone bound to it can run commands in every pod through the kubelet. Use nodes/metrics or nodes/stats instead.',
    },
  },
  checkObject({ object, report, isEnabled }) {
    for (const rule of policyRules(object)) {
      const at = grantedAt(rule, '', 'nodes/proxy', ANY_VERB, isEnabled('rbac-wildcard'));
      if (!at || rule.resourceNames.length > 0) continue;
      report({ messageId: 'proxy', data: { index: rule.index, role: roleLabel(object) }, at: at.node });
    }
  },
});
