import rule from '../../../shared/src/rules/seccomp-profile';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { baseline, restricted } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'RuntimeDefault on the pod covers every container', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        securityContext: {seccompProfile: {type: RuntimeDefault}}
        containers: [{name: a, securityContext: {}}, {name: b, securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}}]` },
    { name: 'unset is fine at baseline', settings: normalizeSettings({ podSecurity: { level: 'baseline' } }), code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        securityContext: {runAsNonRoot: true}
        containers: [{name: a}]` },
    { name: 'Windows pods are exempt from the restricted check from v1.25', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        os: {name: windows}
        securityContext: {runAsNonRoot: true}
        containers: [{name: a}]` },
    { name: 'a container without securityContext is left to missing-security-context', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers: [{name: a}]` },
  ],
  invalid: [
    {
      name: 'unset: RuntimeDefault is set on the pod (block)',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true # required
              containers:
                - name: a
      `,
      errors: [{ messageId: 'unset', data: { containers: 'container "a"', policy: restricted('Deployment') }, line: 6, column: 7, endColumn: 22, severity: 'warning' }],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true # required
                seccompProfile:
                  type: RuntimeDefault
              containers:
                - name: a
      `,
    },
    {
      name: 'Unconfined in a container is an error (baseline), replaced in place',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: a
              securityContext:
                seccompProfile:
                  type: "Unconfined"
      `,
      errors: [{ messageId: 'unconfined', data: { subject: 'Container "a"', value: '"Unconfined"', policy: baseline() }, line: 9, column: 17, endColumn: 29, severity: 'error' }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: a
              securityContext:
                seccompProfile:
                  type: "RuntimeDefault"
      `,
    },
    {
      name: 'a profile without a type, in JSON',
      code: '{"apiVersion": "v1", "kind": "Pod", "spec": {"securityContext": {"seccompProfile": {}}, "containers": [{"name": "a"}]}}\n',
      errors: [{ messageId: 'unconfined', data: { subject: 'The pod', value: '""', policy: baseline() }, line: 1, column: 66, endColumn: 82 }],
      output: '{"apiVersion": "v1", "kind": "Pod", "spec": {"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}, "containers": [{"name": "a"}]}}\n',
    },
    {
      name: 'before v1.19 the alpha annotations are what counts',
      settings: normalizeSettings({ podSecurity: { version: 'v1.18' } }),
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: unconfined
        spec:
          containers: [{name: a}]
      `,
      errors: [{ messageId: 'annotation', data: { annotation: 'seccomp.security.alpha.kubernetes.io/pod', value: '"unconfined"', policy: baseline('Pod', 'v1.18') }, line: 5, column: 47 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: runtime/default
        spec:
          containers: [{name: a}]
      `,
    },
    {
      // Fuzzer: replacing a block scalar took its line break with it, and the next key joined the line.
      name: 'a block scalar type is replaced up to its last line, its line breaks stay',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            seccompProfile:
              type: |
                Unconfined

            runAsNonRoot: true
          containers: [{name: a}]
      `,
      errors: [{ messageId: 'unconfined', data: { subject: 'The pod', value: '"Unconfined\\n"', policy: baseline() }, line: 6, column: 13 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            seccompProfile:
              type: RuntimeDefault

            runAsNonRoot: true
          containers: [{name: a}]
      `,
    },
  ],
});
