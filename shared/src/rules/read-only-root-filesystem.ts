/** @file Containers should mount their root filesystem read-only. */
import { defineRule } from '../engine/rule';
import { scalarOf, valueAt } from '../model/node';
import { coveredByMissingSecurityContext, isWindows, missingFieldAnchor, securityContextReference } from './common';

export default defineRule({
  meta: {
    id: 'read-only-root-filesystem',
    title: 'Root filesystem is writable',
    severity: 'info',
    category: 'hardening',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags containers that do not set securityContext.readOnlyRootFilesystem: true (hardening beyond the Pod Security Standards).',
      why: 'A writable root filesystem lets an intruder drop tools, replace binaries or persist a backdoor inside the running container.',
      fix: 'Set readOnlyRootFilesystem: true and mount an emptyDir volume where the program must write (for example /tmp). The fix is unsafe: a program that writes outside its volumes fails.',
      example: 'securityContext:\n  readOnlyRootFilesystem: true\nvolumeMounts:\n  - name: tmp\n    mountPath: /tmp',
      references: [securityContextReference],
      peers: { kubeLinter: 'no-read-only-root-fs', checkov: 'CKV_K8S_22', polaris: 'notReadOnlyRootFilesystem', trivy: 'KSV-0014', kubescape: 'C-0017', kubesec: 'ReadOnlyRootFilesystem' },
    },
    messages: {
      writable: 'Container "{{container}}" sets readOnlyRootFilesystem: false: an intruder can modify its files. Set it to true and mount volumes where it must write.',
      unset: 'Container "{{container}}" does not set readOnlyRootFilesystem: true, so its root filesystem is writable.',
    },
  },
  checkWorkload({ workload, report, isEnabled }) {
    if (isWindows(workload)) return;
    for (const container of workload.containers) {
      const entry = container.securityContext?.get('readOnlyRootFilesystem');
      if (entry && scalarOf(entry) === true) continue;
      if (!entry && coveredByMissingSecurityContext(workload, container, isEnabled)) continue;
      report({
        messageId: entry && scalarOf(entry) === false ? 'writable' : 'unset',
        data: { container: container.name },
        at: entry ? valueAt(entry) : missingFieldAnchor(container),
        fix: { title: 'Set readOnlyRootFilesystem: true', apply: (e) => e.setPath(container.map, ['securityContext', 'readOnlyRootFilesystem'], true) },
      });
    }
  },
});
