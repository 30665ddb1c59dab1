/** @file hostAliases rewrite a pod's /etc/hosts (hardening beyond PSS). */
import { defineRule } from '../engine/rule';
import { keyAt } from '../model/node';

export default defineRule({
  meta: {
    id: 'host-aliases',
    title: 'hostAliases override DNS',
    severity: 'info',
    category: 'hardening',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags pods that set spec.hostAliases (hardening beyond the Pod Security Standards).',
      why: 'hostAliases write entries into the pod\'s /etc/hosts, which win over cluster DNS. They pin names to addresses nobody sees in DNS, silently redirect traffic when the address changes hands, and are a classic way to point a trusted name at an attacker\'s host in a manifest that looks harmless.',
      fix: 'Remove hostAliases and publish the name through DNS: a Service (ExternalName or without selector plus Endpoints) or your DNS zone. The fix is unsafe: the pod stops resolving those names until DNS has them.',
      example: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: legacy-db\nspec:\n  type: ExternalName\n  externalName: db.example.internal',
      references: [{ standard: 'Kubernetes docs', title: 'Adding entries to Pod /etc/hosts with HostAliases', url: 'https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/' }],
      peers: { trivy: 'KSV-0007', kubesec: 'HostAliases' },
    },
    messages: {
      hostAliases: 'The pod sets hostAliases for {{hosts}}: its /etc/hosts overrides DNS for them, which can silently redirect traffic. Publish the names through a Service or DNS instead (hardening beyond the Pod Security Standards).',
    },
  },
  checkWorkload({ workload, report }) {
    const entry = workload.spec.get('hostAliases');
    const aliases = workload.spec.seq('hostAliases')?.maps() ?? [];
    if (!entry || aliases.length === 0) return;
    const hosts = aliases.flatMap(({ map }) => map.seq('hostnames')?.strings().map((h) => h.value) ?? []);
    // Entries without names override nothing.
    if (hosts.length === 0) return;
    const shown = hosts.slice(0, 3).map((h) => `"${h}"`).join(', ') + (hosts.length > 3 ? ` and ${hosts.length - 3} more` : '');
    const editable = !entry.mergedVia && entry.owner === workload.spec.node;
    report({
      messageId: 'hostAliases',
      data: { hosts: shown },
      at: keyAt(entry),
      fix: editable ? { title: 'Remove hostAliases', apply: (e) => void e.delete(workload.spec, 'hostAliases') } : [],
    });
  },
});
