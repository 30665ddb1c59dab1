import rule from '../../../shared/src/rules/image-tag';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'version tags, digests and templated images', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      spec:
        template:
          spec:
            initContainers:
              - {name: init, image: "busybox:1.36.1"}
            containers:
              - {name: a, image: "nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000"}
              - {name: b, image: "$(IMAGE)"}
              - {name: c, image: "registry.example.com:5000/team/app:v2"}` },
  ],
  invalid: [
    {
      name: 'no tag, latest, and a registry port that is not a tag',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: web
              image: nginx # official image
            - name: cache
              image: "localhost:5000/redis:latest"
            - name: side
              image: localhost:5000/sidecar
      `,
      errors: [
        { messageId: 'none', data: { container: 'web', image: 'nginx' }, line: 7, column: 14, endLine: 7, endColumn: 19, severity: 'warning' },
        { messageId: 'latest', data: { container: 'cache', image: 'localhost:5000/redis:latest' }, line: 9, column: 14, endLine: 9, endColumn: 43 },
        { messageId: 'none', data: { container: 'side', image: 'localhost:5000/sidecar' }, line: 11, column: 14 },
      ],
      output: null,
    },
    {
      name: 'ephemeral containers of a CronJob too',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  ephemeralContainers: [{name: debug, image: "busybox:latest"}]
      `,
      errors: [{ messageId: 'latest', data: { container: 'debug', image: 'busybox:latest' }, line: 8, column: 54 }],
    },
  ],
});
