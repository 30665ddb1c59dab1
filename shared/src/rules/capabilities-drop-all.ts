/** @file Containers should drop ALL capabilities and add back only what they need (PSS restricted "Capabilities", drop part). */
import { defineRule } from '../engine/rule';
import { SeqView } from '../model/node';
import { setFix, writeFix } from '../policy/locate';
import { pssIssues } from '../policy/podSecurity';
import { coveredByMissingSecurityContext, pssReference, securityContextReference } from './common';

export default defineRule({
  meta: {
    id: 'capabilities-drop-all',
    title: 'Capabilities not dropped',
    severity: 'warning',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['capabilities_restricted'],
    docs: {
      summary: 'Flags containers whose securityContext.capabilities.drop does not contain ALL (Pod Security Standards restricted, check capabilities_restricted, from policy v1.22; Windows pods are exempt from v1.25).',
      why: 'Container runtimes grant a default set of Linux capabilities (NET_RAW, CHOWN, SETUID, DAC_OVERRIDE and more). NET_RAW alone lets a compromised container spoof traffic on the pod network; each unused capability is attack surface.',
      fix: 'Add ALL to capabilities.drop and list in capabilities.add only what the process needs (usually nothing, sometimes NET_BIND_SERVICE). Pod Security admission compares the name exactly: write ALL, not all. The fix is unsafe: a process that relies on a default capability stops working.',
      example: 'securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]',
      references: [pssReference('restricted', 'Capabilities'), securityContextReference],
      peers: { kubeLinter: 'drop-net-raw-capability', checkov: 'CKV_K8S_37', polaris: 'insecureCapabilities', trivy: 'KSV-0003', kubesec: 'CapDropAll' },
    },
    messages: {
      notDropped: 'Container "{{container}}" does not drop ALL capabilities, so it keeps the runtime defaults (NET_RAW among them). Add ALL to capabilities.drop. {{policy}}',
    },
  },
  checkWorkload(context) {
    // Findings about `add` belong to dangerous-capabilities and capabilities-restricted-add.
    const owns = (_: unknown, finding: { path: readonly (string | number)[] }) => !finding.path.includes('add');
    for (const issue of pssIssues(context, ['capabilities_restricted'], { owns })) {
      const { at } = issue;
      const container = at.container;
      if (!at.found && container && !container.securityContext && coveredByMissingSecurityContext(context.workload, container, context.isEnabled)) continue;
      const title = 'Drop ALL capabilities';
      const fix = at.found ? setFix(at, ['ALL'], title) : writeFix(at, at.parent instanceof SeqView ? 'ALL' : ['ALL'], title);
      context.report({
        messageId: 'notDropped',
        data: { container: container?.name ?? '', policy: issue.policy },
        at: at.found ? at.valueNode : at.keyNode,
        severity: issue.severity,
        pssCheck: issue.check,
        fix: fix ?? [],
      });
    }
  },
});
