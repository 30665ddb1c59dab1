/** @file Containers must not add capabilities beyond the runtime's default set; some hand over the node (PSS baseline "Capabilities"). */
import { isScalar, type Scalar } from 'yaml';
import { defineRule } from '../engine/rule';
import { canonicalCapability, NODE_TAKEOVER_CAPABILITIES } from '../model/capabilities';
import { removeItemFix, type Location } from '../policy/locate';
import { pssIssues } from '../policy/podSecurity';
import { BASELINE_ALLOWED_CAPABILITIES } from '../pss/allowLists';
import type { FixDescriptor } from '../engine/rule';
import { pssReference, securityContextReference } from './common';

/** `cap_chown` → `CHOWN`, keeping the quotes it was written with. */
function renameFix(at: Location, canonical: string): FixDescriptor | undefined {
  const node = at.valueNode;
  if (at.shared || !isScalar(node) || !node.range) return undefined;
  const type = (node as Scalar).type;
  const text = type === 'QUOTE_DOUBLE' ? `"${canonical}"` : type === 'QUOTE_SINGLE' ? `'${canonical}'` : canonical;
  const [start, end] = node.range;
  return { title: `Write the capability as ${canonical}`, apply: (e) => void e.replace(start, end, text) };
}

export default defineRule({
  meta: {
    id: 'dangerous-capabilities',
    title: 'Dangerous capability added',
    severity: 'error',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['capabilities_baseline', 'capabilities_restricted'],
    docs: {
      summary: 'Flags capabilities.add entries outside the runtime default set (Pod Security Standards baseline, check capabilities_baseline); SYS_ADMIN, SYS_MODULE, SYS_PTRACE, BPF, ALL and other node-level capabilities are errors wherever the pod runs.',
      why: 'Added capabilities give a process kernel powers root would have: SYS_ADMIN is close to privileged, SYS_MODULE loads kernel code, SYS_PTRACE reads other processes, NET_RAW and NET_ADMIN let it spoof or reroute traffic. The Pod Security Standards baseline forbids all of them, and compares names exactly, so cap_chown or CAP_CHOWN is rejected where CHOWN is not.',
      fix: 'Remove the capability from capabilities.add; if the workload truly needs it, isolate it in its own namespace and document why. Write default-set capabilities exactly as the standard does (CHOWN, not cap_chown).',
      example: 'securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]',
      references: [pssReference('baseline', 'Capabilities'), securityContextReference],
      peers: { checkov: 'CKV_K8S_39', polaris: 'dangerousCapabilities', trivy: 'KSV-0022', kubescape: 'C-0046', kubesec: 'CapSysAdmin' },
    },
    messages: {
      nodeLevel: 'Container "{{container}}" adds capability {{capability}}, which gives it control over the node. Remove it. {{policy}}',
      added: 'Container "{{container}}" adds capability {{capability}}, which is outside the default set the Pod Security Standards allow. Remove it unless it is required. {{policy}}',
      spelling: 'Container "{{container}}" adds capability "{{written}}": Pod Security admission compares names exactly and allows it only as {{capability}}. Write {{capability}}. {{policy}}',
    },
  },
  checkWorkload(context) {
    // Entries in the default set (added where restricted allows none) belong to capabilities-restricted-add.
    const written = (value: unknown) => String(value ?? '');
    const owns = (_: unknown, finding: { path: readonly (string | number)[]; value?: unknown }) => finding.path.includes('add') && !BASELINE_ALLOWED_CAPABILITIES.has(written(finding.value));
    const floor = (_: unknown, finding: { value?: unknown }) => (NODE_TAKEOVER_CAPABILITIES.has(canonicalCapability(written(finding.value))) ? 'error' as const : undefined);
    for (const issue of pssIssues(context, ['capabilities_baseline', 'capabilities_restricted'], { owns, floor })) {
      const raw = written(issue.finding.value);
      const capability = canonicalCapability(raw);
      const respell = BASELINE_ALLOWED_CAPABILITIES.has(capability);
      const messageId = respell ? 'spelling' : NODE_TAKEOVER_CAPABILITIES.has(capability) ? 'nodeLevel' : 'added';
      const fix = respell ? renameFix(issue.at, capability) : removeItemFix(issue.at, `Remove capability ${capability}`);
      context.report({
        messageId,
        data: { container: issue.at.container?.name ?? '', capability, written: raw, policy: issue.policy },
        at: issue.at.valueNode,
        severity: issue.severity,
        pssCheck: issue.check,
        fix: fix ?? [],
      });
    }
  },
});
