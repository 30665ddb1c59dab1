import rule from '../../../shared/src/rules/rbac-risky-subject';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'named subjects', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: readers, namespace: team}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
      subjects:
        - {kind: Group, name: team-readers, apiGroup: rbac.authorization.k8s.io}
        - {kind: ServiceAccount, name: app, namespace: team}` },
    { name: 'the discovery roles Kubernetes binds to everyone anyway', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: public-info}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:public-info-viewer"}
      subjects:
        - {kind: Group, name: "system:unauthenticated", apiGroup: rbac.authorization.k8s.io}` },
  ],
  invalid: [
    {
      name: 'anonymous and unauthenticated are errors; removing them is the fix',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: open-door # temporary
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: view
        subjects:
          - kind: User
            name: system:anonymous
          - kind: Group
            name: ops # on-call
      `,
      errors: [{ messageId: 'anonymous', data: { binding: 'ClusterRoleBinding "open-door"', role: 'ClusterRole "view"', subject: 'user system:anonymous' }, line: 11, column: 11, endLine: 11, endColumn: 27, severity: 'error' }],
      output: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: open-door # temporary
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: view
        subjects:
          - kind: Group
            name: ops # on-call
      `,
    },
    {
      name: 'authenticated and all ServiceAccounts are warnings; system:masters is an error',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: wide, namespace: shared}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: editor}
        subjects: [{kind: Group, name: "system:authenticated"}, {kind: Group, name: "system:serviceaccounts"}, {kind: Group, name: "system:masters"}]
      `,
      errors: [
        { messageId: 'authenticated', data: { binding: 'RoleBinding "wide"', role: 'Role "editor"', subject: 'group system:authenticated' }, line: 5, column: 32, endLine: 5, endColumn: 54, severity: 'warning' },
        { messageId: 'serviceaccounts', data: { binding: 'RoleBinding "wide"', role: 'Role "editor"', subject: 'group system:serviceaccounts' }, line: 5, column: 77, severity: 'warning' },
        { messageId: 'masters', data: { binding: 'RoleBinding "wide"', role: 'Role "editor"', subject: 'group system:masters' }, line: 5, column: 124, severity: 'error' },
      ],
      output: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: wide, namespace: shared}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: editor}
        subjects: [{kind: Group, name: "system:masters"}]
      `,
    },
    {
      name: 'the only subject leaves an empty list',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: anon}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects:
          - {kind: Group, name: "system:unauthenticated"}
      `,
      errors: [{ messageId: 'anonymous', data: { binding: 'ClusterRoleBinding "anon"', role: 'ClusterRole "edit"', subject: 'group system:unauthenticated' }, line: 6, column: 25 }],
      output: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: anon}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects: []
      `,
    },
  ],
});
