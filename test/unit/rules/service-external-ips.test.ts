import rule from '../../../shared/src/rules/service-external-ips';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'no externalIPs, or an empty list', code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: a}
      spec: {ports: [{port: 80}], externalIPs: []}` },
  ],
  invalid: [
    {
      name: 'externalIPs are reported on the key',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: edge}
        spec:
          ports: [{port: 443}]
          externalIPs:
            - 198.51.100.7
            - 198.51.100.8
      `,
      errors: [{ messageId: 'externalIPs', data: { name: 'edge', ips: '198.51.100.7, 198.51.100.8' }, line: 6, column: 3, endLine: 6, endColumn: 14, severity: 'warning' }],
      output: null,
    },
  ],
});
