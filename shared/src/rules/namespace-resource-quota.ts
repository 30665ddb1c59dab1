/** @file Every namespace that runs workloads should have a ResourceQuota capping what it may consume. */
import { defineRule } from '../engine/rule';
import { generatedDocumentFixes } from '../workspace/fixes';
import { describeNamespace, describeWorkloads, namespacesAnchoredIn } from '../workspace/queries';
import { resourceQuotaDocument } from '../workspace/templates';
import { resourceQuotasReference } from './support/workspaceReferences';

export default defineRule({
  meta: {
    id: 'namespace-resource-quota',
    title: 'Namespace without a ResourceQuota',
    severity: 'warning',
    category: 'resources',
    fixable: 'unsafe',
    docs: {
      summary: 'Reports a namespace that runs workloads in the workspace but has no ResourceQuota. Reported once per namespace, on its Namespace manifest, or on its first workload when no file declares it.',
      why: 'Without a quota one namespace can claim every CPU, byte of memory and pod slot of the cluster, whether by a bug, a runaway autoscaler or an attacker mining on a compromised workload, and starve everything else.',
      fix: 'Add a ResourceQuota sized for the namespace (requests.cpu, requests.memory, limits.memory, pods). The quick fix writes one with placeholder values marked for review; once it applies, every container must set the requests it names.',
      example: 'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: compute-quota, namespace: shop}\nspec:\n  hard: {requests.cpu: "4", requests.memory: 8Gi, limits.memory: 16Gi, pods: "50"}',
      references: [resourceQuotasReference, { standard: 'CIS', title: 'CIS Kubernetes Benchmark 5.7: General Policies (namespaces as administrative boundaries)', url: 'https://www.cisecurity.org/benchmark/kubernetes', control: '5.7' }],
    },
    messages: {
      missing: 'No ResourceQuota in {{namespace}}, which runs {{workloads}}: nothing caps the CPU, memory and pods it can take from the rest of the cluster.',
    },
  },
  checkWorkspace(context) {
    for (const anchor of namespacesAnchoredIn(context)) {
      const quotas = context.workspace.list('resourceQuota', anchor.namespace);
      if (quotas.length > 0) continue;
      const text = resourceQuotaDocument(anchor.namespace, new Set());
      context.report({
        messageId: 'missing',
        data: { namespace: describeNamespace(anchor.namespace), workloads: describeWorkloads(anchor.workloads) },
        at: anchor.at,
        fix: generatedDocumentFixes('a ResourceQuota (placeholder values)', text, `resource-quota${anchor.namespace ? `-${anchor.namespace}` : ''}.yaml`),
      });
    }
  },
});
