import rule from '../../../shared/src/rules/host-path-volume';
import { baseline, enforced } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'other volume types', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers: [{name: a}]
        volumes:
          - {name: tmp, emptyDir: {}}
          - {name: data, persistentVolumeClaim: {claimName: data}}` },
    { name: 'hostPath: null is no hostPath', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers: [{name: a}]
        volumes: [{name: x, hostPath: null, emptyDir: {}}]` },
  ],
  invalid: [
    {
      name: 'a hostPath volume, on its key; no automatic fix',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        spec:
          template:
            spec:
              containers: [{name: a}]
              volumes:
                - name: logs
                  hostPath:
                    path: /var/log
      `,
      errors: [{ messageId: 'hostPath', data: { volume: 'logs', path: '"/var/log"', policy: baseline('DaemonSet') }, line: 9, column: 11, endColumn: 19, severity: 'error' }],
      output: null,
    },
    {
      name: 'a namespace enforcing restricted reports it through restrictedVolumes, once',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: apps, labels: {pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/enforce-version: v1.33}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: apps}
        spec:
          containers: [{name: a}]
          volumes: [{name: x, hostPath: {}}]
      `,
      errors: [{ messageId: 'hostPath', data: { volume: 'x', path: 'a directory', policy: enforced('apps', 'restricted:v1.33') }, line: 10, column: 23 }],
    },
  ],
});
