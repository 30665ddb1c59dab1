import rule from '../../../shared/src/rules/proc-mount';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { baseline, restricted } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'Default', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers: [{name: a, securityContext: {procMount: Default}}]` },
    { name: 'baseline waives it for user-namespace pods from v1.35', settings: normalizeSettings({ podSecurity: { level: 'baseline' } }), code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        hostUsers: false
        containers: [{name: a, securityContext: {procMount: Unmasked}}]` },
  ],
  invalid: [
    {
      name: 'Unmasked: removed',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: builder
              securityContext:
                procMount: Unmasked # for buildkit
                runAsNonRoot: true
      `,
      errors: [{ messageId: 'unmasked', data: { container: 'builder', value: '"Unmasked"', policy: baseline() }, line: 7, column: 20, endColumn: 28, severity: 'error' }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: builder
              securityContext:
                runAsNonRoot: true
      `,
    },
    {
      name: 'restricted keeps it for user-namespace pods (procMount_restricted)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          hostUsers: false
          containers: [{name: a, securityContext: {procMount: Unmasked}}]
      `,
      errors: [{ messageId: 'unmasked', data: { container: 'a', value: '"Unmasked"', policy: restricted() }, line: 5, column: 55, severity: 'warning' }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          hostUsers: false
          containers: [{name: a, securityContext: {}}]
      `,
    },
  ],
});
