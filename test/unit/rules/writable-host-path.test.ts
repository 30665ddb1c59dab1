import rule from '../../../shared/src/rules/writable-host-path';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'read-only hostPath mount, and a writable emptyDir', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: a
            volumeMounts:
              - {name: logs, mountPath: /host/logs, readOnly: true}
              - {name: tmp, mountPath: /tmp}
        volumes:
          - {name: logs, hostPath: {path: /var/log}}
          - {name: tmp, emptyDir: {}}` },
  ],
  invalid: [
    {
      name: 'readOnly missing, and readOnly false',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              volumeMounts:
                - name: logs # node logs
                  mountPath: /host/logs
            - name: b
              volumeMounts: [{name: logs, mountPath: /l, readOnly: false}]
          volumes:
            - {name: logs, hostPath: {path: /var/log}}
      `,
      errors: [
        { messageId: 'writable', data: { container: 'a', volume: 'logs', mountPath: '"/host/logs"' }, line: 7, column: 17, endColumn: 21, severity: 'warning' },
        { messageId: 'writable', data: { container: 'b', volume: 'logs', mountPath: '"/l"' }, line: 10, column: 60 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              volumeMounts:
                - name: logs # node logs
                  mountPath: /host/logs
                  readOnly: true
            - name: b
              volumeMounts: [{name: logs, mountPath: /l, readOnly: true}]
          volumes:
            - {name: logs, hostPath: {path: /var/log}}
      `,
    },
  ],
});
