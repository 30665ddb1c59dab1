/** @file No Windows HostProcess pods or containers (PSS baseline "HostProcess"). */
import { defineRule } from '../engine/rule';
import { removeFix } from '../policy/locate';
import { pssIssues, subjectOf } from '../policy/podSecurity';
import { pssReference } from './common';

export default defineRule({
  meta: {
    id: 'windows-host-process',
    title: 'Windows HostProcess container',
    severity: 'error',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['windowsHostProcess'],
    docs: {
      summary: 'Flags pods and containers that set securityContext.windowsOptions.hostProcess: true (Pod Security Standards baseline, check windowsHostProcess).',
      why: 'A HostProcess container runs as a process directly on the Windows node, in the host network, with the node\'s file system and any user up to SYSTEM: it is the Windows equivalent of a privileged container, so it stays an error even where a namespace admits it.',
      fix: 'Remove hostProcess (and the hostNetwork it requires). Node agents that need it belong in a namespace labelled privileged. The fix is unsafe for such agents.',
      example: 'securityContext:\n  windowsOptions:\n    runAsUserName: ContainerUser',
      references: [pssReference('baseline', 'HostProcess'), { standard: 'Kubernetes docs', title: 'Create a Windows HostProcess Pod', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/' }],
      peers: { polaris: 'hostProcess', trivy: 'KSV-0103', kubescape: 'C-0211' },
    },
    messages: {
      hostProcess: '{{subject}} sets windowsOptions.hostProcess: true: it runs as a process on the Windows node with host access. Remove it. {{policy}}',
    },
  },
  checkWorkload(context) {
    for (const issue of pssIssues(context, ['windowsHostProcess'], { floor: () => 'error' })) {
      context.report({
        messageId: 'hostProcess',
        data: { subject: subjectOf(issue.at), policy: issue.policy },
        at: issue.at.valueNode,
        severity: issue.severity,
        pssCheck: issue.check,
        fix: removeFix(issue.at, 'Remove hostProcess', false) ?? [],
      });
    }
  },
});
