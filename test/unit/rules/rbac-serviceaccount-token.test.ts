import rule from '../../../shared/src/rules/rbac-serviceaccount-token';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'tokens for one named ServiceAccount', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: builder-token}
      rules:
        - apiGroups: [""]
          resources: [serviceaccounts/token]
          resourceNames: [builder]
          verbs: [create]` },
    { name: 'reading ServiceAccounts mints nothing', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: sa-reader}
      rules: [{apiGroups: [""], resources: [serviceaccounts], verbs: [get, list]}]` },
  ],
  invalid: [
    {
      name: 'create on every ServiceAccount token',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: token-minter}
        rules:
          - apiGroups: [""]
            resources: [serviceaccounts/token]
            verbs: [create]
      `,
      errors: [{ messageId: 'token', data: { index: 0, role: 'ClusterRole "token-minter"' }, line: 6, column: 17, endLine: 6, endColumn: 38, severity: 'warning' }],
      output: null,
    },
  ],
});
