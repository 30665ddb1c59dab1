import rule from '../../../shared/src/rules/probe-lifecycle-host';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { baseline } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'probes without host', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: a
            livenessProbe: {httpGet: {path: /healthz, port: 8080}}
            readinessProbe: {tcpSocket: {port: 8080, host: ""}}` },
    { name: 'the check exists only from v1.34', settings: normalizeSettings({ podSecurity: { version: 'v1.33' } }), code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers: [{name: a, livenessProbe: {httpGet: {host: 10.0.0.1, port: 80}}}]` },
  ],
  invalid: [
    {
      name: 'liveness probe and preStop hook',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              livenessProbe:
                httpGet:
                  host: 169.254.169.254 # metadata
                  port: 80
              lifecycle:
                preStop: {tcpSocket: {host: db.internal, port: 5432}}
      `,
      errors: [
        { messageId: 'host', data: { container: 'a', handler: 'livenessProbe.httpGet', host: '"169.254.169.254"', policy: baseline() }, line: 8, column: 17, endColumn: 32, severity: 'error' },
        { messageId: 'host', data: { container: 'a', handler: 'lifecycle.preStop.tcpSocket', host: '"db.internal"', policy: baseline() }, line: 11, column: 37 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              livenessProbe:
                httpGet:
                  port: 80
              lifecycle:
                preStop: {tcpSocket: {port: 5432}}
      `,
    },
  ],
});
