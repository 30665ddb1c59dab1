/** @file Containers should be unable to run as root: runAsNonRoot: true or a non-zero runAsUser. */
import type { YamlEditor } from '../edits/editor';
import { defineRule } from '../engine/rule';
import { scalarOf, valueAt } from '../model/node';
import { effective } from '../model/workload';
import { coveredByMissingSecurityContext, missingFieldAnchor, pssReference, securityContextReference } from './common';

export default defineRule({
  meta: {
    id: 'run-as-non-root',
    title: 'Container may run as root',
    severity: 'warning',
    category: 'pod-security',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags containers that run as UID 0 or may do so: runAsNonRoot is not true and no non-zero runAsUser is set, at container or pod level.',
      why: 'Root in a container is root on the node as far as the kernel is concerned (unless user namespaces are on): one kernel or runtime bug, or a writable host mount, and the attacker owns the node.',
      fix: 'Set runAsNonRoot: true (and a non-zero runAsUser if the image has no numeric USER) on the pod or container. The fix is unsafe: the kubelet refuses to start an image whose user is root.',
      example: 'securityContext:\n  runAsNonRoot: true\n  runAsUser: 10001',
      references: [pssReference('restricted', 'Running as Non-root'), pssReference('restricted', 'Running as Non-root user'), securityContextReference],
      peers: { kubeLinter: 'run-as-non-root', checkov: 'CKV_K8S_23', polaris: 'runAsRootAllowed', trivy: 'KSV-0012', kubescape: 'C-0013', kubesec: 'RunAsNonRoot' },
    },
    messages: {
      rootUser: 'Container "{{container}}" runs as root: runAsUser is 0 ({{from}} level). Use a non-zero UID.',
      explicitFalse: 'Container "{{container}}" sets runAsNonRoot: false ({{from}} level), so it may run as root. Set it to true.',
      unset: 'Container "{{container}}" may run as root: neither runAsNonRoot: true nor a non-zero runAsUser is set on it or its pod.',
    },
  },
  checkWorkload({ workload, report, isEnabled }) {
    // With user namespaces, UID 0 in the container maps to an unprivileged UID on the node.
    if (workload.spec.scalar('hostUsers') === false) return;
    // A pod-level value shared by several containers is reported once, on the pod.
    const reportedPodValues = new Set<unknown>();
    const firstTime = (from: 'pod' | 'container', node: unknown) => from === 'container' || (!reportedPodValues.has(node) && Boolean(reportedPodValues.add(node)));
    for (const container of workload.containers) {
      const user = effective(workload, container, 'runAsUser');
      if (user?.value === 0) {
        if (firstTime(user.from, user.entry.pair)) report({ messageId: 'rootUser', data: { container: container.name, from: user.from }, at: valueAt(user.entry) });
        continue;
      }
      const nonRoot = effective(workload, container, 'runAsNonRoot');
      if (nonRoot?.value === true) continue;
      if (typeof user?.value === 'number' && user.value > 0 && nonRoot?.value !== false) continue;
      if (!nonRoot && coveredByMissingSecurityContext(workload, container, isEnabled)) continue;
      const fixes = [{ title: `Set runAsNonRoot: true on container "${container.name}"`, apply: (e: YamlEditor) => e.setPath(container.map, ['securityContext', 'runAsNonRoot'], true) }];
      if (nonRoot?.from === 'pod' || (!nonRoot && workload.containers.length > 1)) {
        fixes.push({ title: 'Set runAsNonRoot: true on the pod', apply: (e) => e.setPath(workload.spec, ['securityContext', 'runAsNonRoot'], true) });
      }
      if (nonRoot && scalarOf(nonRoot.entry) === false) {
        if (firstTime(nonRoot.from, nonRoot.entry.pair)) report({ messageId: 'explicitFalse', data: { container: container.name, from: nonRoot.from }, at: valueAt(nonRoot.entry), fix: nonRoot.from === 'pod' ? fixes.reverse() : fixes });
      } else {
        report({ messageId: 'unset', data: { container: container.name }, at: missingFieldAnchor(container), fix: fixes });
      }
    }
  },
});
