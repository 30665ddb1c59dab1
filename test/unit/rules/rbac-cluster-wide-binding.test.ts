import rule from '../../../shared/src/rules/rbac-cluster-wide-binding';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'edit granted in one namespace', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: team-edit, namespace: team}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
      subjects: [{kind: Group, name: team}]` },
    { name: 'a custom ClusterRole needs the workspace to judge', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: nodes}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-reader}
      subjects: [{kind: Group, name: ops}]` },
  ],
  invalid: [
    {
      name: 'edit everywhere is a warning',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: devs-edit}
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: edit
        subjects:
          - {kind: Group, name: developers}
      `,
      errors: [{ messageId: 'clusterWide', data: { name: 'devs-edit', role: 'edit', subjects: 'Group developers', reach: 'read and write Secrets and run pods as any ServiceAccount in every namespace' }, line: 7, column: 9, endLine: 7, endColumn: 13, severity: 'warning' }],
      output: null,
    },
    {
      name: 'view everywhere is info',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: auditors}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: Group, name: auditors}]
      `,
      errors: [{ messageId: 'clusterWide', data: { name: 'auditors', role: 'view', subjects: 'Group auditors', reach: 'read every ConfigMap, pod spec and log in every namespace' }, line: 4, column: 73, severity: 'info' }],
    },
  ],
});
