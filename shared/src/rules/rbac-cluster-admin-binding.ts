/** @file Bindings to the cluster-admin ClusterRole. */
import { defineRule, type Severity } from '../engine/rule';
import { bindingOf, describeSubject, rbacReference, serviceAccountOf, type Subject } from './support/rbac';

/** A workload identity: a ServiceAccount, or a group of them. */
function isWorkload(subject: Subject): boolean {
  return serviceAccountOf(subject) !== undefined || (subject.kind === 'Group' && subject.name.startsWith('system:serviceaccounts'));
}

export default defineRule({
  meta: {
    id: 'rbac-cluster-admin-binding',
    title: 'Binding to cluster-admin',
    severity: 'warning',
    category: 'rbac',
    docs: {
      summary: 'Flags RoleBindings and ClusterRoleBindings whose roleRef is the cluster-admin ClusterRole. A ClusterRoleBinding of it to a ServiceAccount is an error: a workload then owns the cluster.',
      why: 'cluster-admin allows every verb on every resource. Bound cluster-wide to a ServiceAccount, any code execution in a pod using it (a dependency bug, an exposed debug endpoint) reads every Secret and creates privileged pods on any node. Bound with a RoleBinding, it is full control of that namespace, Secrets and RoleBindings included.',
      fix: 'Bind a role that lists only what the subject needs; for people, use the built-in admin or edit roles per namespace. Keep cluster-admin for break-glass accounts.',
      references: [rbacReference, { standard: 'CIS', title: 'CIS Kubernetes Benchmark 5.1.1: Ensure that the cluster-admin role is only used where required', url: 'https://www.cisecurity.org/benchmark/kubernetes', control: '5.1.1' }],
      peers: { kubeLinter: 'cluster-admin-role-binding', polaris: 'clusterrolebindingClusterAdmin, rolebindingClusterAdminClusterRole', trivy: 'KSV-0111', kubescape: 'C-0035' },
    },
    messages: {
      workload: 'ClusterRoleBinding "{{name}}" makes {{subjects}} cluster-admin: any code running as it controls the whole cluster. Bind a role with only the permissions it needs.',
      cluster: 'ClusterRoleBinding "{{name}}" makes {{subjects}} cluster-admin. Keep cluster-admin for break-glass accounts and bind narrower roles.',
      namespace: 'RoleBinding "{{name}}" grants cluster-admin to {{subjects}}: full control of the namespace, Secrets and RoleBindings included. Use admin or edit, or a role with only what is needed.',
    },
  },
  checkObject({ object, report }) {
    const binding = bindingOf(object);
    if (!binding || binding.roleKind !== 'ClusterRole' || binding.roleName !== 'cluster-admin' || binding.subjects.length === 0) return;
    const subjects = binding.subjects.map(describeSubject).join(', ');
    const data = { name: object.name ?? '?', subjects };
    if (object.kind === 'RoleBinding') {
      report({ messageId: 'namespace', data, at: binding.roleNameNode });
      return;
    }
    const severity: Severity = binding.subjects.some(isWorkload) ? 'error' : 'warning';
    report({ messageId: severity === 'error' ? 'workload' : 'cluster', data, at: binding.roleNameNode, severity });
  },
});
