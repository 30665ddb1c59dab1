/** @file Only the sysctls the Pod Security Standards allow for the policy version (PSS baseline "Sysctls"). */
import { defineRule } from '../engine/rule';
import { locate, removeItemFix } from '../policy/locate';
import { pssIssues, shown } from '../policy/podSecurity';
import { pssReference } from './common';

export default defineRule({
  meta: {
    id: 'unsafe-sysctls',
    title: 'Sysctl outside the safe set',
    severity: 'error',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['sysctls'],
    docs: {
      summary: 'Flags spec.securityContext.sysctls entries outside the allow list of the policy version (Pod Security Standards baseline, check sysctls): kernel.shm_rmid_forced and a few net.ipv4 ones, growing in v1.27, v1.29, v1.32 and v1.37.',
      why: 'Only the listed sysctls are namespaced and isolated per pod. Others either change the whole node (kernel.*, vm.*) or can starve or destabilise it, and the kubelet refuses them unless an administrator allowed them as unsafe on that node.',
      fix: 'Remove the sysctl. If the workload needs it, ask for a dedicated node pool where the kubelet allows it (--allowed-unsafe-sysctls) and a namespace labelled for it. The fix is unsafe: tuning the workload relied on is lost.',
      example: 'securityContext:\n  sysctls:\n    - name: net.ipv4.ip_unprivileged_port_start\n      value: "80"',
      references: [pssReference('baseline', 'Sysctls'), { standard: 'Kubernetes docs', title: 'Using sysctls in a Kubernetes Cluster', url: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/' }],
      peers: { kubeLinter: 'unsafe-sysctls', trivy: 'KSV-0026', kubescape: 'C-0211' },
    },
    messages: {
      sysctl: 'The pod sets sysctl {{name}}, which is not in the Pod Security safe set for its policy version: it may not be isolated per pod and could affect the node. Remove it. {{policy}}',
    },
  },
  checkWorkload(context) {
    for (const issue of pssIssues(context, ['sysctls'])) {
      const path = issue.finding.path;
      const item = path[path.length - 1] === 'name' ? locate(context.workload, path.slice(0, -1)) : issue.at;
      context.report({
        messageId: 'sysctl',
        data: { name: shown(path[path.length - 1] === 'name' ? issue.finding.value : ''), policy: issue.policy },
        at: issue.at.valueNode,
        severity: issue.severity,
        pssCheck: issue.check,
        fix: removeItemFix(item, `Remove sysctl ${String(issue.finding.value ?? '')}`) ?? [],
      });
    }
  },
});
