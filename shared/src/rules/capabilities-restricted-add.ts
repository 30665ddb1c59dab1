/** @file Under the restricted profile a container may add only NET_BIND_SERVICE (PSS restricted "Capabilities", add part). */
import { defineRule } from '../engine/rule';
import { removeItemFix } from '../policy/locate';
import { pssIssues } from '../policy/podSecurity';
import { BASELINE_ALLOWED_CAPABILITIES } from '../pss/allowLists';
import { pssReference, securityContextReference } from './common';

export default defineRule({
  meta: {
    id: 'capabilities-restricted-add',
    title: 'Capability added beyond NET_BIND_SERVICE',
    severity: 'warning',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['capabilities_restricted'],
    docs: {
      summary: 'Flags capabilities.add entries from the runtime default set other than NET_BIND_SERVICE (Pod Security Standards restricted, check capabilities_restricted, from policy v1.22); capabilities outside the default set are reported by dangerous-capabilities.',
      why: 'The restricted profile expects a container to drop every capability and take back at most NET_BIND_SERVICE, to listen on a port below 1024. CHOWN, DAC_OVERRIDE, SETUID and the rest of the default set let a process that is already compromised take over files and identities inside the container.',
      fix: 'Remove the capability; fix file ownership in the image, or run the process as the user that owns its files. To listen on a low port add NET_BIND_SERVICE only (or listen on a high port and map it in the Service).',
      example: 'securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]',
      references: [pssReference('restricted', 'Capabilities'), securityContextReference],
      peers: { trivy: 'KSV-0106' },
    },
    messages: {
      added: 'Container "{{container}}" adds capability {{capability}}; the restricted profile allows adding only NET_BIND_SERVICE. Remove it. {{policy}}',
    },
  },
  checkWorkload(context) {
    const owns = (_: unknown, finding: { path: readonly (string | number)[]; value?: unknown }) => finding.path.includes('add') && BASELINE_ALLOWED_CAPABILITIES.has(String(finding.value));
    for (const issue of pssIssues(context, ['capabilities_restricted'], { owns })) {
      const capability = String(issue.finding.value);
      context.report({
        messageId: 'added',
        data: { container: issue.at.container?.name ?? '', capability, policy: issue.policy },
        at: issue.at.valueNode,
        severity: issue.severity,
        pssCheck: issue.check,
        fix: removeItemFix(issue.at, `Remove capability ${capability}`) ?? [],
      });
    }
  },
});
