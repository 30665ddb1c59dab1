import rule from '../../../shared/src/rules/invalid-pod-security-label';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'valid levels and versions', code: yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels:
          pod-security.kubernetes.io/enforce: baseline
          pod-security.kubernetes.io/enforce-version: v1.30
          pod-security.kubernetes.io/warn: restricted
          pod-security.kubernetes.io/audit-version: latest` },
  ],
  invalid: [
    {
      name: 'a misspelled enforce level fails closed; a warn level fails open',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforce: baselne # typo
            pod-security.kubernetes.io/warn: "Restricted"
      `,
      errors: [
        { messageId: 'enforceLevel', data: { label: 'pod-security.kubernetes.io/enforce', value: '"baselne"', namespace: 'shop', suggestion: ' Did you mean baseline?' }, line: 6, column: 41, endColumn: 48, severity: 'error' },
        { messageId: 'openLevel', data: { label: 'pod-security.kubernetes.io/warn', value: '"Restricted"', namespace: 'shop', mode: 'warns', what: 'warnings', suggestion: ' Did you mean restricted?' }, line: 7, column: 38 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforce: baseline # typo
            pod-security.kubernetes.io/warn: "restricted"
      `,
    },
    {
      name: 'versions: 1.30 (a float in YAML) and v1.x',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforce: baseline
            pod-security.kubernetes.io/enforce-version: 1.30
            pod-security.kubernetes.io/audit-version: v1.x
      `,
      errors: [
        { messageId: 'version', data: { label: 'pod-security.kubernetes.io/enforce-version', value: '"1.30"', namespace: 'shop', suggestion: ' Did you mean v1.30?' }, line: 7, column: 49 },
        { messageId: 'version', data: { label: 'pod-security.kubernetes.io/audit-version', value: '"v1.x"', namespace: 'shop', suggestion: '' }, line: 8, column: 47 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforce: baseline
            pod-security.kubernetes.io/enforce-version: v1.30
            pod-security.kubernetes.io/audit-version: v1.x
      `,
    },
    {
      name: 'a label name admission does not know is renamed',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforced: restricted
      `,
      errors: [{ messageId: 'unknownLabel', data: { label: 'pod-security.kubernetes.io/enforced', namespace: 'shop', suggestion: ' Did you mean pod-security.kubernetes.io/enforce?' }, line: 6, column: 5, endColumn: 40 }],
      output: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforce: restricted
      `,
    },
    {
      name: 'fixing the level is withheld while it would change which pods of the file are rejected',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: Baseline}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: shop}
        spec: {containers: [{name: a}]}
      `,
      errors: [{ messageId: 'enforceLevel', data: { label: 'pod-security.kubernetes.io/enforce', value: '"Baseline"', namespace: 'shop', suggestion: ' Did you mean baseline?' }, line: 3, column: 69 }],
      output: null,
    },
  ],
});
