/** @file Service externalIPs let a Service capture traffic for addresses it does not own (CVE-2020-8554). */
import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import { apiGroup } from '../model/workload';

export default defineRule({
  meta: {
    id: 'service-external-ips',
    title: 'Service sets externalIPs',
    severity: 'warning',
    category: 'exposure',
    docs: {
      summary: 'Flags Services that list spec.externalIPs.',
      why: 'Every node routes traffic for an externalIP to the Service, whoever owns that address: a Service naming another service\'s or an external site\'s IP silently intercepts the cluster\'s traffic to it (CVE-2020-8554, unpatched by design). The field is also how such an attack looks in a manifest, so it deserves a reviewer\'s eye.',
      fix: 'Use a LoadBalancer Service or an Ingress instead. If externalIPs are truly needed (bare metal), let an admission policy allow only the addresses the team owns, and enable the DenyServiceExternalIPs admission plugin elsewhere.',
      references: [{ standard: 'Kubernetes docs', title: 'Service: external IPs', url: 'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips' }, { standard: 'CVE', title: 'CVE-2020-8554: man in the middle using LoadBalancer or ExternalIPs', url: 'https://github.com/kubernetes/kubernetes/issues/97076' }],
      peers: { trivy: 'KSV-0108' },
    },
    messages: {
      externalIPs: 'Service "{{name}}" sets externalIPs ({{ips}}): every node routes traffic for those addresses to it, whoever owns them (CVE-2020-8554). Use a LoadBalancer or Ingress, or make sure the addresses are yours.',
    },
  },
  checkObject({ object, report }) {
    if (object.kind !== 'Service' || apiGroup(object.apiVersion) !== '') return;
    const spec = object.map.map('spec');
    const entry = spec?.get('externalIPs');
    const ips = spec?.seq('externalIPs')?.strings().map((s) => s.value) ?? [];
    if (!entry || ips.length === 0) return;
    report({ messageId: 'externalIPs', data: { name: object.name ?? '?', ips: ips.join(', ') }, at: (entry.mergedVia ?? entry.keyNode) as Node });
  },
});
