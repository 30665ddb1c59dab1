import rule from '../../../shared/src/rules/host-namespaces';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { baseline, enforced, permitted } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'false and unset are fine', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        hostNetwork: false
        hostPID: no
        containers: [{name: a, image: nginx}]` },
    { name: 'the PSS controls are off at level privileged', settings: normalizeSettings({ podSecurity: { level: 'privileged' } }), code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        hostNetwork: true
        containers: [{name: a, image: nginx}]` },
  ],
  invalid: [
    {
      name: 'all three in a Deployment; comments survive',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: agent}
        spec:
          template:
            spec:
              hostNetwork: true # node agent
              hostPID: true
              hostIPC: yes
              containers: [{name: a, image: nginx}]
      `,
      errors: [
        { messageId: 'hostNetwork', data: { policy: baseline('Deployment') }, line: 7, column: 20, endLine: 7, endColumn: 24, severity: 'error' },
        { messageId: 'hostPID', data: { policy: baseline('Deployment') }, line: 8, column: 16 },
        { messageId: 'hostIPC', data: { policy: baseline('Deployment') }, line: 9, column: 16, endColumn: 19 },
      ],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: agent}
        spec:
          template:
            spec:
              containers: [{name: a, image: nginx}]
      `,
    },
    {
      name: 'flow style',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec: {hostNetwork: true, containers: [{name: a}]}
      `,
      errors: [{ messageId: 'hostNetwork', data: { policy: baseline() }, line: 3, column: 21 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec: {containers: [{name: a}]}
      `,
    },
    {
      name: 'JSON',
      code: '{"apiVersion": "v1", "kind": "Pod", "spec": {"containers": [{"name": "a"}], "hostPID": true}}\n',
      errors: [{ messageId: 'hostPID', data: { policy: baseline() }, line: 1, column: 88 }],
      output: '{"apiVersion": "v1", "kind": "Pod", "spec": {"containers": [{"name": "a"}]}}\n',
    },
    {
      name: 'a merged value is reported at the merge and overridden',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          <<: {hostIPC: true}
          containers: [{name: a}]
      `,
      errors: [{ messageId: 'hostIPC', data: { policy: baseline() }, line: 4, column: 7, endColumn: 22 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          <<: {hostIPC: true}
          containers: [{name: a}]
          hostIPC: false
      `,
    },
    {
      name: 'stays an error in a namespace that admits it: it hands over the node',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: agents
          labels:
            pod-security.kubernetes.io/enforce: privileged
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: agents}
        spec:
          hostNetwork: true
          containers: [{name: a}]
      `,
      errors: [{ messageId: 'hostNetwork', data: { policy: permitted('agents') }, line: 12, column: 16, severity: 'error' }],
    },
    {
      name: 'a namespace enforcing baseline rejects the pod',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: team
          labels: {pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.30}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: team}
        spec:
          hostPID: true
          containers: [{name: a}]
      `,
      errors: [{ messageId: 'hostPID', data: { policy: enforced('team', 'baseline:v1.30') }, line: 11, column: 12, severity: 'error' }],
    },
  ],
});
