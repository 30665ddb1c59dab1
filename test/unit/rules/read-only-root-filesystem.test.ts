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
      name: 'a comment after a lone CR (fuzz seed final-2026-12-07-s9 #85228): the fix keeps it a comment, a space away',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext: {runAsNonRoot: true}\n  containers:\n    - name: a\n      securityContext:\n        oops\r#note: kept\n',
      errors: [{ messageId: 'unset', data: { container: 'a' }, line: 7, column: 7 }],
      output: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext: {runAsNonRoot: true}\n  containers:\n    - name: a\n      securityContext:\n        readOnlyRootFilesystem: true #note: kept\n',
    },
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
