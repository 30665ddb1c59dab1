/** @file Probes and lifecycle hooks must not target another host (PSS baseline "Probes and lifecycle hooks", from policy v1.34). */
import { defineRule } from '../engine/rule';
import { removeFix } from '../policy/locate';
import { pssIssues, shown } from '../policy/podSecurity';
import { pssReference } from './common';

export default defineRule({
  meta: {
    id: 'probe-lifecycle-host',
    title: 'Probe or hook targets another host',
    severity: 'error',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['hostProbesAndHostLifecycle'],
    docs: {
      summary: 'Flags httpGet.host and tcpSocket.host in livenessProbe, readinessProbe, startupProbe and lifecycle postStart/preStop (Pod Security Standards baseline, check hostProbesAndHostLifecycle, from policy v1.34).',
      why: 'The kubelet runs probes and hooks from the node, with the node\'s network position. A host field makes it connect wherever the manifest says: to the node\'s own localhost, to cloud metadata endpoints, or to internal services the pod itself could not reach, a server-side request forgery through the kubelet.',
      fix: 'Remove host: the kubelet then targets the pod\'s own IP, which is what a health check should test. The fix is unsafe only if the check was meant to test another service, which belongs in that service\'s own probe.',
      example: 'livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080',
      references: [pssReference('baseline', 'Probes and lifecycle hooks'), { standard: 'Kubernetes docs', title: 'Configure Liveness, Readiness and Startup Probes', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/' }],
    },
    messages: {
      host: 'Container "{{container}}" points {{handler}} at host {{host}}: the kubelet would connect there from the node, which can reach node-local and internal endpoints. Remove host so it targets the pod. {{policy}}',
    },
  },
  checkWorkload(context) {
    for (const issue of pssIssues(context, ['hostProbesAndHostLifecycle'])) {
      const path = issue.finding.path;
      // ['spec', list, i, 'livenessProbe', 'httpGet', 'host'] or [..., 'lifecycle', 'preStop', 'httpGet', 'host']
      const handler = path.slice(3, -1).join('.');
      context.report({
        messageId: 'host',
        data: { container: issue.at.container?.name ?? '', handler, host: shown(issue.finding.value), policy: issue.policy },
        at: issue.at.valueNode,
        severity: issue.severity,
        pssCheck: issue.check,
        fix: removeFix(issue.at, `Remove ${handler}.host`, '') ?? [],
      });
    }
  },
});
