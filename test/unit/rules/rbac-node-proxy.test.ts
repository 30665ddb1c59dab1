import rule from '../../../shared/src/rules/rbac-node-proxy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'kubelet metrics without proxy', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: metrics}
      rules:
        - apiGroups: [""]
          resources: [nodes, nodes/metrics, nodes/stats]
          verbs: [get, list, watch]` },
  ],
  invalid: [
    {
      name: 'even get is enough to exec through the kubelet',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: prometheus}
        rules:
          - apiGroups: [""]
            resources:
              - nodes
              - nodes/proxy
            verbs: [get]
      `,
      errors: [{ messageId: 'proxy', data: { index: 0, role: 'ClusterRole "prometheus"' }, line: 8, column: 9, endLine: 8, endColumn: 20, severity: 'error' }],
      output: null,
    },
    {
      name: 'through */proxy',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: proxy-all}
        rules: [{apiGroups: [""], resources: ["*/proxy"], verbs: [create]}]
      `,
      errors: [{ messageId: 'proxy', data: { index: 0, role: 'ClusterRole "proxy-all"' }, line: 4, column: 39, endLine: 4, endColumn: 48 }],
    },
  ],
});
