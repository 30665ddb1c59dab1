/** @file Namespaces should enforce a Pod Security level, pinned to a version. */
import { podSecurityOf } from '../engine/config';
import { defineRule } from '../engine/rule';
import type { Plain } from '../edits/format';
import { keyAt, valueAt } from '../model/node';
import { ENFORCE_LEVEL_LABEL, ENFORCE_VERSION_LABEL, LATEST_VERSION, WARN_LEVEL_LABEL, WARN_VERSION_LABEL, formatVersion, isLevel } from '../pss/levels';
import { rejectedInFile } from '../policy/podSecurity';
import { namespacesIn } from '../workspace/namespaces';
import { pssReference } from './common';

/** Run by the control plane; Pod Security admission exemptions usually cover them. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);
const LABELS_DOC = { standard: 'Kubernetes docs', title: 'Enforce Pod Security Standards with Namespace Labels', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/' };

export default defineRule({
  meta: {
    id: 'namespace-pod-security',
    title: 'Namespace without an enforced Pod Security level',
    severity: 'warning',
    category: 'pod-security',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags Namespaces (other than kube-system, kube-public and kube-node-lease) without a pod-security.kubernetes.io/enforce label, and, as info, ones that enforce a level without pinning enforce-version or that enforce privileged.',
      why: 'Without an enforce label the cluster-wide default applies, which admits privileged pods unless an administrator changed it: nothing stops a workload from taking the node. An unpinned (or latest) enforce-version follows the cluster: each upgrade can tighten the policy and start rejecting pods that were admitted the day before.',
      fix: 'Label the namespace enforce: baseline, pinned with enforce-version (the quick fix uses kubeguard.podSecurity.version, or the newest version kubeguard knows), and warn: restricted at latest, so developers see what restricted would reject without being blocked. Baseline stops the known privilege escalations while nearly every application runs under it; move to enforce: restricted when the warnings are gone. The fix is unsafe: pods that break baseline are rejected from then on; it is withheld (and the message names them) while workloads in the same file would be, and the pinning fix while they fail the enforced level, so a fix never changes which pods of the file are rejected.',
      example: 'metadata:\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: v1.33\n    pod-security.kubernetes.io/warn: restricted\n    pod-security.kubernetes.io/warn-version: latest',
      references: [pssReference('baseline', 'Pod Security admission labels'), LABELS_DOC],
      peers: { kubescape: 'C-0192' },
    },
    messages: {
      noEnforce: 'Namespace "{{namespace}}" has no pod-security.kubernetes.io/enforce label, so the cluster default applies, which admits privileged pods unless an administrator changed it. Enforce baseline (pinned to {{version}}) and warn at restricted.',
      noEnforceBlocked: 'Namespace "{{namespace}}" has no pod-security.kubernetes.io/enforce label, so the cluster default applies, which admits privileged pods unless an administrator changed it. Enforcing baseline would reject {{workloads}} in this file: fix them, then enforce baseline (pinned to {{version}}).',
      unpinned: 'Namespace "{{namespace}}" enforces {{level}} with enforce-version {{current}}, so each cluster upgrade can start rejecting pods that were admitted before. Pin pod-security.kubernetes.io/enforce-version to {{version}}.',
      privileged: 'Namespace "{{namespace}}" enforces privileged: Pod Security admission checks nothing here, so privileged and host-network pods are admitted. Enforce baseline unless the namespace runs node agents.',
    },
  },
  checkObject({ object, settings, sameFile, report }) {
    if (object.kind !== 'Namespace' || object.apiVersion !== 'v1' || !object.name || SYSTEM_NAMESPACES.has(object.name)) return;
    const record = namespacesIn([object])[0];
    const metadata = object.metadata;
    if (!record || !metadata) return;
    const { version: configured } = podSecurityOf(settings);
    const version = configured === 'latest' ? formatVersion(LATEST_VERSION) : configured;
    const labelsEntry = metadata.get('labels');
    const labels = metadata.map('labels');
    const editable = !labelsEntry || (!labelsEntry.mergedVia && labelsEntry.valueNode === labelsEntry.value && labelsEntry.owner === metadata.node);
    const has = (label: string) => Object.prototype.hasOwnProperty.call(record.labels, label);
    if (!has(ENFORCE_LEVEL_LABEL)) {
      const add: Record<string, Plain> = { [ENFORCE_LEVEL_LABEL]: 'baseline', [ENFORCE_VERSION_LABEL]: version };
      if (!has(WARN_LEVEL_LABEL)) Object.assign(add, { [WARN_LEVEL_LABEL]: 'restricted', ...(has(WARN_VERSION_LABEL) ? {} : { [WARN_VERSION_LABEL]: 'latest' }) });
      if (has(ENFORCE_VERSION_LABEL)) delete add[ENFORCE_VERSION_LABEL];
      // The fix must not turn findings in this file into admission rejections.
      const rejected = rejectedInFile(sameFile, record.name, [{ level: 'baseline', version }]);
      report({
        messageId: rejected.length ? 'noEnforceBlocked' : 'noEnforce',
        data: { namespace: record.name, version, workloads: rejected.join(', ') },
        at: labelsEntry ? keyAt(labelsEntry) : valueAt(metadata.get('name')!),
        fix: editable && !rejected.length ? { title: 'Enforce baseline, warn at restricted', apply: (e) => void (labels ? e.setMany(labels, add) : e.set(metadata, 'labels', add)) } : [],
      });
      return;
    }
    const level = String(record.labels[ENFORCE_LEVEL_LABEL] ?? '');
    if (!isLevel(level)) return; // invalid-pod-security-label reports it
    const enforceEntry = labels!.get(ENFORCE_LEVEL_LABEL)!;
    if (level === 'privileged') {
      report({ messageId: 'privileged', data: { namespace: record.name }, at: valueAt(enforceEntry), severity: 'info' });
      return;
    }
    const current = record.labels[ENFORCE_VERSION_LABEL];
    if (current !== undefined && current !== 'latest') return;
    const versionEntry = labels!.get(ENFORCE_VERSION_LABEL);
    const pinnable = editable && rejectedInFile(sameFile, record.name, [{ level, version: 'latest' }, { level, version }]).length === 0;
    report({
      messageId: 'unpinned',
      data: { namespace: record.name, level, current: current === undefined ? 'unset' : '"latest"', version },
      at: valueAt(versionEntry ?? enforceEntry),
      severity: 'info',
      fix: pinnable ? { title: `Pin enforce-version to ${version}`, apply: (e) => void e.set(labels!, ENFORCE_VERSION_LABEL, version) } : [],
    });
  },
});
