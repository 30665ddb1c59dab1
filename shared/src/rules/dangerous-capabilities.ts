/** @file Containers must not add capabilities beyond the runtime's default set; some hand over the node. */
import { defineRule, type Severity } from '../engine/rule';
import { isSeq, type YAMLSeq } from 'yaml';
import { SeqView } from '../model/node';
import { pssReference, securityContextReference } from './common';

/** Capabilities the Pod Security Standards baseline allows to be added (the container runtime defaults). */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** Capabilities that amount to control of the node (kernel modules, raw devices, eBPF, all-powerful SYS_ADMIN). */
const NODE_TAKEOVER: ReadonlySet<string> = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_PTRACE', 'SYS_BOOT', 'DAC_READ_SEARCH', 'BPF', 'MAC_ADMIN', 'MAC_OVERRIDE']);

/** Capability names are written with or without the CAP_ prefix and in any case; runtimes accept all. */
export function canonicalCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

export default defineRule({
  meta: {
    id: 'dangerous-capabilities',
    title: 'Dangerous capability added',
    severity: 'warning',
    category: 'pod-security',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags capabilities.add entries outside the runtime default set; SYS_ADMIN, SYS_MODULE, SYS_PTRACE, BPF, ALL and other node-level capabilities are errors.',
      why: 'Added capabilities give a process kernel powers root would have: SYS_ADMIN is close to privileged, SYS_MODULE loads kernel code, SYS_PTRACE reads other processes, NET_RAW and NET_ADMIN let it spoof or reroute traffic. The Pod Security Standards baseline forbids all of them.',
      fix: 'Remove the capability from capabilities.add; if the workload truly needs it, isolate it in its own namespace and document why.',
      example: 'securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]',
      references: [pssReference('baseline', 'Capabilities'), securityContextReference],
      peers: { checkov: 'CKV_K8S_39', polaris: 'dangerousCapabilities', trivy: 'KSV-0022', kubescape: 'C-0046', kubesec: 'CapSysAdmin' },
    },
    messages: {
      nodeLevel: 'Container "{{container}}" adds capability {{capability}}, which gives it control over the node. Remove it.',
      added: 'Container "{{container}}" adds capability {{capability}}, which is outside the default set the Pod Security Standards allow. Remove it unless it is required.',
    },
  },
  checkWorkload({ workload, report }) {
    for (const container of workload.containers) {
      const capabilities = container.securityContext?.map('capabilities');
      const addEntry = capabilities?.get('add');
      if (!addEntry?.value || !isSeq(addEntry.value)) continue;
      const add = new SeqView(capabilities!.doc, addEntry.value as YAMLSeq);
      for (const item of add.strings()) {
        const capability = canonicalCapability(item.value);
        if (BASELINE_CAPABILITIES.has(capability)) continue;
        const severity: Severity = NODE_TAKEOVER.has(capability) ? 'error' : 'warning';
        report({
          messageId: severity === 'error' ? 'nodeLevel' : 'added',
          data: { container: container.name, capability },
          at: item.node,
          severity,
          // Removing an item from a list reached through an alias would change every user of the anchor.
          fix: addEntry.valueNode === addEntry.value ? { title: `Remove capability ${capability}`, apply: (e) => e.deleteItem(add, item.index) } : [],
        });
      }
    }
  },
});
