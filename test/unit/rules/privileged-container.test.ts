import rule from '../../../shared/src/rules/privileged-container';
import { baseline } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'no securityContext', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: app
            image: nginx` },
    { name: 'privileged false', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: app
            securityContext: {privileged: false}` },
    { name: 'quoted "true" is a string, which the API server rejects, not a privileged pod', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: app
            securityContext:
              privileged: "true"` },
    { name: 'not a workload kind', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      data:
        privileged: "true"` },
    { name: 'not Kubernetes at all', code: yaml`
      containers:
        - name: app
          securityContext: {privileged: true}` },
  ],
  invalid: [
    {
      name: 'Deployment, block style, comments kept',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web # owner
        spec:
          template:
            spec:
              containers:
                - name: app
                  securityContext:
                    privileged: true # needed? no
      `,
      errors: [{ messageId: 'privileged', data: { container: 'app', policy: baseline('Deployment') }, line: 11, column: 25, endLine: 11, endColumn: 29, severity: 'error' }],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web # owner
        spec:
          template:
            spec:
              containers:
                - name: app
                  securityContext:
                    privileged: false # needed? no
      `,
    },
    {
      name: 'YAML 1.1 yes in an init container of a CronJob',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                    - {name: init, securityContext: {privileged: yes}}
      `,
      errors: [{ messageId: 'privileged', data: { container: 'init', policy: baseline('CronJob') }, line: 10, column: 58, endLine: 10, endColumn: 61 }],
      output: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                    - {name: init, securityContext: {privileged: false}}
      `,
    },
    {
      name: 'value from a merge key: reported on the merge, fixed by an override in the container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: app
              securityContext:
                <<: &loose {privileged: on}
            - name: other
              securityContext:
                <<: *loose
      `,
      errors: [
        { messageId: 'privileged', data: { container: 'app', policy: baseline() }, line: 8, column: 20 },
        { messageId: 'privileged', data: { container: 'other', policy: baseline() }, line: 11, column: 13, endLine: 11, endColumn: 19 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: app
              securityContext:
                <<: &loose {privileged: on}
                privileged: false
            - name: other
              securityContext:
                <<: *loose
                privileged: false
      `,
    },
    {
      name: 'ephemeral container in a JSON manifest keeps JSON',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"ephemeralContainers": [{"name": "debug", "securityContext": {"privileged": true}}]}}\n',
      errors: [{ messageId: 'privileged', data: { container: 'debug', policy: baseline() }, line: 2, column: 87, endLine: 2, endColumn: 91 }],
      output: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"ephemeralContainers": [{"name": "debug", "securityContext": {"privileged": false}}]}}\n',
    },
  ],
});
