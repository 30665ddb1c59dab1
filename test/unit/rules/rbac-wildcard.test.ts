import rule from '../../../shared/src/rules/rbac-wildcard';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'explicit groups, resources and verbs', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: reader}
      rules:
        - apiGroups: [""]
          resources: [configmaps, pods/log]
          verbs: [get, list, watch]` },
    { name: 'a star outside RBAC kinds is not a grant', code: yaml`
      apiVersion: example.com/v1
      kind: Role
      rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]` },
    { name: 'a copy of a bootstrap ClusterRole is Kubernetes\u2019 own', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: cluster-admin}
      rules:
        - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
        - {nonResourceURLs: ["*"], verbs: ["*"]}` },
    { name: 'an aggregated ClusterRole has no rules of its own', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: monitoring}
      aggregationRule:
        clusterRoleSelectors: [{matchLabels: {rbac.example.com/aggregate-to-monitoring: "true"}}]` },
  ],
  invalid: [
    {
      name: 'everything wildcarded is reported once, on the verb; the fix keeps the quotes and block style',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: god # do not use
        rules:
          - apiGroups: ['*']
            resources: ['*']
            verbs:
              - '*' # everything
      `,
      errors: [{ messageId: 'everything', data: { index: 0, role: 'ClusterRole "god"', scope: 'cluster-admin when bound with a ClusterRoleBinding' }, line: 9, column: 9, endLine: 9, endColumn: 12, severity: 'warning' }],
      output: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: god # do not use
        rules:
          - apiGroups: ['*']
            resources: ['*']
            verbs:
              - 'get'
              - 'list'
              - 'watch' # everything
      `,
    },
    {
      name: 'each wildcard on its own item; a flow list keeps the verbs it has',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: app, namespace: team}
        rules:
          - apiGroups: ["*"]
            resources: [deployments]
            verbs: [get]
          - apiGroups: [""]
            resources: ["*"]
            verbs: [list, "*"]
      `,
      errors: [
        { messageId: 'apiGroups', data: { index: 0, role: 'Role "app"' }, line: 5, column: 17, endLine: 5, endColumn: 20 },
        { messageId: 'resources', data: { index: 1, role: 'Role "app"' }, line: 9, column: 17, endLine: 9, endColumn: 20 },
        { messageId: 'verbs', data: { index: 1, role: 'Role "app"' }, line: 10, column: 19, endLine: 10, endColumn: 22 },
      ],
      output: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: app, namespace: team}
        rules:
          - apiGroups: ["*"]
            resources: [deployments]
            verbs: [get]
          - apiGroups: [""]
            resources: ["*"]
            verbs: [list, "get", "watch"]
      `,
    },
    {
      name: 'a star among all read verbs is simply removed',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: app}
        rules:
          - apiGroups: [apps]
            resources: [deployments]
            verbs: [get, list, watch, "*"]
      `,
      errors: [{ messageId: 'verbs', data: { index: 0, role: 'Role "app"' }, line: 7, column: 31 }],
      output: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: app}
        rules:
          - apiGroups: [apps]
            resources: [deployments]
            verbs: [get, list, watch]
      `,
    },
    {
      name: 'a non-resource URL wildcard is one finding, its verbs are not reported again',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: urls}
        rules:
          - nonResourceURLs: ["*"]
            verbs: ["*"]
      `,
      errors: [{ messageId: 'nonResourceURLs', data: { index: 0, role: 'ClusterRole "urls"' }, line: 5, column: 23, endLine: 5, endColumn: 26 }],
      output: null,
    },
    {
      name: 'a shared (anchored or aliased) verb list is reported where each rule uses it, and not rewritten',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: app}
        rules:
          - apiGroups: [apps]
            resources: [deployments]
            verbs: &all ["*"]
          - apiGroups: [batch]
            resources: [jobs]
            verbs: *all
      `,
      errors: [
        { messageId: 'verbs', data: { index: 0, role: 'Role "app"' }, line: 7, column: 18, endLine: 7, endColumn: 21 },
        { messageId: 'verbs', data: { index: 1, role: 'Role "app"' }, line: 10, column: 12, endLine: 10, endColumn: 16 },
      ],
      output: null,
    },
  ],
});
