import rule from '../../../shared/src/rules/env-credential-literal';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'switches, paths, references and placeholders', code: yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      spec:
        template:
          spec:
            containers:
              - name: mysql
                env:
                  - {name: MYSQL_ALLOW_EMPTY_PASSWORD, value: "1"}
                  - {name: MYSQL_PASSWORD_FILE, value: /run/secrets/mysql/password}
                  - {name: API_TOKEN, value: "$(TOKEN_FROM_SECRET)"}
                  - {name: ADMIN_PASSWORD, value: "<set-me>"}
                  - {name: TOKEN_TTL, value: "3600"}
                  - name: DB_PASSWORD
                    valueFrom: {secretKeyRef: {name: db, key: password}}` },
  ],
  invalid: [
    {
      name: 'a named password and a vendor token under an innocent name',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: app
              env:
                - name: POSTGRES_PASSWORD
                  value: "pr0d-Passw0rd!" # TODO move to a Secret
                - name: CONFIG_BLOB
                  value: AKIAZ7QWERTYUIOPASDF
      `,
      errors: [
        { messageId: 'literal', data: { container: 'app', variable: 'POSTGRES_PASSWORD', what: 'a password' }, line: 8, column: 18, endLine: 8, endColumn: 34, severity: 'warning' },
        { messageId: 'literal', data: { container: 'app', variable: 'CONFIG_BLOB', what: 'an AWS access key ID' }, line: 10, column: 18, endLine: 10, endColumn: 38 },
      ],
      output: null,
    },
  ],
});
