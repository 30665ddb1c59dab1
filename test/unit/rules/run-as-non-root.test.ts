import rule from '../../../shared/src/rules/run-as-non-root';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'pod-level runAsNonRoot covers the containers', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        securityContext: {runAsNonRoot: true}
        containers:
          - name: a
            securityContext: {readOnlyRootFilesystem: true}
          - name: b
            securityContext: {}` },
    { name: 'an explicit non-zero UID cannot be root', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: a
            securityContext: {runAsUser: 1000}` },
    { name: 'user namespaces: root in the pod is not root on the node', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        hostUsers: false
        containers:
          - name: a
            securityContext: {runAsUser: 0}` },
  ],
  invalid: [
    {
      name: 'runAsUser 0 at pod level is reported once, on the pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            runAsNonRoot: true
            runAsUser: 0
          containers:
            - name: a
            - name: b
      `,
      errors: [{ messageId: 'rootUser', data: { container: 'a', from: 'pod' }, line: 6, column: 16, endLine: 6, endColumn: 17 }],
      output: null,
    },
    {
      name: 'container overrides a good pod value with false',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
            - name: a
              securityContext:
                runAsNonRoot: false # legacy image
      `,
      errors: [{ messageId: 'explicitFalse', data: { container: 'a', from: 'container' }, line: 8, column: 23 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
            - name: a
              securityContext:
                runAsNonRoot: true # legacy image
      `,
    },
    {
      name: 'unset in two containers: each may run as root, fixes on the container first',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              securityContext:
                fsGroup: 2000
              containers:
                - name: a
                - name: b
                  securityContext: {readOnlyRootFilesystem: true}
      `,
      errors: [
        { messageId: 'unset', data: { container: 'a' }, line: 9, column: 11 },
        { messageId: 'unset', data: { container: 'b' }, line: 11, column: 11, endLine: 11, endColumn: 26 },
      ],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              securityContext:
                fsGroup: 2000
              containers:
                - name: a
                  securityContext:
                    runAsNonRoot: true
                - name: b
                  securityContext: {readOnlyRootFilesystem: true, runAsNonRoot: true}
      `,
    },
  ],
});
