/** @file Containers should drop ALL capabilities and add back only what they need. */
import { defineRule } from '../engine/rule';
import { keyAt } from '../model/node';
import { coveredByMissingSecurityContext, isWindows, pssReference, securityContextReference } from './common';

export default defineRule({
  meta: {
    id: 'capabilities-drop-all',
    title: 'Capabilities not dropped',
    severity: 'warning',
    category: 'pod-security',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags containers whose securityContext.capabilities.drop does not contain ALL.',
      why: 'Container runtimes grant a default set of Linux capabilities (NET_RAW, CHOWN, SETUID, DAC_OVERRIDE and more). NET_RAW alone lets a compromised container spoof traffic on the pod network; each unused capability is attack surface.',
      fix: 'Add ALL to capabilities.drop and list in capabilities.add only what the process needs (usually nothing, sometimes NET_BIND_SERVICE). The fix is unsafe: a process that relies on a default capability stops working.',
      example: 'securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]',
      references: [pssReference('restricted', 'Capabilities'), securityContextReference],
      peers: { kubeLinter: 'drop-net-raw-capability', checkov: 'CKV_K8S_37', polaris: 'insecureCapabilities', trivy: 'KSV-0003', kubesec: 'CapDropAll' },
    },
    messages: {
      notDropped: 'Container "{{container}}" does not drop ALL capabilities, so it keeps the runtime defaults (NET_RAW among them). Add ALL to capabilities.drop.',
    },
  },
  checkWorkload({ workload, report, isEnabled }) {
    if (isWindows(workload)) return;
    for (const container of workload.containers) {
      const context = container.securityContext;
      const capabilities = context?.map('capabilities');
      const drop = capabilities?.seq('drop');
      if (drop?.strings().some((item) => item.value === 'ALL')) continue;
      if (!context && coveredByMissingSecurityContext(workload, container, isEnabled)) continue;
      const dropEntry = capabilities?.get('drop');
      const at = dropEntry ? keyAt(dropEntry) : capabilities ? keyAt(context!.get('capabilities')!) : context ? container.map.get('securityContext')!.keyNode : container.anchor;
      report({
        messageId: 'notDropped',
        data: { container: container.name },
        at,
        fix: { title: 'Drop ALL capabilities', apply: (e) => e.appendToList(container.map, ['securityContext', 'capabilities', 'drop'], 'ALL') },
      });
    }
  },
});
