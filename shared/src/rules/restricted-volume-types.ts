/** @file Under the restricted profile only ephemeral, projected and claim-backed volume types (PSS restricted "Volume Types"). */
import { defineRule } from '../engine/rule';
import { pssIssues } from '../policy/podSecurity';
import { RESTRICTED_FORBIDDEN_VOLUME_TYPES } from '../pss/allowLists';
import { pssReference } from './common';

export default defineRule({
  meta: {
    id: 'restricted-volume-types',
    title: 'Volume type not allowed by restricted',
    severity: 'warning',
    category: 'pod-security',
    pssChecks: ['restrictedVolumes'],
    docs: {
      summary: 'Flags volumes whose source is not configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret (Pod Security Standards restricted, check restrictedVolumes); hostPath volumes are reported by host-path-volume.',
      why: 'In-tree volume types (nfs, iscsi, rbd, cephfs, gitRepo, cloud disks…) are mounted by the node with the node\'s credentials and tools, outside the storage policies a PersistentVolumeClaim goes through; gitRepo even runs git on the node. An unknown source is usually a typo that leaves the pod without the volume it expects.',
      fix: 'Move the storage behind a PersistentVolume and claim it with a persistentVolumeClaim (or use a CSI driver); replace gitRepo with an init container that clones into an emptyDir. There is no automatic fix.',
      example: 'volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data',
      references: [pssReference('restricted', 'Volume Types'), { standard: 'Kubernetes docs', title: 'Volumes', url: 'https://kubernetes.io/docs/concepts/storage/volumes/' }],
      peers: { trivy: 'KSV-0028', checkov: 'CKV_K8S_159' },
    },
    messages: {
      forbidden: 'Volume "{{volume}}" uses the {{type}} volume type, which the restricted profile forbids: the node mounts it outside the cluster\'s storage policies. Use a persistentVolumeClaim or a CSI volume instead. {{policy}}',
      unknown: 'Volume "{{volume}}" has a source "{{type}}" that is not a volume type the restricted profile allows (a typo, or a type it does not know). Use one of configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret. {{policy}}',
    },
  },
  checkWorkload(context) {
    const owns = (_: unknown, finding: { path: readonly (string | number)[] }) => finding.path[finding.path.length - 1] !== 'hostPath';
    for (const issue of pssIssues(context, ['restrictedVolumes'], { owns })) {
      const type = String(issue.finding.path[issue.finding.path.length - 1]);
      context.report({
        messageId: RESTRICTED_FORBIDDEN_VOLUME_TYPES.includes(type) ? 'forbidden' : 'unknown',
        data: { volume: issue.at.map?.string('name') ?? '', type, policy: issue.policy },
        at: issue.at.keyNode,
        severity: issue.severity,
        pssCheck: issue.check,
      });
    }
  },
});
