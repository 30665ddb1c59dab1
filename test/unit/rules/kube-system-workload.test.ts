import rule from '../../../shared/src/rules/kube-system-workload';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'an add-on labelled as one', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: dns-autoscaler, namespace: kube-system, labels: {k8s-app: dns-autoscaler}}
      spec:
        template:
          spec:
            containers: [{name: a, image: "registry.k8s.io/cpa:1.8.9"}]` },
    { name: 'a system-critical priority class', code: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent, namespace: kube-system}
      spec:
        template:
          spec:
            priorityClassName: system-node-critical
            containers: [{name: a, image: "agent:1.0.0"}]` },
    { name: 'non-workloads in kube-system are not this rule\u2019s concern', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: cfg, namespace: kube-system}` },
  ],
  invalid: [
    {
      name: 'an application Deployment',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop
          namespace: kube-system
          labels: {app: shop}
        spec:
          template:
            metadata: {labels: {app: shop}}
            spec:
              containers: [{name: a, image: "shop:2.1.0"}]
      `,
      errors: [{ messageId: 'kubeSystem', data: { kind: 'Deployment', name: 'shop' }, line: 5, column: 14, endLine: 5, endColumn: 25, severity: 'warning' }],
      output: null,
    },
  ],
});
