/** @file Containers must be unable to run as root: runAsNonRoot: true, never runAsUser: 0 (PSS restricted "Running as Non-root" and "Running as Non-root user"). */
import { defineRule } from '../engine/rule';
import { scalarOf, type Entry } from '../model/node';
import { setFix, writeFix } from '../policy/locate';
import { containersPhrase, pssIssues, shown, subjectOf } from '../policy/podSecurity';
import { coveredByMissingSecurityContext, pssReference, securityContextReference } from './common';

function isUnset(entry: Entry | undefined): boolean {
  return !entry || scalarOf(entry) === null;
}

export default defineRule({
  meta: {
    id: 'run-as-non-root',
    title: 'Container may run as root',
    severity: 'warning',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['runAsNonRoot', 'runAsUser'],
    docs: {
      summary: 'Flags pods whose containers may run as UID 0: runAsNonRoot is not true on the pod or on every container, or runAsUser is 0 (Pod Security Standards restricted, checks runAsNonRoot and runAsUser; from policy v1.35 both are waived for pods with hostUsers: false).',
      why: 'Root in a container is root on the node as far as the kernel is concerned (unless user namespaces are on): one kernel or runtime bug, or a writable host mount, and the attacker owns the node. A non-zero runAsUser alone does not satisfy the standard: only runAsNonRoot: true makes the kubelet refuse an image that would run as root.',
      fix: 'Set runAsNonRoot: true on the pod (and a non-zero runAsUser if the image has no numeric USER); never set runAsUser: 0. The fix is unsafe: the kubelet refuses to start an image whose user is root.',
      example: 'securityContext:\n  runAsNonRoot: true\n  runAsUser: 10001',
      references: [pssReference('restricted', 'Running as Non-root'), pssReference('restricted', 'Running as Non-root user'), securityContextReference],
      peers: { kubeLinter: 'run-as-non-root', checkov: 'CKV_K8S_23', polaris: 'runAsRootAllowed', trivy: 'KSV-0012', kubescape: 'C-0013', kubesec: 'RunAsNonRoot' },
    },
    messages: {
      rootUser: '{{subject}} sets runAsUser: 0, so its processes run as root. Use a non-zero UID. {{policy}}',
      explicitFalse: '{{subject}} sets runAsNonRoot: false, so it may run as root. Set it to true. {{policy}}',
      invalid: '{{subject}} sets runAsNonRoot to {{value}}, which is not the boolean true, so it may run as root. Set it to true. {{policy}}',
      unset: 'runAsNonRoot: true is set neither on the pod nor on {{containers}}, which may therefore run as root. Set it on the pod (the image needs a numeric non-root USER). {{policy}}',
    },
  },
  checkWorkload(context) {
    const { workload } = context;
    for (const issue of pssIssues(context, ['runAsNonRoot', 'runAsUser'])) {
      const { at } = issue;
      const base = { severity: issue.severity, pssCheck: issue.check };
      if (issue.check === 'runAsUser') {
        context.report({ ...base, messageId: 'rootUser', data: { subject: subjectOf(at), policy: issue.policy }, at: at.valueNode });
        continue;
      }
      if (at.found) {
        const value = issue.finding.value;
        context.report({
          ...base,
          messageId: value === false ? 'explicitFalse' : 'invalid',
          data: { subject: subjectOf(at), value: shown(value), policy: issue.policy },
          at: at.valueNode,
          fix: setFix(at, true, `Set runAsNonRoot: true on ${at.container ? `container "${at.container.name}"` : 'the pod'}`) ?? [],
        });
        continue;
      }
      // Missing on the pod: the containers that leave it unset are the ones at risk (a wrong value is reported where it is).
      const exposed = workload.containers.filter((c) => isUnset(c.securityContext?.get('runAsNonRoot')));
      if (exposed.every((c) => coveredByMissingSecurityContext(workload, c, context.isEnabled))) continue;
      context.report({
        ...base,
        messageId: 'unset',
        data: { containers: containersPhrase(exposed.map((c) => c.name)), policy: issue.policy },
        at: at.keyNode,
        fix: writeFix(at, true, 'Set runAsNonRoot: true on the pod') ?? [],
      });
    }
  },
});
