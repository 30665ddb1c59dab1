/** @file Containers must set allowPrivilegeEscalation: false, or setuid binaries can gain privileges (PSS restricted "Privilege Escalation"). */
import { defineRule } from '../engine/rule';
import { scalarOf } from '../model/node';
import type { Container } from '../model/workload';
import { setFix, writeFix } from '../policy/locate';
import { pssIssues, shown } from '../policy/podSecurity';
import { coveredByMissingSecurityContext, pssReference, securityContextReference } from './common';

/** The API server rejects allowPrivilegeEscalation: false together with privileged or CAP_SYS_ADMIN. */
function falseWouldBeRejected(container: Container | undefined): boolean {
  const context = container?.securityContext;
  if (!context) return false;
  if (scalarOf(context.get('privileged')) === true) return true;
  // The API compares the exact string, so only CAP_SYS_ADMIN (not SYS_ADMIN) conflicts.
  return Boolean(context.map('capabilities')?.seq('add')?.strings().some((c) => c.value === 'CAP_SYS_ADMIN'));
}

export default defineRule({
  meta: {
    id: 'allow-privilege-escalation',
    title: 'Privilege escalation allowed',
    severity: 'warning',
    category: 'pod-security',
    fixable: 'safe',
    pssChecks: ['allowPrivilegeEscalation'],
    docs: {
      summary: 'Flags containers that do not set securityContext.allowPrivilegeEscalation: false (Pod Security Standards restricted, check allowPrivilegeEscalation; Windows pods are exempt from policy v1.25).',
      why: 'Unless no_new_privs is set, a process can gain more privileges than its parent through setuid or setgid binaries or file capabilities, turning a foothold in the container into root inside it.',
      fix: 'Set allowPrivilegeEscalation: false in every container securityContext. The fix is safe: only setuid/setgid programs (sudo, su) change behaviour. It is not offered for privileged containers or containers adding CAP_SYS_ADMIN, where the API server rejects that combination (fix privileged first).',
      example: 'securityContext:\n  allowPrivilegeEscalation: false',
      references: [pssReference('restricted', 'Privilege Escalation'), securityContextReference],
      peers: { kubeLinter: 'privilege-escalation-container', checkov: 'CKV_K8S_20', polaris: 'privilegeEscalationAllowed', trivy: 'KSV-0001', kubescape: 'C-0016', kubesec: 'AllowPrivilegeEscalation' },
    },
    messages: {
      allowed: 'Container "{{container}}" sets allowPrivilegeEscalation: true: setuid binaries can make its processes root. Set it to false. {{policy}}',
      invalid: 'Container "{{container}}" sets allowPrivilegeEscalation to {{value}}, which is not the boolean false, so setuid binaries can escalate privileges. Set it to false. {{policy}}',
      unset: 'Container "{{container}}" does not set allowPrivilegeEscalation: false, so setuid binaries can escalate privileges (the default is true). {{policy}}',
    },
  },
  checkWorkload(context) {
    for (const issue of pssIssues(context, ['allowPrivilegeEscalation'])) {
      const { at } = issue;
      const container = at.container;
      if (!at.found && container && coveredByMissingSecurityContext(context.workload, container, context.isEnabled)) continue;
      const value = at.found ? issue.finding.value : undefined;
      const title = 'Set allowPrivilegeEscalation: false';
      const fix = falseWouldBeRejected(container) ? undefined : at.found ? setFix(at, false, title) : writeFix(at, false, title);
      context.report({
        messageId: !at.found ? 'unset' : value === true ? 'allowed' : 'invalid',
        data: { container: container?.name ?? '', policy: issue.policy, value: shown(value) },
        at: at.found ? at.valueNode : at.keyNode,
        severity: issue.severity,
        pssCheck: issue.check,
        fix: fix ?? [],
      });
    }
  },
});
