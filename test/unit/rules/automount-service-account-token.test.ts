import rule from '../../../shared/src/rules/automount-service-account-token';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'false on the pod', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        automountServiceAccountToken: false
        containers: [{name: a}]` },
    { name: 'false on its ServiceAccount in the same file', code: yaml`
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: web, namespace: shop}
      automountServiceAccountToken: false
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          spec:
            serviceAccountName: web
            containers: [{name: a}]` },
  ],
  invalid: [
    {
      name: 'unset: reported on serviceAccountName; a ServiceAccount in another namespace does not count',
      code: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: web, namespace: other}
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: shop}
        spec:
          serviceAccountName: web # app identity
          containers: [{name: a}]
      `,
      errors: [{ messageId: 'unset', data: { account: 'web' }, line: 10, column: 23, endColumn: 26, severity: 'info' }],
      output: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: web, namespace: other}
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: shop}
        spec:
          serviceAccountName: web # app identity
          containers: [{name: a}]
          automountServiceAccountToken: false
      `,
    },
    {
      name: 'explicit true wins over the ServiceAccount',
      code: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: default}
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: Pod
        spec: {automountServiceAccountToken: true, containers: [{name: a}]}
      `,
      errors: [{ messageId: 'explicit', data: { account: 'default' }, line: 8, column: 38 }],
      output: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: default}
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: Pod
        spec: {automountServiceAccountToken: false, containers: [{name: a}]}
      `,
    },
    {
      // Fuzzer: lines below a multi-line `? key` (after a comment) belong to no node; the new key went above them.
      name: 'new keys go past deeper-indented lines that continue the last entry',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: a}]
          ?   # a comment
              first line of a key
                # another comment
                continued
      `,
      errors: [{ messageId: 'unset', data: { account: 'default' }, line: 3, column: 1 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: a}]
          ?   # a comment
              first line of a key
                # another comment
                continued
          automountServiceAccountToken: false
      `,
    },
  ],
});
