import rule from '../../../shared/src/rules/rbac-mixed-read-write';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'separate reader and writer rules', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: split}
      rules:
        - apiGroups: [""]
          resources: [configmaps]
          verbs: [get, list, watch]
        - apiGroups: [""]
          resources: [events]
          verbs: [create, patch]` },
    { name: 'a * verb is left to rbac-wildcard', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: star}
      rules: [{apiGroups: [""], resources: [configmaps], verbs: [get, "*"]}]` },
  ],
  invalid: [
    {
      name: 'reported once per role, on the first write verb of the first mixing rule',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: controller}
        rules:
          - apiGroups: [""]
            resources: [configmaps, secrets]
            verbs: [get, list, update, delete]
          - apiGroups: [apps]
            resources: [deployments]
            verbs: [watch, patch]
      `,
      errors: [{ messageId: 'mixed', data: { index: 0, role: 'ClusterRole "controller"', read: 'get, list', write: 'update, delete', resources: 'configmaps, secrets', others: ' (and 1 more rule)' }, line: 7, column: 24, endLine: 7, endColumn: 30, severity: 'info' }],
      output: null,
    },
  ],
});
