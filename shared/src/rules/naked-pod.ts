/** @file Pods written directly, without a controller, are not recreated or rolled forward. */
import { defineRule } from '../engine/rule';
import { apiGroup } from '../model/workload';

export default defineRule({
  meta: {
    id: 'naked-pod',
    title: 'Pod without a controller',
    severity: 'info',
    category: 'exposure',
    docs: {
      summary: 'Notes Pod manifests with no ownerReferences, that is, pods no Deployment, StatefulSet, DaemonSet or Job manages.',
      why: 'Nothing recreates a bare pod when its node fails or it is evicted, and nothing rolls it forward: a patched image or a tightened securityContext reaches it only when someone deletes and recreates it by hand, so bare pods tend to keep running old, vulnerable builds. They also escape the policies teams attach to controllers (PodDisruptionBudgets, rollout checks).',
      fix: 'Wrap the pod spec in a Deployment (long-running), a Job (run to completion) or a DaemonSet (one per node). One-off debugging pods are fine; delete them when done.',
      example: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [...]',
      references: [{ standard: 'Kubernetes docs', title: 'Configuration best practices: naked pods', url: 'https://kubernetes.io/docs/concepts/configuration/overview/#naked-pods-vs-replicasets-deployments-and-jobs' }],
      peers: { kubescape: 'C-0073' },
    },
    messages: {
      naked: 'Pod "{{name}}" has no controller: nothing recreates it if its node fails, and updates reach it only by hand. Use a Deployment, StatefulSet, DaemonSet or Job.',
    },
  },
  checkObject({ object, report }) {
    if (object.kind !== 'Pod' || apiGroup(object.apiVersion) !== '' || object.metadata?.has('ownerReferences')) return;
    report({ messageId: 'naked', data: { name: object.name ?? '?' }, at: object.anchor });
  },
});
