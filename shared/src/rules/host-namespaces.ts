/** @file Pods must not share the node's network, PID or IPC namespace (PSS baseline "Host Namespaces"). */
import { defineRule } from '../engine/rule';
import { removeFix } from '../policy/locate';
import { pssIssues } from '../policy/podSecurity';
import { pssReference } from './common';

const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;
type Field = (typeof FIELDS)[number];

export default defineRule({
  meta: {
    id: 'host-namespaces',
    title: 'Pod shares a host namespace',
    severity: 'error',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['hostNamespaces'],
    docs: {
      summary: 'Flags pods that set hostNetwork, hostPID or hostIPC to true (Pod Security Standards baseline, check hostNamespaces).',
      why: 'A pod in the node\'s network namespace can bind any node port, sniff node traffic and reach services that listen only on the node\'s localhost (the kubelet, cloud metadata proxies); in the PID namespace it can see, trace and signal every process on the node; in the IPC namespace it can read other processes\' shared memory. Each hands an intruder the node, so the finding stays an error even where a namespace admits it.',
      fix: 'Remove the field (false is the default). Expose ports through a Service instead of the host network; use a sidecar or the Downward API instead of the host PID namespace. The fix is unsafe: node agents (CNI plugins, node exporters) need these and belong in a namespace labelled for them.',
      example: 'spec:\n  hostNetwork: false\n  hostPID: false\n  hostIPC: false',
      references: [pssReference('baseline', 'Host Namespaces'), { standard: 'Kubernetes docs', title: 'Pod Security admission', url: 'https://kubernetes.io/docs/concepts/security/pod-security-admission/' }],
      peers: { kubeLinter: 'host-network', checkov: 'CKV_K8S_19', polaris: 'hostNetworkSet', trivy: 'KSV-0009', kubescape: 'C-0041', kubesec: 'HostNetwork' },
    },
    messages: {
      hostNetwork: 'The pod sets hostNetwork: true: it uses the node\'s network stack, can bind any node port and reach services listening on the node\'s localhost. Remove hostNetwork. {{policy}}',
      hostPID: 'The pod sets hostPID: true: it sees every process on the node and can inspect or signal them. Remove hostPID. {{policy}}',
      hostIPC: 'The pod sets hostIPC: true: it shares the node\'s IPC namespace and can read other processes\' shared memory. Remove hostIPC. {{policy}}',
    },
  },
  checkWorkload(context) {
    for (const issue of pssIssues(context, ['hostNamespaces'], { floor: () => 'error' })) {
      const field = issue.finding.path[1] as Field;
      context.report({
        messageId: field,
        data: { policy: issue.policy },
        at: issue.at.valueNode,
        severity: issue.severity,
        pssCheck: issue.check,
        fix: removeFix(issue.at, `Remove ${field}`, false) ?? [],
      });
    }
  },
});
