import rule from '../../../shared/src/rules/rbac-csr-approval';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'an approver for one signer', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: my-approver}
      rules:
        - apiGroups: [certificates.k8s.io]
          resources: [signers]
          resourceNames: [example.com/my-signer]
          verbs: [approve]
        - apiGroups: [certificates.k8s.io]
          resources: [certificatesigningrequests]
          verbs: [get, list, watch]` },
  ],
  invalid: [
    {
      name: 'approval subresource and approve on every signer',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: csr-approver}
        rules:
          - apiGroups: [certificates.k8s.io]
            resources: [certificatesigningrequests/approval]
            verbs: [update]
          - apiGroups: [certificates.k8s.io]
            resources: [signers]
            verbs: [approve]
      `,
      errors: [
        { messageId: 'approval', data: { index: 0, role: 'ClusterRole "csr-approver"', verbs: 'update' }, line: 6, column: 17, endLine: 6, endColumn: 52, severity: 'warning' },
        { messageId: 'signers', data: { index: 1, role: 'ClusterRole "csr-approver"' }, line: 10, column: 13, endLine: 10, endColumn: 20 },
      ],
      output: null,
    },
  ],
});
