import rule from '../../../shared/src/rules/service-exposure';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'ClusterIP and headless', code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: a}
      spec: {ports: [{port: 80}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: b}
      spec: {type: ClusterIP, clusterIP: None}` },
    { name: 'a LoadBalancer limited to known sources, and an internal one', code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: partners}
      spec: {type: LoadBalancer, loadBalancerSourceRanges: [203.0.113.0/24]}
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: internal
        annotations: {networking.gke.io/load-balancer-type: Internal}
      spec: {type: LoadBalancer}` },
  ],
  invalid: [
    {
      name: 'NodePort is a warning, an open LoadBalancer info',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: debug}
        spec:
          type: NodePort # for the demo
          ports: [{port: 80, nodePort: 30080}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          type: LoadBalancer
      `,
      errors: [
        { messageId: 'nodePort', data: { name: 'debug' }, line: 5, column: 9, endLine: 5, endColumn: 17, severity: 'warning' },
        { messageId: 'loadBalancer', data: { name: 'web' }, line: 12, column: 9, endLine: 12, endColumn: 21, severity: 'info' },
      ],
      output: null,
    },
  ],
});
