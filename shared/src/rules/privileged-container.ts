/** @file Containers must not run privileged: a privileged container is root on the node (PSS baseline "Privileged Containers"). */
import { defineRule } from '../engine/rule';
import { setFix } from '../policy/locate';
import { pssIssues } from '../policy/podSecurity';
import { pssReference, securityContextReference } from './common';

export default defineRule({
  meta: {
    id: 'privileged-container',
    title: 'Privileged container',
    severity: 'error',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['privileged'],
    docs: {
      summary: 'Flags containers that set securityContext.privileged: true (Pod Security Standards baseline, check privileged).',
      why: 'A privileged container sees every device on the node and runs without the isolation of seccomp, AppArmor or capability limits; anyone who gets code execution in it owns the node and everything scheduled on it. It stays an error even where a namespace admits it.',
      fix: 'Remove privileged: true or set it to false; grant only the specific capabilities the process needs.',
      example: 'securityContext:\n  privileged: false',
      references: [pssReference('baseline', 'Privileged Containers'), securityContextReference],
      peers: { kubeLinter: 'privileged-container', checkov: 'CKV_K8S_16', polaris: 'runAsPrivileged', trivy: 'KSV-0017', kubescape: 'C-0057', kubesec: 'Privileged' },
    },
    messages: {
      privileged: 'Container "{{container}}" runs privileged: it gets every device and capability of the node. Set privileged: false. {{policy}}',
    },
  },
  checkWorkload(context) {
    for (const issue of pssIssues(context, ['privileged'], { floor: () => 'error' })) {
      context.report({
        messageId: 'privileged',
        data: { container: issue.at.container?.name ?? '', policy: issue.policy },
        at: issue.at.valueNode,
        severity: issue.severity,
        pssCheck: issue.check,
        fix: setFix(issue.at, false, 'Set privileged: false') ?? [],
      });
    }
  },
});
