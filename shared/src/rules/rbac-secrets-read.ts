/** @file Roles that can read Secrets hand out every credential stored in them. */
import { defineRule } from '../engine/rule';
import { grantedAt, narrowedByName, policyRules, rbacReference, roleLabel, verbItems, READ_VERBS } from './support/rbac';

export default defineRule({
  meta: {
    id: 'rbac-secrets-read',
    title: 'Role can read Secrets',
    severity: 'warning',
    category: 'rbac',
    docs: {
      summary: 'Flags Role and ClusterRole rules that allow get, list or watch on secrets, unless resourceNames narrows them to named Secrets.',
      why: 'Secrets hold ServiceAccount tokens, TLS keys and database passwords. Whoever holds a token bound to this role can read all of them in scope, and list or watch return every Secret\'s content at once; with a ClusterRoleBinding that includes kube-system, which is usually the whole cluster.',
      fix: 'Drop the permission if the workload only needs its own Secret mounted as a volume, or narrow the rule to `get` with `resourceNames` listing the Secrets it needs.',
      example: 'rules:\n  - apiGroups: [""]\n    resources: [secrets]\n    resourceNames: [app-tls]\n    verbs: [get]',
      references: [rbacReference, { standard: 'CIS', title: 'CIS Kubernetes Benchmark 5.1.2: Minimize access to secrets', url: 'https://www.cisecurity.org/benchmark/kubernetes', control: '5.1.2' }],
      peers: { kubeLinter: 'access-to-secrets', checkov: 'CKV2_K8S_5', trivy: 'KSV-0041, KSV-0113', kubescape: 'C-0015, C-0186' },
    },
    messages: {
      read: 'rules[{{index}}] of {{role}} can read Secrets ({{verbs}}): anyone bound to it gets every password, key and token in them. Narrow it with resourceNames and get, or mount the one Secret needed.',
    },
  },
  checkObject({ object, report, isEnabled }) {
    for (const rule of policyRules(object)) {
      if (narrowedByName(rule)) continue;
      const at = grantedAt(rule, '', 'secrets', READ_VERBS, isEnabled('rbac-wildcard'));
      if (!at) continue;
      const verbs = verbItems(rule, READ_VERBS).map((v) => v.value).join(', ');
      report({ messageId: 'read', data: { index: rule.index, role: roleLabel(object), verbs }, at: at.node });
    }
  },
});
