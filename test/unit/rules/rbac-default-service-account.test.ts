import rule from '../../../shared/src/rules/rbac-default-service-account';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'a dedicated ServiceAccount', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: app, namespace: team}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
      subjects: [{kind: ServiceAccount, name: app, namespace: team}]` },
    { name: 'a user who happens to be called default', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: odd, namespace: team}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
      subjects: [{kind: User, name: default}]` },
  ],
  invalid: [
    {
      name: 'the default ServiceAccount, by kind or by user name',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: lazy, namespace: team}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
        subjects:
          - kind: ServiceAccount
            name: default
          - kind: User
            name: system:serviceaccount:other:default
      `,
      errors: [
        { messageId: 'defaultAccount', data: { binding: 'RoleBinding "lazy"', role: 'Role "app"', where: ' of namespace team' }, line: 7, column: 11, endLine: 7, endColumn: 18, severity: 'warning' },
        { messageId: 'defaultAccount', data: { binding: 'RoleBinding "lazy"', role: 'Role "app"', where: ' of namespace other' }, line: 9, column: 11 },
      ],
      output: null,
    },
  ],
});
