/** @file Permissions bound to a namespace's default ServiceAccount go to every pod that names none. */
import { defineRule } from '../engine/rule';
import { bindingOf, rbacReference, serviceAccountOf } from './support/rbac';

export default defineRule({
  meta: {
    id: 'rbac-default-service-account',
    title: 'Role bound to a default ServiceAccount',
    severity: 'warning',
    category: 'rbac',
    docs: {
      summary: 'Flags RoleBinding and ClusterRoleBinding subjects that are the ServiceAccount named default (also written as user system:serviceaccount:<namespace>:default).',
      why: 'Every pod that does not set serviceAccountName runs as its namespace\'s default ServiceAccount and, unless automounting is off, carries its token. Permissions bound to it go to every such pod, including ones added later for unrelated reasons; one compromised sidecar or debug pod inherits them.',
      fix: 'Create a dedicated ServiceAccount for the workload that needs the permissions, bind the role to it, and set serviceAccountName in that workload\'s pod spec.',
      example: 'subjects:\n  - kind: ServiceAccount\n    name: report-generator\n    namespace: reports',
      references: [rbacReference, { standard: 'CIS', title: 'CIS Kubernetes Benchmark 5.1.5: Ensure that default service accounts are not actively used', url: 'https://www.cisecurity.org/benchmark/kubernetes', control: '5.1.5' }],
      peers: { kubeLinter: 'default-service-account', checkov: 'CKV_K8S_42', kubescape: 'C-0189' },
    },
    messages: {
      defaultAccount: '{{binding}} grants {{role}} to the default ServiceAccount{{where}}: every pod there without its own ServiceAccount gets these permissions. Bind a dedicated ServiceAccount instead.',
    },
  },
  checkObject({ object, report }) {
    const binding = bindingOf(object);
    if (!binding) return;
    for (const subject of binding.subjects) {
      const account = serviceAccountOf(subject);
      if (account?.name !== 'default') continue;
      const namespace = account.namespace ?? object.namespace;
      report({
        messageId: 'defaultAccount',
        data: { binding: `${object.kind} "${object.name ?? '?'}"`, role: `${binding.roleKind} "${binding.roleName}"`, where: namespace ? ` of namespace ${namespace}` : '' },
        at: subject.at,
      });
    }
  },
});
