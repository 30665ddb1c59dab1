import rule from '../../../shared/src/rules/allow-privilege-escalation';
import { restricted } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'explicit false', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: app
            securityContext: {allowPrivilegeEscalation: false}` },
    { name: 'no securityContext at all is left to missing-security-context', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: app` },
    { name: 'securityContext with no value counts as none', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: app
            securityContext:
            image: x` },
    { name: 'Windows pods are exempt', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        os: {name: windows}
        containers:
          - name: app
            securityContext: {}` },
  ],
  invalid: [
    {
      name: 'a !!set as the securityContext (fuzz #4484 of seed final-2026-11-23-s4): reported, but no fix, since a set holds no values',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: app
              securityContext: !!set {a, b}
      `,
      errors: [{ messageId: 'unset', data: { container: 'app', policy: restricted() }, line: 6, column: 7, endLine: 6, endColumn: 22 }],
      output: null,
    },
    {
      name: 'a scalar where the securityContext map should be (fuzz seed final-2026-12-07-b #6035): reported on it, but no fix (setting the scalar to false would write securityContext: false)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: app
              securityContext: oops
      `,
      errors: [{ messageId: 'invalid', data: { container: 'app', policy: restricted(), value: '"oops"' }, line: 6, column: 24, endLine: 6, endColumn: 28 }],
      output: null,
    },
    {
      name: 'a value after a lone CR (fuzz seed final-2026-12-07-g #26757): the fix keeps a space after the colon, where yaml read the CR',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        allowPrivilegeEscalation:\rtrue\n',
      errors: [{ messageId: 'invalid', data: { container: 'app', policy: restricted(), value: '"\\rtrue"' }, line: 7, column: 34, endLine: 7, endColumn: 39 }],
      output: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        allowPrivilegeEscalation: false\n',
    },
    {
      name: 'a comment after a lone CR, which yaml reads into the value: the fix keeps the comment a space away',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        allowPrivilegeEscalation: true\r#note\n',
      errors: [{ messageId: 'invalid', data: { container: 'app', policy: restricted(), value: '"true\\r"' }, line: 7, column: 35 }],
      output: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        allowPrivilegeEscalation: false #note\n',
    },
    {
      name: 'explicit true, CRLF line endings',
      code: 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: app\r\n      securityContext:\r\n        allowPrivilegeEscalation: true\r\n',
      errors: [{ messageId: 'allowed', data: { container: 'app', policy: restricted() }, line: 7, column: 35, endLine: 7, endColumn: 39 }],
      output: 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: app\r\n      securityContext:\r\n        allowPrivilegeEscalation: false\r\n',
    },
    {
      name: 'unset with a pod securityContext: inserted into the container',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
              containers:
                - name: agent
                  image: agent:1.0 # pinned
      `,
      errors: [{ messageId: 'unset', data: { container: 'agent', policy: restricted('DaemonSet') }, line: 9, column: 11 }],
      output: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
              containers:
                - name: agent
                  image: agent:1.0 # pinned
                  securityContext:
                    allowPrivilegeEscalation: false
      `,
    },
    {
      name: 'empty securityContext map: reported on its key, filled in flow style',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: app
              securityContext: {}
      `,
      errors: [{ messageId: 'unset', data: { container: 'app', policy: restricted() }, line: 6, column: 7, endLine: 6, endColumn: 22 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: app
              securityContext: {allowPrivilegeEscalation: false}
      `,
    },
    {
      // Fuzzer: a list where the boolean belongs was shown as its first item, a mapping as [object Object].
      name: 'a list value is named as one',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                allowPrivilegeEscalation: [false]
      `,
      errors: [{ messageId: 'invalid', data: { container: 'a', value: 'a list', policy: restricted() }, line: 7, column: 35 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                allowPrivilegeEscalation: false
      `,
    },
  ],
});
