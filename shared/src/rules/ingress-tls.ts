/** @file Ingress hosts should be served over TLS. */
import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import { apiGroup } from '../model/workload';

/** Annotations by which cloud load balancers terminate TLS without a tls section. */
const EXTERNAL_TLS = ['alb.ingress.kubernetes.io/certificate-arn', 'ingress.gcp.kubernetes.io/pre-shared-cert', 'networking.gke.io/managed-certificates', 'appgw.ingress.kubernetes.io/appgw-ssl-certificate'];

/** Whether a TLS host entry covers a rule host (`*.example.com` covers one label). */
function covers(tlsHost: string, host: string): boolean {
  if (tlsHost === host) return true;
  return tlsHost.startsWith('*.') && host.endsWith(tlsHost.slice(1)) && !host.slice(0, -tlsHost.length + 1).includes('.');
}

export default defineRule({
  meta: {
    id: 'ingress-tls',
    title: 'Ingress without TLS',
    severity: 'warning',
    category: 'exposure',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags Ingresses with no spec.tls, and rule hosts that no tls entry covers. Ingresses whose cloud load balancer terminates TLS through an annotation (ALB certificate-arn, GCE pre-shared or managed certificates, Application Gateway) are left alone.',
      why: 'Without TLS, passwords, session cookies and API tokens cross the network in clear text, and anyone on the path (a shared Wi-Fi, a compromised node, the cloud network) can read or rewrite them.',
      fix: 'Add a tls entry listing the hosts and a Secret holding their certificate; cert-manager can issue and renew it. The quick fix adds a tls entry for all hosts with a secretName of <ingress>-tls; it is unsafe until that certificate Secret exists.',
      example: 'spec:\n  tls:\n    - hosts: [shop.example.com]\n      secretName: shop-tls',
      references: [{ standard: 'Kubernetes docs', title: 'Ingress: TLS', url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls' }],
      peers: { polaris: 'tlsSettingsMissing', kubescape: 'C-0263' },
    },
    messages: {
      noTls: 'Ingress "{{name}}" has no tls section: its traffic, credentials and cookies included, travels in clear text. Add tls with a certificate Secret.',
      hostWithoutTls: 'Ingress "{{name}}" serves host {{host}} without TLS: no tls entry lists it. Add it to a tls entry.',
    },
  },
  checkObject({ object, report }) {
    if (object.kind !== 'Ingress' || !['networking.k8s.io', 'extensions'].includes(apiGroup(object.apiVersion))) return;
    const annotations = object.metadata?.map('annotations');
    if (EXTERNAL_TLS.some((key) => annotations?.has(key))) return;
    const spec = object.map.map('spec');
    if (!spec) return;
    const rules = spec.seq('rules')?.maps() ?? [];
    const hosts = rules.flatMap(({ map }) => {
      const entry = map.get('host');
      const host = map.string('host');
      return entry && host ? [{ host, node: (entry.valueNode ?? entry.keyNode) as Node }] : [];
    });
    const tls = spec.seq('tls')?.maps() ?? [];
    const data = { name: object.name ?? '?' };
    if (tls.length === 0) {
      const anchor = spec.get('rules') ?? object.map.get('spec')!;
      const unique = [...new Set(hosts.map((h) => h.host))];
      const specEntry = object.map.get('spec')!;
      const editable = !spec.get('tls')?.mergedVia && !specEntry.mergedVia && specEntry.valueNode === specEntry.value;
      report({
        messageId: 'noTls',
        data,
        at: (anchor.mergedVia ?? anchor.keyNode) as Node,
        fix: editable && unique.length > 0 ? { title: `Add tls for ${unique.join(', ')}`, apply: (e) => e.set(spec, 'tls', [{ hosts: unique, secretName: `${object.name ?? 'ingress'}-tls` }]) } : [],
      });
      return;
    }
    // A tls entry without hosts applies the controller's certificate to every host.
    if (tls.some(({ map }) => !map.has('hosts'))) return;
    const tlsHosts = tls.flatMap(({ map }) => map.seq('hosts')?.strings().map((s) => s.value) ?? []);
    for (const { host, node } of hosts) {
      if (!tlsHosts.some((t) => covers(t, host))) report({ messageId: 'hostWithoutTls', data: { ...data, host }, at: node });
    }
  },
});
