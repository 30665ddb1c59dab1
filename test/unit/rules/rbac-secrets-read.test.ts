import rule from '../../../shared/src/rules/rbac-secrets-read';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'get narrowed to named Secrets', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: tls-reader}
      rules:
        - apiGroups: [""]
          resources: [secrets]
          resourceNames: [web-tls]
          verbs: [get]` },
    { name: 'write without read, and secrets of another API group', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: writer}
      rules:
        - apiGroups: [""]
          resources: [secrets]
          verbs: [create]
        - apiGroups: [example.com]
          resources: [secrets]
          verbs: [get]` },
    { name: 'a * resource is left to rbac-wildcard', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: all}
      rules:
        - apiGroups: [""]
          resources: ["*"]
          verbs: [get]` },
  ],
  invalid: [
    {
      name: 'list and watch cannot be narrowed by name',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: watcher}
        rules:
          - apiGroups: [""]
            resources:
              - configmaps
              - secrets # for the cache
            resourceNames: [one]
            verbs: [list, watch]
      `,
      errors: [{ messageId: 'read', data: { index: 0, role: 'ClusterRole "watcher"', verbs: 'list, watch' }, line: 8, column: 9, endLine: 8, endColumn: 16, severity: 'warning' }],
      output: null,
    },
    {
      name: 'every verb through *',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: ops}
        rules:
          - apiGroups: ["*"]
            resources: [secrets]
            verbs: ["*"]
      `,
      errors: [{ messageId: 'read', data: { index: 0, role: 'Role "ops"', verbs: '*' }, line: 6, column: 17, endLine: 6, endColumn: 24 }],
    },
  ],
});
