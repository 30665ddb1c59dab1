import rule from '../../../shared/src/rules/secret-env-var';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'Secret mounted as a file, ConfigMap as env', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        volumes: [{name: db, secret: {secretName: db}}]
        containers:
          - name: app
            env:
              - {name: DB_PASSWORD_FILE, value: /run/secrets/db/password}
              - name: LOG_LEVEL
                valueFrom: {configMapKeyRef: {name: cfg, key: level}}
            envFrom: [{configMapRef: {name: cfg}}]
            volumeMounts: [{name: db, mountPath: /run/secrets/db, readOnly: true}]` },
  ],
  invalid: [
    {
      name: 'secretKeyRef and envFrom secretRef, on the key that names the Secret',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: api
                  env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef: {name: db, key: password} # rotated monthly
                  envFrom:
                    - secretRef:
                        name: api-keys
      `,
      errors: [
        { messageId: 'keyRef', data: { container: 'api', key: 'password', secret: 'db', variable: 'DB_PASSWORD' }, line: 11, column: 17, endLine: 11, endColumn: 29, severity: 'info' },
        { messageId: 'envFrom', data: { container: 'api', secret: 'api-keys' }, line: 13, column: 15, endLine: 13, endColumn: 24 },
      ],
      output: null,
    },
  ],
});
