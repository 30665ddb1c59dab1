import rule from '../../shared/src/rules/reference-ingress-service';
import { runWorkspaceRuleTests } from '../harness/workspaceTester';
import { named } from './fixtures';

const ingress = ['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web, namespace: shop}', 'spec:', '  defaultBackend: {service: {name: fallback, port: {number: 80}}}', '  rules:', '    - http:', '        paths:', '          - path: /', '            pathType: Prefix', '            backend: {service: {name: web, port: {number: 80}}}', ''].join('\n');
const legacy = ['apiVersion: extensions/v1beta1', 'kind: Ingress', 'metadata: {name: old, namespace: shop}', 'spec:', '  backend: {serviceName: web, servicePort: 80}', ''].join('\n');

runWorkspaceRuleTests(rule, {
  valid: [
    { name: 'both Services in another file', files: { 'ing.yaml': ingress, 'svc.yaml': [named('v1', 'Service', 'web', 'shop'), named('v1', 'Service', 'fallback', 'shop')].join('---\n') } },
    { name: 'extensions/v1beta1 serviceName', files: { 'ing.yaml': legacy, 'svc.yaml': named('v1', 'Service', 'web', 'shop') } },
  ],
  invalid: [
    {
      name: 'a Service of another namespace cannot be a backend',
      files: { 'ing.yaml': ingress, 'svc.yaml': [named('v1', 'Service', 'web', 'other'), named('v1', 'Service', 'fallback', 'shop')].join('---\n') },
      errors: [{ file: 'ing.yaml', messageId: 'missing', data: { name: 'web', service: 'web', namespace: 'namespace "shop"' }, line: 11, column: 39, severity: 'warning' }],
      output: null,
    },
    {
      name: 'the legacy form too',
      files: { 'ing.yaml': legacy },
      errors: [{ file: 'ing.yaml', messageId: 'missing', data: { name: 'old', service: 'web', namespace: 'namespace "shop"' }, line: 5, column: 26 }],
    },
  ],
});
