/** @file Containers must set allowPrivilegeEscalation: false, or setuid binaries can gain privileges. */
import { defineRule } from '../engine/rule';
import { scalarOf, valueAt } from '../model/node';
import { coveredByMissingSecurityContext, isWindows, missingFieldAnchor, pssReference, securityContextReference } from './common';

export default defineRule({
  meta: {
    id: 'allow-privilege-escalation',
    title: 'Privilege escalation allowed',
    severity: 'warning',
    category: 'pod-security',
    fixable: 'safe',
    docs: {
      summary: 'Flags containers that do not set securityContext.allowPrivilegeEscalation: false.',
      why: 'Unless no_new_privs is set, a process can gain more privileges than its parent through setuid or setgid binaries or file capabilities, turning a foothold in the container into root inside it.',
      fix: 'Set allowPrivilegeEscalation: false in every container securityContext. The fix is safe: only setuid/setgid programs (sudo, su) change behaviour.',
      example: 'securityContext:\n  allowPrivilegeEscalation: false',
      references: [pssReference('restricted', 'Privilege Escalation'), securityContextReference],
      peers: { kubeLinter: 'privilege-escalation-container', checkov: 'CKV_K8S_20', polaris: 'privilegeEscalationAllowed', trivy: 'KSV-0001', kubescape: 'C-0016', kubesec: 'AllowPrivilegeEscalation' },
    },
    messages: {
      allowed: 'Container "{{container}}" sets allowPrivilegeEscalation: true: setuid binaries can make its processes root. Set it to false.',
      unset: 'Container "{{container}}" does not set allowPrivilegeEscalation: false, so setuid binaries can escalate privileges (the default is true).',
    },
  },
  checkWorkload({ workload, report, isEnabled }) {
    if (isWindows(workload)) return;
    for (const container of workload.containers) {
      const entry = container.securityContext?.get('allowPrivilegeEscalation');
      if (entry && scalarOf(entry) === false) continue;
      if (!entry && coveredByMissingSecurityContext(workload, container, isEnabled)) continue;
      report({
        messageId: entry && scalarOf(entry) !== null ? 'allowed' : 'unset',
        data: { container: container.name },
        at: entry ? valueAt(entry) : missingFieldAnchor(container),
        fix: { title: 'Set allowPrivilegeEscalation: false', apply: (e) => e.setPath(container.map, ['securityContext', 'allowPrivilegeEscalation'], false) },
      });
    }
  },
});
