import rule from '../../../shared/src/rules/run-as-non-root';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { restricted } from '../../harness/policy';
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
    { name: 'every container sets it', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        securityContext: {fsGroup: 2000}
        containers:
          - name: a
            securityContext: {runAsNonRoot: true}` },
    { name: 'user namespaces: from policy v1.35, root in the pod is not root on the node', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        hostUsers: false
        containers:
          - name: a
            securityContext: {runAsUser: 0}` },
    { name: 'runAsUser 0 is allowed before policy v1.23', settings: normalizeSettings({ podSecurity: { version: 'v1.22' } }), code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        securityContext: {runAsNonRoot: true, runAsUser: 0}
        containers: [{name: a}]` },
    { name: 'a baseline policy does not ask for it', settings: normalizeSettings({ podSecurity: { level: 'baseline' } }), code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        securityContext: {runAsNonRoot: false}
        containers: [{name: a}]` },
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
      errors: [{ messageId: 'rootUser', data: { subject: 'The pod', policy: restricted() }, line: 6, column: 16, endLine: 6, endColumn: 17 }],
      output: null,
    },
    {
      name: 'user namespaces do not help before policy v1.35',
      settings: normalizeSettings({ podSecurity: { version: 'v1.34' } }),
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          hostUsers: false
          securityContext: {runAsNonRoot: true}
          containers:
            - name: a
              securityContext: {runAsUser: 0}
      `,
      errors: [{ messageId: 'rootUser', data: { subject: 'Container "a"', policy: restricted('Pod', 'v1.34') }, line: 8, column: 36 }],
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
      errors: [{ messageId: 'explicitFalse', data: { subject: 'Container "a"', policy: restricted() }, line: 8, column: 23 }],
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
      name: 'a non-zero runAsUser alone does not satisfy the standard; fixed once, on the pod',
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
                  securityContext: {runAsUser: 1000}
                - name: b
                  securityContext: {readOnlyRootFilesystem: true}
      `,
      errors: [{ messageId: 'unset', data: { containers: 'containers "a", "b"', policy: restricted('Deployment') }, line: 6, column: 7, endLine: 6, endColumn: 22 }],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              securityContext:
                fsGroup: 2000
                runAsNonRoot: true
              containers:
                - name: a
                  securityContext: {runAsUser: 1000}
                - name: b
                  securityContext: {readOnlyRootFilesystem: true}
      `,
    },
    {
      name: 'a string "true" is not true; JSON stays JSON',
      code: '{"apiVersion": "v1", "kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"runAsNonRoot": "true"}}]}}\n',
      errors: [
        { messageId: 'invalid', data: { subject: 'Container "a"', value: '"true"', policy: restricted() }, line: 1, column: 111 },
      ],
      output: '{"apiVersion": "v1", "kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"runAsNonRoot": true}}]}}\n',
    },
    {
      name: 'a container without securityContext next to one with: the pod fix covers both',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext: {allowPrivilegeEscalation: false}
            - name: b
      `,
      errors: [{ messageId: 'unset', data: { containers: 'containers "a", "b"', policy: restricted() }, line: 3, column: 1, endColumn: 5 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext: {allowPrivilegeEscalation: false}
            - name: b
          securityContext:
            runAsNonRoot: true
      `,
    },
    {
      // Fuzzer: the block scalar's range ends after its line break; replacing it whole joined the next key to its line.
      name: 'an empty block scalar is replaced without eating its line break',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            runAsNonRoot: |2-
            runAsUser: 1000
          containers: [{name: a}]
      `,
      errors: [{ messageId: 'invalid', data: { subject: 'The pod', value: '""', policy: restricted() }, line: 5, column: 19 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            runAsNonRoot: true
            runAsUser: 1000
          containers: [{name: a}]
      `,
    },
    {
      // Fuzzer: a mapping where the boolean belongs was shown as [object Object].
      name: 'a mapping value is named as one, and replaced by the boolean',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            runAsNonRoot:
              enabled: true
            # a comment after the mapping stays
          containers: [{name: a}]
      `,
      errors: [{ messageId: 'invalid', data: { subject: 'The pod', value: 'a mapping', policy: restricted() }, line: 6, column: 7 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            runAsNonRoot: true
            # a comment after the mapping stays
          containers: [{name: a}]
      `,
    },
  ],
});
