import rule from '../../../shared/src/rules/namespace-pod-security';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'enforced and pinned', code: yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels:
          pod-security.kubernetes.io/enforce: restricted
          pod-security.kubernetes.io/enforce-version: v1.33` },
    { name: 'system namespaces are left to the control plane', code: yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: kube-system}` },
    { name: 'an invalid level is invalid-pod-security-label\'s', code: yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: strict}}` },
  ],
  invalid: [
    {
      name: 'no labels at all: enforce baseline pinned to the configured version, warn restricted',
      settings: normalizeSettings({ podSecurity: { version: 'v1.31' } }),
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop # storefront
      `,
      errors: [{ messageId: 'noEnforce', data: { namespace: 'shop', version: 'v1.31' }, line: 4, column: 9, endColumn: 13, severity: 'warning' }],
      output: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop # storefront
          labels:
            pod-security.kubernetes.io/enforce: baseline
            pod-security.kubernetes.io/enforce-version: v1.31
            pod-security.kubernetes.io/warn: restricted
            pod-security.kubernetes.io/warn-version: latest
      `,
    },
    {
      name: 'labels without enforce, a warn label kept; flow style',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: a, pod-security.kubernetes.io/warn: baseline}}
      `,
      errors: [{ messageId: 'noEnforce', data: { namespace: 'shop', version: 'v1.37' }, line: 3, column: 24 }],
      output: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: a, pod-security.kubernetes.io/warn: baseline, pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.37}}
      `,
    },
    {
      name: 'a labels key with no colon in a flow map (fuzz #28408): the fix writes the colon',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels}
      `,
      errors: [{ messageId: 'noEnforce', data: { namespace: 'shop', version: 'v1.37' }, line: 3, column: 24, endColumn: 30 }],
      output: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.37, pod-security.kubernetes.io/warn: restricted, pod-security.kubernetes.io/warn-version: latest}}
      `,
    },
    {
      name: 'an explicit key with no value (? labels): the value goes under the ?',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          ? labels
      `,
      errors: [{ messageId: 'noEnforce', data: { namespace: 'shop', version: 'v1.37' }, line: 5, column: 5 }],
      output: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          ? labels
          : {pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.37, pod-security.kubernetes.io/warn: restricted, pod-security.kubernetes.io/warn-version: latest}
      `,
    },
    {
      name: 'a workload in the file would be rejected: no fix, and the message says which',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: agents}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: node-agent, namespace: agents}
        spec:
          template:
            spec:
              hostPID: true
              containers: [{name: a}]
      `,
      errors: [{ messageId: 'noEnforceBlocked', data: { namespace: 'agents', version: 'v1.37', workloads: 'DaemonSet/node-agent' }, line: 3, column: 18 }],
      output: null,
    },
    {
      name: 'unpinned version: info, pinned to the newest version kubeguard knows',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforce: baseline
      `,
      errors: [{ messageId: 'unpinned', data: { namespace: 'shop', level: 'baseline', current: 'unset', version: 'v1.37' }, line: 6, column: 41, severity: 'info' }],
      output: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            pod-security.kubernetes.io/enforce: baseline
            pod-security.kubernetes.io/enforce-version: v1.37
      `,
    },
    {
      name: 'enforce-version latest counts as unpinned; enforce privileged is noted',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: a
          labels: {pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/enforce-version: latest}
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: b
          labels: {pod-security.kubernetes.io/enforce: privileged}
      `,
      errors: [
        { messageId: 'unpinned', data: { namespace: 'a', level: 'restricted', current: '"latest"', version: 'v1.37' }, line: 5, column: 104 },
        { messageId: 'privileged', data: { namespace: 'b' }, line: 11, column: 48, severity: 'info' },
      ],
      output: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: a
          labels: {pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/enforce-version: v1.37}
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: b
          labels: {pod-security.kubernetes.io/enforce: privileged}
      `,
    },
  ],
});
