/** @file Pods should not get a service account token unless they call the API (hardening beyond PSS). */
import { defineRule, type FixDescriptor } from '../engine/rule';
import { keyAt, scalarOf, valueAt } from '../model/node';

export default defineRule({
  meta: {
    id: 'automount-service-account-token',
    title: 'Service account token mounted',
    severity: 'info',
    category: 'hardening',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags pods that do not set automountServiceAccountToken: false, unless their ServiceAccount, declared in the same file, does (hardening beyond the Pod Security Standards; ServiceAccounts in other files are not looked up yet).',
      why: 'Every container of such a pod finds a token for its ServiceAccount at /var/run/secrets/kubernetes.io/serviceaccount. Anyone who gets code execution in the pod can call the Kubernetes API with it and use every permission the account has, now or after someone grants it more. Most applications never call the API.',
      fix: 'Set automountServiceAccountToken: false on the pod (or on its ServiceAccount); mount a projected token only into pods that call the API. The fix is unsafe: a pod that talks to the API server loses its credentials.',
      example: 'spec:\n  automountServiceAccountToken: false',
      references: [{ standard: 'Kubernetes docs', title: 'Configure Service Accounts for Pods: opt out of API credential automounting', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting' }],
      peers: { checkov: 'CKV_K8S_38', trivy: 'KSV-0036', kubescape: 'C-0034' },
    },
    messages: {
      unset: 'The pod mounts a token for service account "{{account}}": code running in it can call the Kubernetes API with that account\'s permissions. Set automountServiceAccountToken: false unless the pod calls the API (hardening beyond the Pod Security Standards).',
      explicit: 'The pod sets automountServiceAccountToken: true: code running in it can call the Kubernetes API as service account "{{account}}". Keep it only if the pod calls the API (hardening beyond the Pod Security Standards).',
    },
  },
  checkWorkload({ object, workload, serviceAccounts, report }) {
    const spec = workload.spec;
    const entry = spec.get('automountServiceAccountToken');
    const value = scalarOf(entry);
    if (value === false) return;
    const account = spec.string('serviceAccountName') ?? spec.string('serviceAccount') ?? 'default';
    // The pod's own setting wins over its ServiceAccount's; only an unset pod inherits it.
    if (value !== true && serviceAccounts.find(object.namespace, account)?.automount === false) return;
    const editable = !entry || (!entry.mergedVia && entry.owner === spec.node);
    const fix: FixDescriptor | [] = editable ? { title: 'Set automountServiceAccountToken: false', apply: (e) => void e.set(spec, 'automountServiceAccountToken', false) } : [];
    if (value === true) {
      report({ messageId: 'explicit', data: { account }, at: valueAt(entry!), fix });
      return;
    }
    const accountEntry = spec.get('serviceAccountName') ?? spec.get('serviceAccount');
    report({ messageId: 'unset', data: { account }, at: accountEntry ? valueAt(accountEntry) : (entry ? keyAt(entry) : object.map.path(workload.specPath)?.keyNode ?? object.anchor), fix });
  },
});
