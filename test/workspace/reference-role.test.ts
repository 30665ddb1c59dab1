import rule from '../../shared/src/rules/reference-role';
import { runWorkspaceRuleTests } from '../harness/workspaceTester';
import { named } from './fixtures';

const RBAC = 'rbac.authorization.k8s.io/v1';
const binding = (kind: string, name: string, roleKind: string, role: string, namespace?: string) =>
  [`apiVersion: ${RBAC}`, `kind: ${kind}`, 'metadata:', `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []), 'roleRef:', `  apiGroup: rbac.authorization.k8s.io`, `  kind: ${roleKind}`, `  name: ${role}`, 'subjects: [{kind: User, name: jane}]', ''].join('\n');

runWorkspaceRuleTests(rule, {
  valid: [
    { name: 'a Role of the same namespace in another file', files: { 'role.yaml': named(RBAC, 'Role', 'reader', 'shop'), 'rb.yaml': binding('RoleBinding', 'rb', 'Role', 'reader', 'shop') } },
    { name: 'a Role without a namespace lands wherever it is applied', files: { 'role.yaml': named(RBAC, 'Role', 'reader'), 'rb.yaml': binding('RoleBinding', 'rb', 'Role', 'reader', 'shop') } },
    { name: 'a ClusterRole in another file', files: { 'cr.yaml': named(RBAC, 'ClusterRole', 'auditor'), 'crb.yaml': binding('ClusterRoleBinding', 'crb', 'ClusterRole', 'auditor') } },
    { name: 'built-in ClusterRoles', files: { 'rb.yaml': [binding('RoleBinding', 'a', 'ClusterRole', 'view', 'shop'), binding('RoleBinding', 'b', 'ClusterRole', 'edit', 'shop'), binding('ClusterRoleBinding', 'c', 'ClusterRole', 'system:auth-delegator')].join('---\n') } },
  ],
  invalid: [
    {
      name: 'a Role of another namespace does not count',
      files: { 'role.yaml': named(RBAC, 'Role', 'reader', 'other'), 'rb.yaml': binding('RoleBinding', 'rb', 'Role', 'reader', 'shop') },
      errors: [{ file: 'rb.yaml', messageId: 'missing', data: { bindingKind: 'RoleBinding', binding: 'rb', roleKind: 'Role', role: 'reader' }, line: 9, column: 9, severity: 'warning' }],
      output: null,
    },
    {
      name: 'a ClusterRole typo',
      files: { 'cr.yaml': named(RBAC, 'ClusterRole', 'auditor'), 'crb.yaml': binding('ClusterRoleBinding', 'crb', 'ClusterRole', 'auditer') },
      errors: [{ file: 'crb.yaml', messageId: 'missing', data: { bindingKind: 'ClusterRoleBinding', binding: 'crb', roleKind: 'ClusterRole', role: 'auditer' }, line: 8, column: 9 }],
    },
  ],
});
