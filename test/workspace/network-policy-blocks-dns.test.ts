import rule from '../../shared/src/rules/network-policy-blocks-dns';
import { runWorkspaceRuleTests } from '../harness/workspaceTester';
import { deployment, networkPolicy } from './fixtures';

const api = deployment('api', { namespace: 'shop' });
const toDb = ['  - to: [{podSelector: {matchLabels: {app: db}}}]', '    ports: [{port: 5432}]'];

runWorkspaceRuleTests(rule, {
  valid: [
    { name: 'egress: [] without policyTypes does not isolate egress (trap)', files: { 'api.yaml': api, 'np.yaml': networkPolicy('x', 'shop', ['podSelector: {}', 'egress: []']) } },
    { name: 'an ingress-only policy', files: { 'api.yaml': api, 'np.yaml': networkPolicy('x', 'shop', ['podSelector: {}', 'policyTypes: [Ingress]']) } },
    {
      name: 'a namespace-wide DNS policy in another file covers the pods another policy isolates',
      files: {
        'api.yaml': api,
        'np.yaml': networkPolicy('api', 'shop', ['podSelector: {matchLabels: {app: api}}', 'policyTypes: [Egress]', 'egress:', ...toDb]),
        'dns.yaml': networkPolicy('dns', 'shop', ['podSelector: {}', 'policyTypes: [Egress]', 'egress:', '  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]', '    ports: [{protocol: UDP, port: 53}]']),
      },
    },
    { name: 'UDP 53 to anywhere', files: { 'api.yaml': api, 'np.yaml': networkPolicy('x', 'shop', ['podSelector: {}', 'policyTypes: [Egress]', 'egress:', '  - ports: [{protocol: UDP, port: 53}]']) } },
    { name: 'a rule naming port 53 is trusted about where DNS runs', files: { 'api.yaml': api, 'np.yaml': networkPolicy('x', 'shop', ['podSelector: {}', 'policyTypes: [Egress]', 'egress:', '  - to: [{namespaceSelector: {matchLabels: {name: dns}}}]', '    ports: [{protocol: UDP, port: 53}]']) } },
    { name: 'all ports to kube-system', files: { 'api.yaml': api, 'np.yaml': networkPolicy('x', 'shop', ['podSelector: {}', 'policyTypes: [Egress]', 'egress:', '  - to: [{namespaceSelector: {}}]']) } },
    { name: 'a port range covering 53/UDP', files: { 'api.yaml': api, 'np.yaml': networkPolicy('x', 'shop', ['podSelector: {}', 'policyTypes: [Egress]', 'egress:', '  - ports: [{protocol: UDP, port: 1, endPort: 1024}]']) } },
  ],
  invalid: [
    {
      name: 'policyTypes: [Egress] with no egress rules; the fix writes the egress list',
      files: { 'api.yaml': api, 'np.yaml': networkPolicy('deny', 'shop', ['podSelector: {}', 'policyTypes:', '  - Ingress', '  - Egress # isolate both']) },
      errors: [{ file: 'np.yaml', messageId: 'blocksDns', data: { name: 'deny', pods: 'Deployment "api"' }, line: 10, column: 7, severity: 'warning' }],
      output: {
        'np.yaml': networkPolicy('deny', 'shop', [
          'podSelector: {}', 'policyTypes:', '  - Ingress', '  - Egress # isolate both', 'egress:',
          '  - to:', '      - namespaceSelector:', '          matchLabels:', '            kubernetes.io/metadata.name: kube-system', '        podSelector:', '          matchLabels:', '            k8s-app: kube-dns',
          '    ports:', '      - protocol: UDP', '        port: 53', '      - protocol: TCP', '        port: 53',
        ]),
      },
    },
    {
      name: 'egress only to the database; the fix appends to the existing list',
      files: { 'api.yaml': api, 'np.yaml': networkPolicy('api', 'shop', ['podSelector: {matchLabels: {app: api}}', 'egress:', ...toDb]) },
      errors: [{ file: 'np.yaml', messageId: 'blocksDns', data: { name: 'api', pods: 'Deployment "api"' }, line: 8, column: 3 }],
      output: {
        'np.yaml': networkPolicy('api', 'shop', [
          'podSelector: {matchLabels: {app: api}}', 'egress:', ...toDb,
          '  - to:', '      - namespaceSelector:', '          matchLabels:', '            kubernetes.io/metadata.name: kube-system', '        podSelector:', '          matchLabels:', '            k8s-app: kube-dns',
          '    ports:', '      - protocol: UDP', '        port: 53', '      - protocol: TCP', '        port: 53',
        ]),
      },
    },
    {
      name: 'port 53 without a protocol is TCP only (trap)',
      files: { 'api.yaml': api, 'np.yaml': networkPolicy('x', 'shop', ['podSelector: {}', 'policyTypes: [Egress]', 'egress:', '  - ports: [{port: 53}]']) },
      errors: [{ file: 'np.yaml', messageId: 'blocksDns', data: { name: 'x', pods: 'Deployment "api"' }, line: 8, column: 17 }],
    },
    {
      name: 'kube-system, but not the DNS pods',
      files: { 'api.yaml': api, 'np.yaml': networkPolicy('x', 'shop', ['podSelector: {}', 'policyTypes: [Egress]', 'egress:', '  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: metrics-server}}}]']) },
      errors: [{ file: 'np.yaml', messageId: 'blocksDns', data: { name: 'x', pods: 'Deployment "api"' }, line: 8, column: 17 }],
    },
    {
      name: 'no workload in the workspace: judged by the policies that certainly select the same pods',
      files: { 'np.yaml': networkPolicy('x', 'shop', ['podSelector: {matchLabels: {app: api}}', 'policyTypes: [Egress]']) },
      errors: [{ file: 'np.yaml', messageId: 'blocksDns', data: { name: 'x', pods: 'the pods it selects' }, line: 8, column: 17 }],
    },
  ],
});
