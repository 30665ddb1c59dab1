/** @file Pods must not mount hostPath volumes (PSS baseline "HostPath Volumes"; at restricted, part of "Volume Types"). */
import { defineRule } from '../engine/rule';
import { asMapView } from '../model/node';
import { pssIssues } from '../policy/podSecurity';
import { pssReference } from './common';

export default defineRule({
  meta: {
    id: 'host-path-volume',
    title: 'hostPath volume',
    severity: 'error',
    category: 'pod-security',
    pssChecks: ['hostPathVolumes', 'restrictedVolumes'],
    docs: {
      summary: 'Flags volumes of type hostPath (Pod Security Standards baseline, check hostPathVolumes; at restricted the restrictedVolumes check, which replaces it, reports them the same way).',
      why: 'A hostPath volume gives the pod the node\'s own files: it can read credentials of other pods and of the kubelet, plant files the node executes, or escape through a mounted socket. The data also ties the pod to one node.',
      fix: 'Use a persistentVolumeClaim, emptyDir, configMap, secret or a CSI volume instead. Node agents that truly need host files belong in a namespace labelled for them; mount only the path they need, read-only. There is no automatic fix: the replacement depends on what the volume is for.',
      example: 'volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data',
      references: [pssReference('baseline', 'HostPath Volumes'), { standard: 'Kubernetes docs', title: 'Volumes: hostPath', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' }],
      peers: { polaris: 'hostPathSet', trivy: 'KSV-0023', kubescape: 'C-0048' },
    },
    messages: {
      hostPath: 'Volume "{{volume}}" mounts {{path}} from the node (hostPath): the pod can read or change the node\'s files. Use a persistentVolumeClaim, emptyDir, configMap or secret instead. {{policy}}',
    },
  },
  checkWorkload(context) {
    const owns = (check: string, finding: { path: readonly (string | number)[] }) => check === 'hostPathVolumes' || finding.path[finding.path.length - 1] === 'hostPath';
    for (const issue of pssIssues(context, ['hostPathVolumes', 'restrictedVolumes'], { owns })) {
      const volume = issue.at.map;
      const path = asMapView(context.object.map.doc, issue.at.entry?.value)?.string('path');
      context.report({
        messageId: 'hostPath',
        data: { volume: volume?.string('name') ?? '', path: path === undefined ? 'a directory' : `"${path}"`, policy: issue.policy },
        at: issue.at.keyNode,
        severity: issue.severity,
        pssCheck: issue.check,
      });
    }
  },
});
