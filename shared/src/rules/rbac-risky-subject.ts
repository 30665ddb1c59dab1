/** @file Bindings to anonymous, unauthenticated, all-authenticated or system:masters subjects. */
import type { YamlEditor } from '../edits/editor';
import { defineRule, type Severity } from '../engine/rule';
import { bindingOf, rbacReference, type Subject } from './support/rbac';

/** Default ClusterRoles that Kubernetes itself binds to everyone: binding them again grants nothing new. */
const PUBLIC_ROLES = new Set(['system:basic-user', 'system:discovery', 'system:public-info-viewer', 'system:service-account-issuer-discovery']);

type Risk = 'anonymous' | 'authenticated' | 'serviceaccounts' | 'masters';

function riskOf(subject: Subject): Risk | undefined {
  if (subject.kind !== 'Group' && subject.kind !== 'User') return undefined;
  if (subject.name === 'system:anonymous' || subject.name === 'system:unauthenticated') return 'anonymous';
  if (subject.kind !== 'Group') return undefined;
  if (subject.name === 'system:authenticated') return 'authenticated';
  if (subject.name === 'system:serviceaccounts') return 'serviceaccounts';
  if (subject.name === 'system:masters') return 'masters';
  return undefined;
}

const SEVERITY: Readonly<Record<Risk, Severity>> = { anonymous: 'error', masters: 'error', authenticated: 'warning', serviceaccounts: 'warning' };

export default defineRule({
  meta: {
    id: 'rbac-risky-subject',
    title: 'Binding grants a role to everyone, anonymous users or system:masters',
    severity: 'error',
    category: 'rbac',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags RoleBinding and ClusterRoleBinding subjects system:anonymous and system:unauthenticated (errors), the system:masters group (error), and the groups system:authenticated and system:serviceaccounts (warnings), except for the discovery roles Kubernetes binds to everyone anyway.',
      why: 'system:anonymous and system:unauthenticated are anyone who can reach the API server, with no credentials at all. system:authenticated is anyone with any credential, including every pod\'s ServiceAccount token and, on some clouds, any account of the provider; system:serviceaccounts is every pod in the cluster. system:masters bypasses authorization altogether: a binding to it grants nothing and only shows that identities are being issued into a group whose certificates cannot be revoked.',
      fix: 'Remove the subject and bind the role to the specific users, groups or ServiceAccounts that need it. The quick fix removes the subject; it is unsafe where something relied on the open access.',
      references: [rbacReference, { standard: 'Kubernetes docs', title: 'Anonymous requests', url: 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests' }],
      peers: { trivy: 'KSV-0122, KSV-01011, KSV-0123', kubescape: 'C-0262', kubesec: 'BindingsToSystemAnonymous' },
    },
    messages: {
      anonymous: '{{binding}} grants {{role}} to {{subject}}: anyone who can reach the API server gets it without credentials. Remove this subject.',
      authenticated: '{{binding}} grants {{role}} to group system:authenticated: every user and every pod\'s ServiceAccount token in the cluster gets it. Bind it to the subjects that need it.',
      serviceaccounts: '{{binding}} grants {{role}} to group system:serviceaccounts: every pod in the cluster gets it through its token. Bind it to the ServiceAccounts that need it.',
      masters: '{{binding}} names group system:masters, which bypasses authorization: the binding grants nothing, and identities in that group cannot be revoked. Remove this subject and keep system:masters for break-glass access.',
    },
  },
  checkObject({ object, report }) {
    const binding = bindingOf(object);
    if (!binding || PUBLIC_ROLES.has(binding.roleName)) return;
    const label = `${object.kind} "${object.name ?? '?'}"`;
    for (const subject of binding.subjects) {
      const risk = riskOf(subject);
      if (!risk) continue;
      const seq = binding.subjectsSeq;
      const fix = binding.subjectsEditable && seq ? { title: `Remove subject ${subject.name}`, safe: risk === 'masters', apply: (e: YamlEditor) => e.deleteItem(seq, subject.index) } : [];
      report({
        messageId: risk,
        data: { binding: label, role: `${binding.roleKind} "${binding.roleName}"`, subject: `${subject.kind.toLowerCase()} ${subject.name}` },
        at: subject.at,
        severity: SEVERITY[risk],
        fix,
      });
    }
  },
});
