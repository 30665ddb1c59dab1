import rule from '../../../shared/src/rules/host-aliases';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'none, or an empty list', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        hostAliases: []
        containers: [{name: a}]` },
    { name: 'entries without names override nothing', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        hostAliases: [{ip: 10.0.0.1}]
        containers: [{name: a}]` },
  ],
  invalid: [
    {
      name: 'two aliases with four names',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: a}]
          hostAliases:
            - ip: 10.0.0.5
              hostnames: [db, db.internal]
            - ip: 10.0.0.6
              hostnames: [cache, queue]
          restartPolicy: Always
      `,
      errors: [{ messageId: 'hostAliases', data: { hosts: '"db", "db.internal", "cache" and 1 more' }, line: 5, column: 3, endColumn: 14, severity: 'info' }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: a}]
          restartPolicy: Always
      `,
    },
  ],
});
