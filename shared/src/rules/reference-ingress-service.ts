/** @file An Ingress backend naming a Service defined nowhere in the workspace. */
import { defineRule } from '../engine/rule';
import { describeNamespace, factsOfType, findNamed } from '../workspace/queries';
import { ingressReference, MAY_EXIST } from './support/workspaceReferences';

export default defineRule({
  meta: {
    id: 'reference-ingress-service',
    title: 'Ingress backend Service not in the workspace',
    severity: 'warning',
    category: 'references',
    docs: {
      summary: 'Reports an Ingress backend (defaultBackend or a path\'s backend, networking.k8s.io/v1 `service.name` or the older `serviceName`) naming a Service that no file of the workspace defines in the Ingress\'s namespace.',
      why: 'A backend Service that does not exist makes the controller answer 503 for that path, and a Service created later under that name, by anyone who can, receives the traffic.',
      fix: 'Fix the backend Service name, or add the Service to the manifests deployed with the Ingress (an Ingress can only route to Services of its own namespace).',
      references: [ingressReference],
    },
    messages: {
      missing: 'Ingress "{{name}}" routes to Service "{{service}}", which is not defined in {{namespace}} in the workspace. ' + MAY_EXIST,
    },
  },
  checkWorkspace({ file, workspace, report }) {
    for (const { fact, namespace } of factsOfType(file, 'ingress')) {
      for (const backend of fact.backends) {
        if (findNamed(workspace, 'service', namespace, backend.name)) continue;
        report({ messageId: 'missing', data: { name: fact.name ?? '?', service: backend.name, namespace: describeNamespace(namespace) }, at: backend.at });
      }
    }
  },
});
