import rule from '../../shared/src/rules/reference-service-pods';
import { runWorkspaceRuleTests } from '../harness/workspaceTester';
import { deployment } from './fixtures';

const service = (selector: string | undefined, namespace = 'shop', type?: string) =>
  ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', `  namespace: ${namespace}`, 'spec:', ...(type ? [`  type: ${type}`] : []), ...(selector ? [`  selector: {${selector}}`] : []), '  ports: [{port: 80}]', ''].join('\n');

runWorkspaceRuleTests(rule, {
  valid: [
    { name: 'matches the pod template labels of a workload in another file', files: { 'svc.yaml': service('app: web'), 'app.yaml': deployment('web', { namespace: 'shop', labels: 'app: web, tier: front' }) } },
    { name: 'a Service without a selector has hand-made endpoints', files: { 'svc.yaml': service(undefined) } },
    { name: 'ExternalName', files: { 'svc.yaml': service('app: web', 'shop', 'ExternalName') } },
    { name: 'a workload without a namespace may be applied next to it', files: { 'svc.yaml': service('app: web'), 'app.yaml': deployment('web') } },
    { name: 'a Deployment written without its pod spec still names its pods\' labels', files: { 'svc.yaml': service('app: web'), 'app.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n' } },
  ],
  invalid: [
    {
      name: 'labels of the Deployment object, not its pods, do not count',
      files: { 'svc.yaml': service('app: web'), 'app.yaml': deployment('web', { namespace: 'shop', labels: 'app: website' }) },
      errors: [{ file: 'svc.yaml', messageId: 'noPods', data: { name: 'web', selector: 'app=web', namespace: 'namespace "shop"', operators: '' }, line: 7, column: 3, severity: 'warning' }],
      output: null,
    },
    {
      name: 'every selector label must match',
      files: { 'svc.yaml': service('app: web, tier: back'), 'app.yaml': deployment('web', { namespace: 'shop', labels: 'app: web, tier: front' }) },
      errors: [{ file: 'svc.yaml', messageId: 'noPods', data: { name: 'web', selector: 'app=web, tier=back', namespace: 'namespace "shop"', operators: '' }, line: 7, column: 3 }],
    },
  ],
});
