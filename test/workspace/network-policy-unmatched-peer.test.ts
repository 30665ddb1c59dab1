import rule from '../../shared/src/rules/network-policy-unmatched-peer';
import { runWorkspaceRuleTests } from '../harness/workspaceTester';
import { deployment, namespace, networkPolicy } from './fixtures';

const ingressFrom = (peer: string[]) => ['podSelector: {}', 'ingress:', '  - from:', ...peer.map((l, i) => (i === 0 ? `      - ${l}` : `        ${l}`))];

runWorkspaceRuleTests(rule, {
  valid: [
    { name: 'the peer matches a workload of the same namespace in another file', files: { 'api.yaml': deployment('api', { namespace: 'shop' }), 'front.yaml': deployment('front', { namespace: 'shop' }), 'np.yaml': networkPolicy('api', 'shop', ingressFrom(['podSelector: {matchLabels: {app: front}}'])) } },
    { name: 'podSelector: {} matches every pod of the namespace (trap)', files: { 'api.yaml': deployment('api', { namespace: 'shop' }), 'np.yaml': networkPolicy('api', 'shop', ingressFrom(['podSelector: {}'])) } },
    { name: 'a namespace without workloads in the workspace is left to network-policy-dangling-selector', files: { 'np.yaml': networkPolicy('api', 'shop', ingressFrom(['podSelector: {matchLabels: {app: front}}'])) } },
    { name: 'namespaceSelector by the automatic name label of a declared namespace', files: { 'ns.yaml': namespace('web'), 'np.yaml': networkPolicy('api', 'shop', ingressFrom(['namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: web}}'])) } },
    { name: 'namespaceSelector by a label of a declared namespace, with a podSelector matching there', files: { 'ns.yaml': namespace('web', 'team: a'), 'front.yaml': deployment('front', { namespace: 'web' }), 'np.yaml': networkPolicy('api', 'shop', ingressFrom(['namespaceSelector: {matchLabels: {team: a}}', 'podSelector: {matchLabels: {app: front}}'])) } },
    { name: 'kube-system is always known', files: { 'np.yaml': networkPolicy('dns', 'shop', ['podSelector: {}', 'policyTypes: [Egress]', 'egress:', '  - to:', '      - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}']) } },
    {
      name: 'rules of a direction the policy does not isolate are ignored by the API (policyTypes: [Egress])',
      files: { 'api.yaml': deployment('api', { namespace: 'shop' }), 'np.yaml': networkPolicy('api', 'shop', ['podSelector: {}', 'policyTypes: [Egress]', 'ingress:', '  - from:', '      - podSelector: {matchLabels: {app: nothing}}']) },
    },
  ],
  invalid: [
    {
      name: 'a podSelector-only peer means the same namespace: a frontend in another namespace does not match',
      files: { 'api.yaml': deployment('api', { namespace: 'shop' }), 'front.yaml': deployment('front', { namespace: 'web' }), 'np.yaml': networkPolicy('api', 'shop', ingressFrom(['podSelector: {matchLabels: {app: front}}'])) },
      errors: [{ file: 'np.yaml', messageId: 'samePods', data: { direction: 'ingress', selector: 'app=front', name: 'api', namespace: 'namespace "shop"', operators: '' }, line: 10, column: 11, severity: 'warning' }],
      output: null,
    },
    {
      name: 'an egress peer too',
      files: { 'api.yaml': deployment('api', { namespace: 'shop' }), 'np.yaml': networkPolicy('api', 'shop', ['podSelector: {}', 'policyTypes: [Egress]', 'egress:', '  - to:', '      - podSelector: {matchLabels: {app: db}}']) },
      errors: [{ file: 'np.yaml', messageId: 'samePods', data: { direction: 'egress', selector: 'app=db', name: 'api', namespace: 'namespace "shop"', operators: '' }, line: 11, column: 11 }],
    },
    {
      name: 'a namespaceSelector matching no namespace of the workspace is only a note',
      files: { 'ns.yaml': namespace('web', 'team: a'), 'np.yaml': networkPolicy('api', 'shop', ingressFrom(['namespaceSelector: {matchLabels: {team: b}}'])) },
      errors: [{ file: 'np.yaml', messageId: 'noNamespace', data: { direction: 'ingress', selector: 'team=b', name: 'api' }, line: 10, column: 11, severity: 'info' }],
    },
    {
      name: 'namespaceSelector and podSelector combined: no pod with those labels in the selected namespaces is only a note',
      files: { 'ns.yaml': namespace('web', 'team: a'), 'front.yaml': deployment('front', { namespace: 'web' }), 'np.yaml': networkPolicy('api', 'shop', ingressFrom(['namespaceSelector: {matchLabels: {team: a}}', 'podSelector: {matchLabels: {app: back}}'])) },
      errors: [{ file: 'np.yaml', messageId: 'otherPods', data: { direction: 'ingress', selector: 'app=back', name: 'api', namespaces: 'web' }, line: 11, column: 11, severity: 'info' }],
    },
  ],
});
