/** @file Opt-in: runAsUser/runAsGroup below a threshold may collide with users on the node (hardening beyond PSS, disputed). */
import { podSecurityOf } from '../engine/config';
import { defineRule } from '../engine/rule';
import { valueAt, type MapView } from '../model/node';
import { isWindows, securityContextReference } from './common';

export default defineRule({
  meta: {
    id: 'run-as-high-uid',
    title: 'Low user or group ID',
    severity: 'info',
    category: 'hardening',
    enabledByDefault: false,
    docs: {
      summary: 'Off by default. Flags runAsUser and runAsGroup values, at pod or container level, below kubeguard.podSecurity.minimumUid (10000 unless set); runAsUser 0 is left to run-as-non-root, and pods with hostUsers: false are skipped (hardening beyond the Pod Security Standards).',
      why: 'Without user namespaces a container\'s UID is the same number on the node. A low UID can match a real account there (system services use 1–999, people 1000 and up), so after a container escape, or through a shared hostPath, the process acts with that account\'s files. Many images are built to run as a low UID, which is why the check is opt-in.',
      fix: 'Run as a UID and GID of 10000 or more that exist nowhere on the node, or turn on user namespaces (hostUsers: false). Turn the rule on with "kubeguard.rules": {"run-as-high-uid": "info"}.',
      example: 'securityContext:\n  runAsUser: 10001\n  runAsGroup: 10001',
      references: [securityContextReference, { standard: 'Kubernetes docs', title: 'User Namespaces', url: 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/' }],
      peers: { checkov: 'CKV_K8S_40', trivy: 'KSV-0020', kubesec: 'RunAsUser', kubeScore: 'container-security-context-user-group-id' },
    },
    messages: {
      low: '{{subject}} sets {{field}}: {{value}}, below {{threshold}}: it may match an account on the node, whose files a container escape would then own. Use an ID of {{threshold}} or more.',
    },
  },
  checkWorkload({ workload, settings, report }) {
    if (workload.spec.scalar('hostUsers') === false || isWindows(workload)) return;
    const threshold = podSecurityOf(settings).minimumUid;
    const inspect = (context: MapView | undefined, subject: string) => {
      for (const field of ['runAsUser', 'runAsGroup'] as const) {
        const entry = context?.get(field);
        const value = context?.scalar(field);
        if (!entry || typeof value !== 'number' || value >= threshold || (field === 'runAsUser' && value === 0)) continue;
        report({ messageId: 'low', data: { subject, field, value, threshold }, at: valueAt(entry) });
      }
    };
    inspect(workload.podSecurityContext, 'The pod');
    for (const container of workload.containers) inspect(container.securityContext, `Container "${container.name}"`);
  },
});
