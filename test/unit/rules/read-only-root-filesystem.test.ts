import rule from '../../../shared/src/rules/read-only-root-filesystem';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'true', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: a
            securityContext: {readOnlyRootFilesystem: true}` },
  ],
  invalid: [
    {
      name: 'false, single-quoted key style elsewhere kept',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: 'p'}
        spec:
          containers:
            - name: a
              securityContext:
                readOnlyRootFilesystem: false
      `,
      errors: [{ messageId: 'writable', data: { container: 'a' }, line: 8, column: 33, severity: 'info' }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: 'p'}
        spec:
          containers:
            - name: a
              securityContext:
                readOnlyRootFilesystem: true
      `,
    },
  ],
});
