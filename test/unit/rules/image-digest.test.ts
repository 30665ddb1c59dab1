import { DEFAULT_SETTINGS } from '../../../shared/src/engine/config';
import rule from '../../../shared/src/rules/image-digest';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'pinned by digest, with or without a tag', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - {name: a, image: "nginx:1.25.3@sha256:1111111111111111111111111111111111111111111111111111111111111111"}
          - {name: b, image: "ghcr.io/acme/app@sha256:2222222222222222222222222222222222222222222222222222222222222222"}` },
    { name: 'untagged images are image-tag\u2019s finding', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers: [{name: a, image: nginx}]` },
  ],
  invalid: [
    {
      name: 'a version tag alone',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        spec:
          template:
            spec:
              containers:
                - name: db
                  image: postgres:16.4
      `,
      errors: [{ messageId: 'tagOnly', data: { container: 'db', image: 'postgres:16.4' }, line: 8, column: 18, endLine: 8, endColumn: 31, severity: 'info' }],
      output: null,
    },
    {
      name: 'a digest no registry can resolve is a warning',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: a, image: "nginx@sha256:ABC123"}]
      `,
      errors: [{ messageId: 'badDigest', data: { container: 'a', image: 'nginx@sha256:ABC123' }, line: 4, column: 33, endLine: 4, endColumn: 54, severity: 'warning' }],
    },
    {
      name: 'untagged images are reported here when image-tag is off',
      settings: { ...DEFAULT_SETTINGS, rules: { 'image-tag': 'off' } },
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: a, image: nginx}]
      `,
      errors: [{ messageId: 'tagOnly', data: { container: 'a', image: 'nginx' }, line: 4, column: 33 }],
    },
  ],
});
