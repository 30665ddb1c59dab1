import rule from '../../../shared/src/rules/rbac-admission-config';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'reading webhook configurations', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: inventory}
      rules:
        - apiGroups: [admissionregistration.k8s.io]
          resources: [mutatingwebhookconfigurations, validatingwebhookconfigurations]
          verbs: [list, watch]` },
    { name: 'caBundle injection into its own webhook, by name', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: cainjector}
      rules:
        - apiGroups: [admissionregistration.k8s.io]
          resources: [validatingwebhookconfigurations]
          resourceNames: [my-webhook]
          verbs: [get, update, patch]` },
  ],
  invalid: [
    {
      name: 'mutating is an error, validating a warning',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: webhook-admin}
        rules:
          - apiGroups: [admissionregistration.k8s.io]
            resources:
              - validatingwebhookconfigurations
              - mutatingwebhookconfigurations
            verbs: [create, update]
      `,
      errors: [
        { messageId: 'write', data: { index: 0, role: 'ClusterRole "webhook-admin"', resource: 'validatingwebhookconfigurations', power: 'switch off or bypass admission checks' }, line: 7, column: 9, endLine: 7, endColumn: 40, severity: 'warning' },
        { messageId: 'write', data: { index: 0, role: 'ClusterRole "webhook-admin"', resource: 'mutatingwebhookconfigurations', power: 'rewrite every object the cluster admits, pods included' }, line: 8, column: 9, endLine: 8, endColumn: 38, severity: 'error' },
      ],
      output: null,
    },
    {
      name: 'create ignores resourceNames',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: policy-writer}
        rules:
          - apiGroups: [admissionregistration.k8s.io]
            resources: [validatingadmissionpolicies]
            resourceNames: [mine]
            verbs: [create]
      `,
      errors: [{ messageId: 'write', data: { index: 0, role: 'ClusterRole "policy-writer"', resource: 'validatingadmissionpolicies', power: 'switch off or bypass admission checks' }, line: 6, column: 17, severity: 'warning' }],
    },
  ],
});
