import rule from '../../../shared/src/rules/rbac-cluster-admin-binding';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'a narrower ClusterRole', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: app}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: app-reader}
      subjects: [{kind: ServiceAccount, name: app, namespace: app}]` },
    { name: 'a Role that happens to be called cluster-admin', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: confusing, namespace: team}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: cluster-admin}
      subjects: [{kind: ServiceAccount, name: app, namespace: team}]` },
    { name: 'no subjects grants nothing', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: empty}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}` },
  ],
  invalid: [
    {
      name: 'a ServiceAccount made cluster-admin is an error',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: ci-admin}
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin # TODO narrow
        subjects:
          - kind: ServiceAccount
            name: deployer
            namespace: ci
      `,
      errors: [{ messageId: 'workload', data: { name: 'ci-admin', subjects: 'ServiceAccount ci/deployer' }, line: 7, column: 9, endLine: 7, endColumn: 22, severity: 'error' }],
      output: null,
    },
    {
      name: 'people made cluster-admin are a warning',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: admins}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects: [{kind: Group, name: platform-team}]
      `,
      errors: [{ messageId: 'cluster', data: { name: 'admins', subjects: 'Group platform-team' }, line: 4, column: 73, severity: 'warning' }],
    },
    {
      name: 'a RoleBinding to cluster-admin is namespace-wide',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: team-admin, namespace: team}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects: [{kind: ServiceAccount, name: app, namespace: team}]
      `,
      errors: [{ messageId: 'namespace', data: { name: 'team-admin', subjects: 'ServiceAccount team/app' }, line: 4, column: 73, severity: 'warning' }],
    },
  ],
});
