import rule from '../../../shared/src/rules/image-pull-policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'latest with the default policy (Always), fixed tags, digests, moving tags with Always', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - {name: a, image: "nginx:latest"}
          - {name: b, image: "nginx:1.25.3", imagePullPolicy: IfNotPresent}
          - {name: c, image: "acme/app:3f2a9c1"}
          - {name: d, image: "nginx:1.25", imagePullPolicy: Always}
          - {name: e, image: "nginx:1.25@sha256:3333333333333333333333333333333333333333333333333333333333333333", imagePullPolicy: Never}` },
  ],
  invalid: [
    {
      name: 'latest kept from the node cache is a warning; the fix sets Always',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: registry.example.com/app:latest
                  imagePullPolicy: IfNotPresent # faster starts
      `,
      errors: [{ messageId: 'policy', data: { container: 'app', image: 'registry.example.com/app:latest', policy: 'IfNotPresent' }, line: 9, column: 28, endLine: 9, endColumn: 40, severity: 'warning' }],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: registry.example.com/app:latest
                  imagePullPolicy: Always # faster starts
      `,
    },
    {
      name: 'a floating tag under the default IfNotPresent is info, on the image; the fix inserts the key',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: db
              image: mysql:8.0
              ports: [{containerPort: 3306}]
            - name: tool
              image: acme/tool:stable
      `,
      errors: [
        { messageId: 'policy', data: { container: 'db', image: 'mysql:8.0', policy: 'IfNotPresent (the default)' }, line: 6, column: 14, endLine: 6, endColumn: 23, severity: 'info' },
        { messageId: 'policy', data: { container: 'tool', image: 'acme/tool:stable', policy: 'IfNotPresent (the default)' }, line: 9, column: 14, severity: 'info' },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: db
              image: mysql:8.0
              ports: [{containerPort: 3306}]
              imagePullPolicy: Always
            - name: tool
              image: acme/tool:stable
              imagePullPolicy: Always
      `,
    },
  ],
});
