import rule from '../../../shared/src/rules/default-namespace';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'a namespace of its own', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}` },
    { name: 'cluster-scoped and custom kinds have no namespace to set', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: reader}
      ---
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: w}` },
    { name: 'objects the cluster creates in default', code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: kubernetes, namespace: default}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: default}` },
    { name: 'objects that govern the default namespace belong in it', code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: default-deny, namespace: default}
      spec: {podSelector: {}}` },
  ],
  invalid: [
    {
      name: 'explicit default is info, on the value',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: default # legacy
      `,
      errors: [{ messageId: 'explicit', data: { kind: 'Service', name: 'web' }, line: 5, column: 14, endLine: 5, endColumn: 21, severity: 'info' }],
      output: null,
    },
    {
      name: 'no namespace is only a hint, on the name',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
      `,
      errors: [{ messageId: 'missing', data: { kind: 'Job', name: 'migrate' }, line: 3, column: 18, endLine: 3, endColumn: 25, severity: 'hint' }],
    },
  ],
});
