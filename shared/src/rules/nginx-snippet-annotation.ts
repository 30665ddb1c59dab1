/** @file ingress-nginx snippet annotations inject raw NGINX configuration into a controller that can read every Secret. */
import type { Node } from 'yaml';
import { isScalar, type Scalar } from 'yaml';
import { defineRule } from '../engine/rule';

/** ingress-nginx (`nginx.ingress.kubernetes.io/*-snippet`) and NGINX Inc.'s controller (`nginx.org/*-snippets`). */
const SNIPPET = /^(?:nginx\.ingress\.kubernetes\.io\/[a-z-]*snippet|nginx\.org\/[a-z-]*snippets)$/;

export default defineRule({
  meta: {
    id: 'nginx-snippet-annotation',
    title: 'NGINX configuration snippet annotation',
    severity: 'warning',
    category: 'exposure',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags Ingress annotations that inject raw NGINX configuration (configuration-snippet, server-snippet, auth-snippet, stream-snippet, modsecurity-snippet, nginx.org location/server snippets), and controller ConfigMaps that set allow-snippet-annotations: "true".',
      why: 'Snippets run inside the ingress controller, whose ServiceAccount can read every Secret in the cluster. Anyone allowed to create an Ingress can then read that token or any file the controller sees, or run Lua code in it (CVE-2021-25742, and the 2025 IngressNightmare annotation injections CVE-2025-1974 and others). That is why ingress-nginx disables snippets by default since v1.9.',
      fix: 'Replace the snippet with the dedicated annotation or ConfigMap option for the behaviour (headers, rewrites, auth), and keep allow-snippet-annotations off. The quick fix removes the annotation; it is unsafe because the NGINX configuration it carried goes away.',
      references: [{ standard: 'CVE', title: 'CVE-2021-25742: ingress-nginx custom snippets allow retrieval of ingress-nginx serviceaccount token and secrets across all namespaces', url: 'https://github.com/kubernetes/ingress-nginx/issues/7837' }, { standard: 'Kubernetes blog', title: 'Ingress-nginx CVE-2025-1974: What You Need to Know', url: 'https://kubernetes.io/blog/2025/03/24/ingress-nginx-cve-2025-1974/' }],
      peers: { checkov: 'CKV_K8S_153 (CKV_K8S_152, CKV_K8S_154)', trivy: 'KCV-0093', kubescape: 'C-0059' },
    },
    messages: {
      snippet: 'Ingress "{{name}}" injects raw NGINX configuration with {{annotation}}: it runs inside the controller, which can read every Secret in the cluster. Use the dedicated annotation for the behaviour instead.',
      allowSnippets: 'ConfigMap "{{name}}" sets allow-snippet-annotations: "true", so anyone who can create an Ingress can run configuration inside the controller and read every Secret it can. Set it to "false".',
    },
  },
  checkObject({ object, report }) {
    if (object.kind === 'Ingress') {
      const annotations = object.metadata?.map('annotations');
      if (!annotations) return;
      const editable = object.metadata!.get('annotations')!.valueNode === annotations.node;
      for (const entry of annotations.entries()) {
        if (!SNIPPET.test(entry.key)) continue;
        report({
          messageId: 'snippet',
          data: { name: object.name ?? '?', annotation: entry.key },
          at: (entry.mergedVia ?? entry.keyNode) as Node,
          fix: editable && !entry.mergedVia ? { title: `Remove annotation ${entry.key}`, apply: (e) => e.delete(annotations, entry.key) } : [],
        });
      }
    } else if (object.kind === 'ConfigMap' && object.apiVersion === 'v1') {
      const entry = object.map.map('data')?.get('allow-snippet-annotations');
      const value = entry?.value && isScalar(entry.value) ? String((entry.value as Scalar).value) : '';
      if (entry && value.toLowerCase() === 'true') {
        report({ messageId: 'allowSnippets', data: { name: object.name ?? '?' }, at: (entry.mergedVia ?? entry.valueNode ?? entry.keyNode) as Node, fix: entry.mergedVia ? [] : { title: 'Set allow-snippet-annotations: "false"', apply: (e) => e.set(object.map.map('data')!, 'allow-snippet-annotations', 'false') } });
      }
    }
  },
});
