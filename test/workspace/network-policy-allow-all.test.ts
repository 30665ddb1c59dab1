import rule from '../../shared/src/rules/network-policy-allow-all';
import { runRuleTests } from '../harness/ruleTester';
import { networkPolicy } from './fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'specific peers and ports', code: networkPolicy('api', 'shop', ['podSelector: {}', 'ingress:', '  - from: [{podSelector: {matchLabels: {app: front}}}]', '    ports: [{port: 8080}]']) },
    { name: 'ingress: [] denies everything (trap: an empty list is not an empty rule)', code: networkPolicy('deny', 'shop', ['podSelector: {}', 'ingress: []']) },
    { name: 'egress rules of a policy that does not isolate egress are ignored (egress: [{}] with policyTypes: [Ingress])', code: networkPolicy('x', 'shop', ['podSelector: {}', 'policyTypes: [Ingress]', 'egress:', '  - {}']) },
    { name: 'namespaceSelector: {} narrowed by a podSelector', code: networkPolicy('x', 'shop', ['podSelector: {}', 'ingress:', '  - from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: prometheus}}}]']) },
    { name: 'a narrow ipBlock', code: networkPolicy('x', 'shop', ['podSelector: {}', 'policyTypes: [Egress]', 'egress:', '  - to: [{ipBlock: {cidr: 10.0.0.0/8}}]']) },
  ],
  invalid: [
    {
      name: '`- {}` under ingress allows everything',
      code: networkPolicy('open', 'shop', ['podSelector: {}', 'ingress:', '  - {}']),
      errors: [{ messageId: 'anyPeer', data: { direction: 'ingress', name: 'open', key: 'from', what: 'traffic from every pod and address', ports: 'on every port' }, line: 9, column: 7, severity: 'warning' }],
      output: null,
    },
    {
      name: 'from: [] is every source too, only noted when ports narrow it',
      code: networkPolicy('web', 'shop', ['podSelector: {}', 'ingress:', '  - from: []', '    ports: [{port: 443}]']),
      errors: [{ messageId: 'anyPeer', data: { direction: 'ingress', name: 'web', key: 'from', what: 'traffic from every pod and address', ports: 'on 443/TCP' }, line: 9, column: 7, severity: 'info' }],
    },
    {
      name: 'from: [{}] is rejected by the API server',
      code: networkPolicy('typo', 'shop', ['podSelector: {}', 'ingress:', '  - from: [{}]']),
      errors: [{ messageId: 'emptyPeer', data: { direction: 'ingress', name: 'typo', key: 'from', ports: 'on every port' }, line: 9, column: 14, severity: 'error' }],
    },
    {
      name: 'an empty peer is rejected even in a direction the policy does not isolate',
      code: networkPolicy('typo', 'shop', ['podSelector: {}', 'policyTypes: [Ingress]', 'egress:', '  - to: [{}]']),
      errors: [{ messageId: 'emptyPeer', data: { direction: 'egress', name: 'typo', key: 'to', ports: 'on every port' }, line: 10, column: 12, severity: 'error' }],
    },
    {
      name: 'ipBlock combined with a selector is rejected',
      code: networkPolicy('mixed', 'shop', ['podSelector: {}', 'ingress:', '  - from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]']),
      errors: [{ messageId: 'ipBlockWithSelector', data: { direction: 'ingress', name: 'mixed', key: 'from', ports: 'on every port' }, line: 9, column: 14, severity: 'error' }],
    },
    {
      name: '0.0.0.0/0 and namespaceSelector: {} in egress',
      code: networkPolicy('out', 'shop', ['podSelector: {}', 'policyTypes: [Egress]', 'egress:', '  - to:', '      - ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}', '      - namespaceSelector: {}']),
      errors: [
        { messageId: 'anyAddress', data: { direction: 'egress', name: 'out', key: 'to', ports: 'on every port', cidr: '0.0.0.0/0 except 169.254.169.254/32' }, line: 11, column: 11, severity: 'warning' },
        { messageId: 'anyPod', data: { direction: 'egress', name: 'out', key: 'to', ports: 'on every port', podPart: '' }, line: 12, column: 11, severity: 'warning' },
      ],
    },
  ],
});
