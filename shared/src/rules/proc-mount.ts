/** @file Containers must keep the default /proc masks (PSS baseline "/proc Mount Type"; restricted procMount_restricted from v1.35). */
import { defineRule } from '../engine/rule';
import { removeFix } from '../policy/locate';
import { pssIssues, shown } from '../policy/podSecurity';
import { pssReference, securityContextReference } from './common';

export default defineRule({
  meta: {
    id: 'proc-mount',
    title: 'Unmasked /proc',
    severity: 'error',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['procMount', 'procMount_restricted'],
    docs: {
      summary: 'Flags containers whose securityContext.procMount is anything but Default (Pod Security Standards baseline, check procMount, waived for pods with hostUsers: false from policy v1.35; restricted keeps it through procMount_restricted).',
      why: 'The runtime masks and makes read-only parts of /proc and /sys (kcore, keys, timer_list, sysrq-trigger…) that leak kernel state or control the node. Unmasked removes that protection, which only nested container builds running in a user namespace need.',
      fix: 'Remove procMount (Default is the default). Run nested builds in a pod with hostUsers: false in a namespace that allows it. The fix is unsafe for such builds.',
      example: 'securityContext:\n  procMount: Default',
      references: [pssReference('baseline', '/proc Mount Type'), securityContextReference],
      peers: { kubeLinter: 'unsafe-proc-mount', polaris: 'procMount', trivy: 'KSV-0027', kubescape: 'C-0211' },
    },
    messages: {
      unmasked: 'Container "{{container}}" sets procMount: {{value}}: /proc is not masked, exposing kernel interfaces the runtime normally hides. Remove procMount. {{policy}}',
    },
  },
  checkWorkload(context) {
    for (const issue of pssIssues(context, ['procMount', 'procMount_restricted'])) {
      context.report({
        messageId: 'unmasked',
        data: { container: issue.at.container?.name ?? '', value: shown(issue.finding.value), policy: issue.policy },
        at: issue.at.valueNode,
        severity: issue.severity,
        pssCheck: issue.check,
        fix: removeFix(issue.at, 'Remove procMount', 'Default') ?? [],
      });
    }
  },
});
