import rule from '../../shared/src/rules/network-policy-dangling-selector';
import { runWorkspaceRuleTests } from '../harness/workspaceTester';
import { deployment, join, named, networkPolicy } from './fixtures';

runWorkspaceRuleTests(rule, {
  valid: [
    { name: 'the selector matches a workload in another file', files: { 'app.yaml': deployment('web', { namespace: 'shop' }), 'np.yaml': networkPolicy('web', 'shop', ['podSelector: {matchLabels: {app: web}}']) } },
    { name: 'podSelector: {} is a namespace-wide policy, never dangling (trap)', files: { 'np.yaml': networkPolicy('all', 'shop', ['podSelector: {}', 'policyTypes: [Ingress]']) } },
    { name: 'an invalid selector is rejected by the API server, not judged here', files: { 'app.yaml': deployment('web', { namespace: 'shop' }), 'np.yaml': networkPolicy('bad', 'shop', ['podSelector:', '  matchExpressions: [{key: app, operator: Like, values: [w]}]']) } },
    { name: 'a namespace from a kustomization places the workload next to the policy', files: { 'k/kustomization.yaml': 'namespace: shop\nresources: [app.yaml]\n', 'k/app.yaml': deployment('web'), 'np.yaml': networkPolicy('web', 'shop', ['podSelector: {matchLabels: {app: web}}']) } },
  ],
  invalid: [
    {
      name: 'a label typo',
      files: { 'app.yaml': deployment('web', { namespace: 'shop' }), 'np.yaml': networkPolicy('web', 'shop', ['podSelector: {matchLabels: {app: wbe}}']) },
      errors: [{ file: 'np.yaml', messageId: 'dangling', data: { name: 'web', selector: 'app=wbe', namespace: 'namespace "shop"', operators: '' }, line: 7, column: 3, severity: 'warning' }],
      output: null,
    },
    {
      name: 'the workload with those labels is in another namespace',
      files: { 'app.yaml': deployment('web', { namespace: 'other' }), 'other.yaml': deployment('api', { namespace: 'shop' }), 'np.yaml': networkPolicy('web', 'shop', ['podSelector: {matchLabels: {app: web}}']) },
      errors: [{ file: 'np.yaml', messageId: 'dangling', data: { name: 'web', selector: 'app=web', namespace: 'namespace "shop"', operators: '' }, line: 7, column: 3 }],
    },
    {
      name: 'no workloads in the namespace at all: only a note',
      files: { 'np.yaml': networkPolicy('web', 'shop', ['podSelector: {matchLabels: {app: web}}']) },
      errors: [{ file: 'np.yaml', messageId: 'noWorkloads', data: { name: 'web', selector: 'app=web', namespace: 'namespace "shop"' }, line: 7, column: 3, severity: 'info' }],
    },
    {
      name: 'custom resources in the namespace may become pods: only a note',
      files: { 'app.yaml': join(deployment('api', { namespace: 'monitoring' }), named('monitoring.coreos.com/v1', 'Prometheus', 'k8s', 'monitoring')), 'np.yaml': networkPolicy('prom', 'monitoring', ['podSelector: {matchLabels: {app: prometheus}}']) },
      errors: [{ file: 'np.yaml', messageId: 'dangling', data: { name: 'prom', selector: 'app=prometheus', namespace: 'namespace "monitoring"', operators: ' (it holds custom resources such as Prometheus, from which an operator may create pods the workspace does not show)' }, line: 7, column: 3, severity: 'info' }],
    },
  ],
});
