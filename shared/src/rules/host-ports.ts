/** @file Containers must not bind ports on the node (PSS baseline "Host Ports"). */
import { defineRule } from '../engine/rule';
import { removeFix } from '../policy/locate';
import { pssIssues } from '../policy/podSecurity';
import { pssReference } from './common';

export default defineRule({
  meta: {
    id: 'host-ports',
    title: 'Container binds a host port',
    severity: 'error',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['hostPorts'],
    docs: {
      summary: 'Flags container ports with a non-zero hostPort (Pod Security Standards baseline, check hostPorts).',
      why: 'A hostPort opens the port on the node\'s own address: traffic reaches the pod without passing through a Service, it bypasses most NetworkPolicy implementations, and only one such pod fits on each node. Attackers use host ports to expose or intercept services on the node network.',
      fix: 'Remove hostPort and expose the containerPort through a Service (NodePort or LoadBalancer if it must be reachable from outside). The fix is unsafe: clients that call the node address directly stop reaching the pod.',
      example: 'ports:\n  - containerPort: 8080',
      references: [pssReference('baseline', 'Host Ports'), { standard: 'Kubernetes docs', title: 'Configuration best practices: Services', url: 'https://kubernetes.io/docs/concepts/configuration/overview/#services' }],
      peers: { checkov: 'CKV_K8S_26', polaris: 'hostPortSet', trivy: 'KSV-0024', kubescape: 'C-0044' },
    },
    messages: {
      hostPort: 'Container "{{container}}" binds port {{port}} on the node (hostPort): it bypasses Services and NetworkPolicies. Remove hostPort and expose the port with a Service. {{policy}}',
    },
  },
  checkWorkload(context) {
    for (const issue of pssIssues(context, ['hostPorts'])) {
      context.report({
        messageId: 'hostPort',
        data: { container: issue.at.container?.name ?? '', port: String(issue.finding.value), policy: issue.policy },
        at: issue.at.valueNode,
        severity: issue.severity,
        pssCheck: issue.check,
        fix: removeFix(issue.at, 'Remove hostPort', 0) ?? [],
      });
    }
  },
});
