import rule from '../../../shared/src/rules/rbac-pod-exec';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'reading logs is not exec', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: logs}
      rules:
        - apiGroups: [""]
          resources: [pods, pods/log]
          verbs: [get, list]` },
    { name: 'exec narrowed to one pod by name', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: debug-one}
      rules:
        - apiGroups: [""]
          resources: [pods/exec]
          resourceNames: [toolbox-0]
          verbs: [create]` },
    { name: 'watch on exec does not open a stream', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: odd}
      rules: [{apiGroups: [""], resources: [pods/exec], verbs: [watch]}]` },
  ],
  invalid: [
    {
      name: 'exec and portforward items, each on its own',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: debugger}
        rules:
          - apiGroups: [""]
            resources: [pods, pods/exec, pods/portforward]
            verbs: [get, create]
      `,
      errors: [
        { messageId: 'stream', data: { index: 0, role: 'ClusterRole "debugger"', what: 'pods/exec' }, line: 6, column: 23, endLine: 6, endColumn: 32, severity: 'warning' },
        { messageId: 'stream', data: { index: 0, role: 'ClusterRole "debugger"', what: 'pods/portforward' }, line: 6, column: 34, endLine: 6, endColumn: 50 },
      ],
      output: null,
    },
    {
      name: 'pods/* covers all three subresources in one finding',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: all-sub}
        rules:
          - apiGroups: [""]
            resources: ["pods/*"]
            verbs: [get]
      `,
      errors: [{ messageId: 'stream', data: { index: 0, role: 'Role "all-sub"', what: 'pods/exec, pods/attach, pods/portforward' }, line: 6, column: 17 }],
    },
  ],
});
