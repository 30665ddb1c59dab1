/** @file The namespace-scoped built-in roles (admin, edit, view) granted in every namespace at once. */
import { defineRule, type Severity } from '../engine/rule';
import { bindingOf, describeSubject, rbacReference } from './support/rbac';

/** The user-facing ClusterRoles Kubernetes ships to be bound per namespace. */
const PER_NAMESPACE: Readonly<Record<string, { severity: Severity; reach: string }>> = {
  admin: { severity: 'warning', reach: 'read and write Secrets and RoleBindings in every namespace' },
  edit: { severity: 'warning', reach: 'read and write Secrets and run pods as any ServiceAccount in every namespace' },
  view: { severity: 'info', reach: 'read every ConfigMap, pod spec and log in every namespace' },
};

export default defineRule({
  meta: {
    id: 'rbac-cluster-wide-binding',
    title: 'Namespace role granted cluster-wide',
    severity: 'warning',
    category: 'rbac',
    docs: {
      summary: 'Flags ClusterRoleBindings of the built-in admin, edit and view ClusterRoles, which are meant to be granted per namespace with RoleBindings. admin and edit are warnings, view is info.',
      why: 'A ClusterRoleBinding grants the role in every namespace, including kube-system and namespaces created later. For edit and admin that means every Secret and every ServiceAccount of the platform\'s own components; for view, every ConfigMap and log. A RoleBinding in each namespace that needs it grants the same work with none of that reach.',
      fix: 'Replace the ClusterRoleBinding with a RoleBinding in each namespace the subject works in (a RoleBinding may reference a ClusterRole).',
      example: 'kind: RoleBinding\nmetadata:\n  name: team-a-edit\n  namespace: team-a\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: edit',
      references: [rbacReference, { standard: 'Kubernetes docs', title: 'User-facing roles', url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles' }],
      peers: { kubescape: 'C-0035' },
    },
    messages: {
      clusterWide: 'ClusterRoleBinding "{{name}}" grants ClusterRole {{role}} to {{subjects}} in every namespace: they can {{reach}}, kube-system included. Use a RoleBinding in each namespace that needs it.',
    },
  },
  checkObject({ object, report }) {
    const binding = bindingOf(object);
    if (!binding || object.kind !== 'ClusterRoleBinding' || binding.roleKind !== 'ClusterRole' || binding.subjects.length === 0) return;
    const role = PER_NAMESPACE[binding.roleName];
    if (!role) return;
    const subjects = binding.subjects.map(describeSubject).join(', ');
    report({ messageId: 'clusterWide', data: { name: object.name ?? '?', role: binding.roleName, subjects, reach: role.reach }, at: binding.roleNameNode, severity: role.severity });
  },
});
