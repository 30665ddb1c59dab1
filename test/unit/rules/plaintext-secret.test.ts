import rule from '../../../shared/src/rules/plaintext-secret';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'an empty placeholder a controller fills in', code: yaml`
      apiVersion: v1
      kind: Secret
      metadata: {name: csrf}
      type: Opaque
      data:
        csrf: ""` },
    { name: 'a Secret with no data', code: yaml`
      apiVersion: v1
      kind: Secret
      metadata: {name: sa-token, annotations: {kubernetes.io/service-account.name: app}}
      type: kubernetes.io/service-account-token` },
    { name: 'a SealedSecret is encrypted', code: yaml`
      apiVersion: bitnami.com/v1alpha1
      kind: SealedSecret
      metadata: {name: db}
      spec:
        encryptedData: {password: AgBy3i4OJSWK}` },
  ],
  invalid: [
    {
      name: 'data and stringData are each reported on their key',
      code: yaml`
        apiVersion: v1
        kind: Secret
        metadata:
          name: db-credentials
        stringData:
          username: app # not secret on its own
        data:
          password: cHIwZC1wYXNz
          host: ""
          port: NTQzMg==
          ca.crt: LS0t
          tls.key: LS0t
      `,
      errors: [
        { messageId: 'committed', data: { name: 'db-credentials', count: 1, field: 'stringData', keys: 'username' }, line: 5, column: 1, endLine: 5, endColumn: 11, severity: 'info' },
        { messageId: 'committed', data: { name: 'db-credentials', count: 4, field: 'data', keys: 'password, port, ca.crt, ...' }, line: 7, column: 1, endLine: 7, endColumn: 5 },
      ],
      output: null,
    },
  ],
});
