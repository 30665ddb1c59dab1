import rule from '../../../shared/src/rules/rbac-escalation-verbs';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'bind narrowed to one role by name', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: binder}
      rules:
        - apiGroups: [rbac.authorization.k8s.io]
          resources: [clusterroles]
          resourceNames: [app-reader]
          verbs: [bind]` },
    { name: 'impersonate on a resource it does not apply to', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: odd}
      rules: [{apiGroups: [""], resources: [configmaps], verbs: [impersonate]}]` },
  ],
  invalid: [
    {
      name: 'cluster-wide escalate and impersonate of groups are errors',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: rbac-manager}
        rules:
          - apiGroups: [rbac.authorization.k8s.io]
            resources: [roles, clusterroles]
            verbs: [get, escalate]
          - apiGroups: [""]
            resources: [users, groups]
            verbs: [impersonate]
      `,
      errors: [
        { messageId: 'escalate', data: { index: 0, role: 'ClusterRole "rbac-manager"', targets: 'roles, clusterroles' }, line: 7, column: 18, endLine: 7, endColumn: 26, severity: 'error' },
        { messageId: 'impersonate', data: { index: 1, role: 'ClusterRole "rbac-manager"', targets: 'users, groups', whom: 'any user or group, system:masters included' }, line: 10, column: 13, endLine: 10, endColumn: 24, severity: 'error' },
      ],
      output: null,
    },
    {
      name: 'in a Role, bind and impersonation of ServiceAccounts are warnings',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: team-admin, namespace: team}
        rules:
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: [bind, impersonate]
      `,
      errors: [
        { messageId: 'bind', data: { index: 0, role: 'Role "team-admin"', targets: 'roles, clusterroles' }, line: 7, column: 13, severity: 'warning' },
        { messageId: 'impersonate', data: { index: 0, role: 'Role "team-admin"', targets: 'users, groups, serviceaccounts', whom: 'any of the users or groups or serviceaccounts in scope' }, line: 7, column: 19, severity: 'warning' },
      ],
    },
    {
      name: 'impersonating system:masters by name is still an error',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: sudo}
        rules:
          - apiGroups: [""]
            resources: [groups]
            resourceNames: ["system:masters"]
            verbs: [impersonate]
      `,
      errors: [{ messageId: 'impersonate', data: { index: 0, role: 'ClusterRole "sudo"', targets: 'groups', whom: 'the system:masters group, which bypasses all authorization' }, line: 8, column: 13, severity: 'error' }],
    },
  ],
});
