import rule from '../../shared/src/rules/network-policy-unselected-workload';
import { runWorkspaceRuleTests } from '../harness/workspaceTester';
import { deployment, networkPolicy } from './fixtures';

const data = (name: string, count: number, namespace = 'namespace "shop"') => ({ kind: 'Deployment', name, count, namespace });

runWorkspaceRuleTests(rule, {
  valid: [
    { name: 'a namespace without policies is network-policy-default-deny\'s finding', files: { 'app.yaml': deployment('web', { namespace: 'shop' }) } },
    { name: 'podSelector: {} selects every workload (trap)', files: { 'app.yaml': deployment('web', { namespace: 'shop' }), 'np.yaml': networkPolicy('all', 'shop', ['podSelector: {}']) } },
    { name: 'matchExpressions In selects the workload', files: { 'app.yaml': deployment('web', { namespace: 'shop', labels: 'tier: front' }), 'np.yaml': networkPolicy('front', 'shop', ['podSelector:', '  matchExpressions: [{key: tier, operator: In, values: [front, edge]}]']) } },
    { name: 'policies of another namespace do not count, but neither does this one have any', files: { 'app.yaml': deployment('web', { namespace: 'shop' }), 'np.yaml': networkPolicy('x', 'other', ['podSelector: {matchLabels: {app: db}}']) } },
  ],
  invalid: [
    {
      name: 'a policy for another app leaves this one open',
      files: { 'app.yaml': deployment('web', { namespace: 'shop' }), 'db.yaml': deployment('db', { namespace: 'shop' }), 'np.yaml': networkPolicy('db', 'shop', ['podSelector: {matchLabels: {app: db}}']) },
      errors: [{ file: 'app.yaml', messageId: 'unselected', data: data('web', 1), line: 2, column: 7, severity: 'warning' }],
      output: null,
    },
    {
      name: 'NotIn and DoesNotExist are honoured',
      files: {
        'app.yaml': deployment('web', { namespace: 'shop', labels: 'app: web, tier: front' }),
        'np.yaml': networkPolicy('not-front', 'shop', ['podSelector:', '  matchExpressions: [{key: tier, operator: NotIn, values: [front]}]']) + '---\n' + networkPolicy('untiered', 'shop', ['podSelector:', '  matchExpressions: [{key: tier, operator: DoesNotExist}]']),
      },
      errors: [{ file: 'app.yaml', messageId: 'unselected', data: data('web', 2), line: 2, column: 7 }],
    },
  ],
});
