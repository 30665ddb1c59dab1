/** @file A LimitRange gives containers that set no requests or limits sane defaults instead of none. */
import { defineRule } from '../engine/rule';
import { generatedDocumentFixes } from '../workspace/fixes';
import { describeNamespace, describeWorkloads, namespacesAnchoredIn } from '../workspace/queries';
import { limitRangeDocument } from '../workspace/templates';
import { limitRangesReference } from './support/workspaceReferences';

export default defineRule({
  meta: {
    id: 'namespace-limit-range',
    title: 'Namespace without a LimitRange',
    severity: 'info',
    category: 'resources',
    fixable: 'unsafe',
    docs: {
      summary: 'Notes a namespace that runs workloads in the workspace but has no LimitRange. Reported once per namespace, on its Namespace manifest, or on its first workload when no file declares it.',
      why: 'A container without a memory limit can grow until the node runs out of memory and the kernel kills whatever it picks. A LimitRange fills in default requests and limits for containers that set none, and keeps pods admissible under a ResourceQuota.',
      fix: 'Add a LimitRange of type Container with defaultRequest and default values suited to the namespace. The quick fix writes one with placeholder values marked for review.',
      example: 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: container-defaults, namespace: shop}\nspec:\n  limits:\n    - type: Container\n      defaultRequest: {cpu: 100m, memory: 128Mi}\n      default: {memory: 256Mi}',
      references: [limitRangesReference],
    },
    messages: {
      missing: 'No LimitRange in {{namespace}}, which runs {{workloads}}: containers that set no requests or limits get none by default.',
    },
  },
  checkWorkspace(context) {
    for (const anchor of namespacesAnchoredIn(context)) {
      if (context.workspace.list('limitRange', anchor.namespace).length > 0) continue;
      const text = limitRangeDocument(anchor.namespace, new Set());
      context.report({
        messageId: 'missing',
        data: { namespace: describeNamespace(anchor.namespace), workloads: describeWorkloads(anchor.workloads) },
        at: anchor.at,
        fix: generatedDocumentFixes('a LimitRange (placeholder values)', text, `limit-range${anchor.namespace ? `-${anchor.namespace}` : ''}.yaml`),
      });
    }
  },
});
