/** @file Only the container SELinux types, and no custom SELinux user or role (PSS baseline "SELinux"). */
import { defineRule } from '../engine/rule';
import { removeFix } from '../policy/locate';
import { pssIssues, shown, subjectOf } from '../policy/podSecurity';
import { pssReference, securityContextReference } from './common';

export default defineRule({
  meta: {
    id: 'selinux-options',
    title: 'Custom SELinux options',
    severity: 'error',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['seLinuxOptions'],
    docs: {
      summary: 'Flags seLinuxOptions whose type is not a container type (container_t, container_init_t, container_kvm_t, and container_engine_t from policy v1.31) or that set a user or role (Pod Security Standards baseline, check seLinuxOptions).',
      why: 'On SELinux nodes the container type is what keeps a container away from host files and other containers. Types such as spc_t (super-privileged container) or unconfined_t lift that confinement, and a custom SELinux user or role can grant the process host-level access.',
      fix: 'Remove the type so the runtime assigns container_t, and remove user and role; keep level (MCS categories) if you need it. The fix is unsafe: a workload written for a custom policy loses the access it was given.',
      example: 'securityContext:\n  seLinuxOptions:\n    level: "s0:c123,c456"',
      references: [pssReference('baseline', 'SELinux'), securityContextReference],
      peers: { trivy: 'KSV-0025', kubescape: 'C-0211' },
    },
    messages: {
      type: '{{subject}} sets seLinuxOptions.type to {{value}}, which is not one of the confined container types, so SELinux no longer keeps it away from the node. Remove the type to get container_t. {{policy}}',
      userOrRole: '{{subject}} sets seLinuxOptions.{{field}} to {{value}}: a custom SELinux {{field}} can lift the container\'s confinement. Remove it. {{policy}}',
    },
  },
  checkWorkload(context) {
    for (const issue of pssIssues(context, ['seLinuxOptions'])) {
      const field = String(issue.finding.path[issue.finding.path.length - 1]);
      context.report({
        messageId: field === 'type' ? 'type' : 'userOrRole',
        data: { subject: subjectOf(issue.at), field, value: shown(issue.finding.value), policy: issue.policy },
        at: issue.at.found ? issue.at.valueNode : issue.at.keyNode,
        severity: issue.severity,
        pssCheck: issue.check,
        fix: removeFix(issue.at, `Remove seLinuxOptions.${field}`, '') ?? [],
      });
    }
  },
});
