/** @file The bind, escalate and impersonate verbs let a subject go beyond its own permissions. */
import { defineRule, type Severity } from '../engine/rule';
import { coversGroup, policyRules, rbacReference, resourceItems, roleLabel, type PolicyRule } from './support/rbac';

type Verb = 'bind' | 'escalate' | 'impersonate';

/** What each verb applies to, and which of those targets are cluster-wide. */
const TARGETS: Readonly<Record<Verb, { group: string; resources: readonly string[]; clusterWide: readonly string[] }>> = {
  bind: { group: 'rbac.authorization.k8s.io', resources: ['roles', 'clusterroles'], clusterWide: ['clusterroles'] },
  escalate: { group: 'rbac.authorization.k8s.io', resources: ['roles', 'clusterroles'], clusterWide: ['clusterroles'] },
  impersonate: { group: '', resources: ['users', 'groups', 'serviceaccounts'], clusterWide: ['users', 'groups'] },
};

function targetsOf(rule: PolicyRule, verb: Verb): string[] {
  const t = TARGETS[verb];
  if (!coversGroup(rule, t.group)) return [];
  return t.resources.filter((r) => resourceItems(rule, r).length > 0);
}

export default defineRule({
  meta: {
    id: 'rbac-escalation-verbs',
    title: 'Role allows bind, escalate or impersonate',
    severity: 'warning',
    category: 'rbac',
    docs: {
      summary: 'Flags the bind and escalate verbs on roles and clusterroles and the impersonate verb on users, groups and serviceaccounts, unless resourceNames narrows them. In a ClusterRole, unrestricted ones that reach cluster-wide roles or identities are errors. A `*` verb is reported by rbac-wildcard.',
      why: 'These verbs switch off RBAC\'s own guard against privilege escalation. bind lets a subject bind roles it does not hold (cluster-admin included), escalate lets it add any permission to a role it can edit, and impersonate lets it act as any user or group, system:masters included, which bypasses authorization entirely.',
      fix: 'Remove the verb, or restrict the rule with resourceNames to the roles or identities that are needed. Keep such roles for the few controllers that manage RBAC.',
      example: 'rules:\n  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    resourceNames: [app-reader]\n    verbs: [bind]',
      references: [rbacReference, { standard: 'Kubernetes docs', title: 'Privilege escalation prevention and bootstrapping', url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping' }],
      peers: { checkov: 'CKV_K8S_157, CKV_K8S_158, CKV2_K8S_3', trivy: 'KSV-0043', kubescape: 'C-0191, C-0065' },
    },
    messages: {
      bind: 'rules[{{index}}] of {{role}} allows bind on {{targets}}: anyone bound to it who can create bindings can grant roles beyond their own, cluster-admin included. Remove it or narrow it with resourceNames.',
      escalate: 'rules[{{index}}] of {{role}} allows escalate on {{targets}}: anyone bound to it who can edit roles can add any permission to them. Remove it or narrow it with resourceNames.',
      impersonate: 'rules[{{index}}] of {{role}} allows impersonate on {{targets}}: anyone bound to it can act as {{whom}}. Remove it or narrow it with resourceNames to the identities needed.',
    },
  },
  checkObject({ object, report }) {
    for (const rule of policyRules(object)) {
      const names = rule.resourceNames.map((n) => n.value);
      for (const item of rule.verbs) {
        const verb = item.value as Verb;
        if (!(verb in TARGETS)) continue;
        // Impersonating a named group is still fatal when the group is system:masters.
        const mastersNamed = verb === 'impersonate' && names.includes('system:masters');
        if (names.length > 0 && !mastersNamed) continue;
        const targets = targetsOf(rule, verb);
        if (targets.length === 0) continue;
        const clusterWide = object.kind === 'ClusterRole' && targets.some((t) => TARGETS[verb].clusterWide.includes(t));
        const severity: Severity = mastersNamed || clusterWide ? 'error' : 'warning';
        const whom = mastersNamed ? 'the system:masters group, which bypasses all authorization' : clusterWide && targets.includes('groups') ? 'any user or group, system:masters included' : `any of the ${targets.join(' or ')} in scope`;
        report({ messageId: verb, data: { index: rule.index, role: roleLabel(object), targets: targets.join(', '), whom }, at: item.node, severity });
      }
    }
  },
});
