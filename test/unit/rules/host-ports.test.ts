import rule from '../../../shared/src/rules/host-ports';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { baseline } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'containerPort only, and hostPort 0 means none', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: a
            ports: [{containerPort: 80}, {containerPort: 81, hostPort: 0}]` },
    { name: 'level privileged', settings: normalizeSettings({ podSecurity: { level: 'privileged' } }), code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers: [{name: a, ports: [{containerPort: 80, hostPort: 80}]}]` },
  ],
  invalid: [
    {
      name: 'block style in an init container; the key goes, the comment stays',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  ports:
                    - containerPort: 53
                      hostPort: 53 # dns
                      protocol: UDP
      `,
      errors: [{ messageId: 'hostPort', data: { container: 'init', port: '53', policy: baseline('DaemonSet') }, line: 10, column: 25, endLine: 10, endColumn: 27, severity: 'error' }],
      output: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  ports:
                    - containerPort: 53
                      protocol: UDP
      `,
    },
    {
      name: 'flow style, two ports of two containers',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - {name: a, ports: [{containerPort: 80, hostPort: 8080}]}
            - {name: b, ports: [{hostPort: 9090, containerPort: 90}]}
      `,
      errors: [
        { messageId: 'hostPort', data: { container: 'a', port: '8080', policy: baseline() }, line: 5, column: 55 },
        { messageId: 'hostPort', data: { container: 'b', port: '9090', policy: baseline() }, line: 6, column: 36 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - {name: a, ports: [{containerPort: 80}]}
            - {name: b, ports: [{containerPort: 90}]}
      `,
    },
  ],
});
