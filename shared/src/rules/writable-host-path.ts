/** @file hostPath volumes should be mounted read-only (hardening beyond PSS). */
import { defineRule } from '../engine/rule';
import { scalarOf, valueAt } from '../model/node';

export default defineRule({
  meta: {
    id: 'writable-host-path',
    title: 'hostPath mounted writable',
    severity: 'warning',
    category: 'hardening',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags volumeMounts of hostPath volumes that do not set readOnly: true (hardening beyond the Pod Security Standards).',
      why: 'A writable mount of a node directory lets a compromised container change files the node or other pods read: plant binaries, edit configuration, fill the disk, or replace what a privileged node agent later executes.',
      fix: 'Set readOnly: true on the volumeMount; if the workload must write, give it an emptyDir or a persistentVolumeClaim instead. The fix is unsafe: a program that writes there fails.',
      example: 'volumeMounts:\n  - name: host-logs\n    mountPath: /var/log/host\n    readOnly: true',
      references: [{ standard: 'Kubernetes docs', title: 'Volumes: hostPath (security risks)', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' }],
      peers: { kubeLinter: 'writable-host-mount', kubescape: 'C-0045' },
    },
    messages: {
      writable: 'Container "{{container}}" mounts hostPath volume "{{volume}}" writable at {{mountPath}}: it can change files on the node. Set readOnly: true on the volumeMount (hardening beyond the Pod Security Standards).',
    },
  },
  checkWorkload({ workload, report }) {
    const hostPathVolumes = new Set<string>();
    for (const { map } of workload.spec.seq('volumes')?.maps() ?? []) {
      const name = map.string('name');
      if (name !== undefined && map.map('hostPath')) hostPathVolumes.add(name);
    }
    if (hostPathVolumes.size === 0) return;
    for (const container of workload.containers) {
      const mountsEntry = container.map.get('volumeMounts');
      for (const { map: mount } of container.map.seq('volumeMounts')?.maps() ?? []) {
        const volume = mount.string('name');
        if (volume === undefined || !hostPathVolumes.has(volume)) continue;
        const readOnly = mount.get('readOnly');
        if (scalarOf(readOnly) === true) continue;
        const shared = mountsEntry?.valueNode !== mountsEntry?.value || Boolean(mountsEntry?.mergedVia);
        report({
          messageId: 'writable',
          data: { container: container.name, volume, mountPath: JSON.stringify(mount.string('mountPath') ?? '') },
          at: readOnly ? valueAt(readOnly) : valueAt(mount.get('name')!),
          fix: shared ? [] : { title: 'Mount it read-only', apply: (e) => void e.set(mount, 'readOnly', true) },
        });
      }
    }
  },
});
