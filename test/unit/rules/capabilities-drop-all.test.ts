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
      name: 'a scalar where the capabilities map should be: reported on it, but no fix (a list would replace capabilities itself)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                capabilities: nope
      `,
      errors: [{ messageId: 'notDropped', data: { container: 'a', policy: restricted() }, line: 7, column: 23, endLine: 7, endColumn: 27 }],
      output: null,
    },
    {
      name: 'a map whose first key carries a tag (fuzz seed final-2026-12-07-c #22815): drop goes in at the tag\'s column, where the map\'s items start',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                capabilities:
                  ! add: [NET_BIND_SERVICE]
      `,
      errors: [{ messageId: 'notDropped', data: { container: 'a', policy: restricted() }, line: 7, column: 9, endLine: 7, endColumn: 21 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                capabilities:
                  ! add: [NET_BIND_SERVICE]
                  drop:
                    - ALL
      `,
    },
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
    {
      // Fuzzer: the items of an !!omap are pairs without a range; appending to it threw.
      name: 'an !!omap where the drop list belongs: no fix, no crash',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                capabilities:
                  drop: !!omap [a: 1]
      `,
      errors: [{ messageId: 'notDropped', data: { container: 'a', policy: restricted() }, line: 8, column: 11 }],
      output: null,
    },
    {
      // Fuzzer: the map's indentation was read from its first key, which `? ` puts two columns right.
      name: 'a map that starts with a complex key: new keys line up with the map',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                ? [complex, key]
                : value
      `,
      errors: [{ messageId: 'notDropped', data: { container: 'a', policy: restricted() }, line: 6, column: 7 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                ? [complex, key]
                : value
                capabilities:
                  drop:
                    - ALL
      `,
    },
    {
      // Fuzzer: a map whose last key has no value runs over the comments after it; the new key went after them.
      name: 'a map ending in an empty value and a comment: new keys go right after the map',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                runAsGroup:
                # set by the platform
              image: x
      `,
      errors: [{ messageId: 'notDropped', data: { container: 'a', policy: restricted() }, line: 6, column: 7 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                runAsGroup:
                capabilities:
                  drop:
                    - ALL
                # set by the platform
              image: x
      `,
    },
    {
      // A flow pair with no value (`{a, b}`) ends with its key: the new entry goes after it, not after the comma.
      name: 'a flow map whose last entry has no value',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext: {privileged: false, runAsGroup}
      `,
      errors: [{ messageId: 'notDropped', data: { container: 'a', policy: restricted() }, line: 6, column: 7 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext: {privileged: false, runAsGroup, capabilities: {drop: [ALL]}}
      `,
    },
  ],
});
