/** @file Approving CertificateSigningRequests mints client certificates for any identity. */
import { defineRule } from '../engine/rule';
import { coversGroup, narrowedByName, policyRules, rbacReference, resourceItems, roleLabel, verbItems } from './support/rbac';

const GROUP = 'certificates.k8s.io';

export default defineRule({
  meta: {
    id: 'rbac-csr-approval',
    title: 'Role can approve certificate signing requests',
    severity: 'warning',
    category: 'rbac',
    docs: {
      summary: 'Flags Role and ClusterRole rules that allow update or patch on certificatesigningrequests/approval, or approve on signers without resourceNames.',
      why: 'Whoever can create and approve a CertificateSigningRequest for the kube-apiserver-client signer gets a client certificate with any user name and groups they choose, system:masters included, which bypasses RBAC for as long as the certificate is valid and cannot be revoked.',
      fix: 'Leave approval to the controllers that need it and restrict approve on signers with resourceNames to the one signer they handle.',
      example: 'rules:\n  - apiGroups: [certificates.k8s.io]\n    resources: [signers]\n    resourceNames: [example.com/my-signer]\n    verbs: [approve]',
      references: [rbacReference, { standard: 'Kubernetes docs', title: 'Certificates and Certificate Signing Requests: authorization', url: 'https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/#authorization' }],
      peers: { checkov: 'CKV_K8S_156', kubescape: 'C-0280' },
    },
    messages: {
      approval: 'rules[{{index}}] of {{role}} can {{verbs}} certificatesigningrequests/approval: with create on CSRs, anyone bound to it can issue itself a client certificate for any identity. Remove it or keep it to a dedicated approver.',
      signers: 'rules[{{index}}] of {{role}} can approve for every signer: anyone bound to it can approve client certificates for any identity, system:masters included. Restrict it with resourceNames to the signer needed.',
    },
  },
  checkObject({ object, report, isEnabled }) {
    const skipWildcards = isEnabled('rbac-wildcard');
    for (const rule of policyRules(object)) {
      if (!coversGroup(rule, GROUP)) continue;
      const write = verbItems(rule, ['update', 'patch']);
      const approval = resourceItems(rule, 'certificatesigningrequests/approval').find((r) => !(skipWildcards && r.value === '*'));
      if (write.length > 0 && approval && !narrowedByName(rule)) {
        report({ messageId: 'approval', data: { index: rule.index, role: roleLabel(object), verbs: write.map((v) => v.value).join(', ') }, at: approval.node });
      }
      const approve = rule.verbs.find((v) => v.value === 'approve');
      if (approve && resourceItems(rule, 'signers').some((r) => !(skipWildcards && r.value === '*')) && rule.resourceNames.length === 0) {
        report({ messageId: 'signers', data: { index: rule.index, role: roleLabel(object) }, at: approve.node });
      }
    }
  },
});
