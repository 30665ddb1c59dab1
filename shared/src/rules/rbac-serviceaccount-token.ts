/** @file Creating serviceaccounts/token mints credentials for any ServiceAccount in scope. */
import { defineRule } from '../engine/rule';
import { grantedAt, policyRules, rbacReference, roleLabel } from './support/rbac';

export default defineRule({
  meta: {
    id: 'rbac-serviceaccount-token',
    title: 'Role can create ServiceAccount tokens',
    severity: 'warning',
    category: 'rbac',
    docs: {
      summary: 'Flags Role and ClusterRole rules that allow create on serviceaccounts/token (also through serviceaccounts/* or */token) without resourceNames.',
      why: 'The TokenRequest API issues a fresh, valid token for the named ServiceAccount. A subject that can call it for every ServiceAccount in scope can become any of them, including controllers with far more rights, and the tokens it mints outlive the pod that asked.',
      fix: 'Restrict the rule with resourceNames to the ServiceAccounts whose tokens are needed, or drop it.',
      example: 'rules:\n  - apiGroups: [""]\n    resources: [serviceaccounts/token]\n    resourceNames: [builder]\n    verbs: [create]',
      references: [rbacReference],
      peers: { kubescape: 'C-0282' },
    },
    messages: {
      token: 'rules[{{index}}] of {{role}} can create tokens for every ServiceAccount in scope: anyone bound to it can act as any of them. Restrict it with resourceNames.',
    },
  },
  checkObject({ object, report, isEnabled }) {
    for (const rule of policyRules(object)) {
      const at = grantedAt(rule, '', 'serviceaccounts/token', ['create'], isEnabled('rbac-wildcard'));
      // The ServiceAccount's name is in the request path, so resourceNames narrows create here.
      if (at && rule.resourceNames.length === 0) report({ messageId: 'token', data: { index: rule.index, role: roleLabel(object) }, at: at.node });
    }
  },
});
