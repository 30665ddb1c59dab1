import rule from '../../../shared/src/rules/capabilities-drop-all';
import { restricted } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'drop ALL with an add', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: a
            securityContext:
              capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}` },
    { name: 'Windows', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        os: {name: windows}
        containers:
          - name: a
            securityContext: {runAsNonRoot: true}` },
  ],
  invalid: [
    {
      name: 'drop list without ALL: ALL is appended in block style',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                capabilities:
                  drop:
                    - NET_RAW # keep
      `,
      errors: [{ messageId: 'notDropped', data: { container: 'a', policy: restricted() }, line: 8, column: 11, endLine: 8, endColumn: 15 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                capabilities:
                  drop:
                    - NET_RAW # keep
                    - ALL
      `,
    },
    {
      name: 'flow list, and lowercase all does not count',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext: {capabilities: {drop: [all]}}
      `,
      errors: [{ messageId: 'notDropped', data: { container: 'a', policy: restricted() }, line: 6, column: 40 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext: {capabilities: {drop: [all, ALL]}}
      `,
    },
    {
      name: 'securityContext without capabilities',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                runAsNonRoot: true
      `,
      errors: [{ messageId: 'notDropped', data: { container: 'a', policy: restricted() }, line: 6, column: 7 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                runAsNonRoot: true
                capabilities:
                  drop:
                    - ALL
      `,
    },
  ],
});
