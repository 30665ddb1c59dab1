import rule from '../../../shared/src/rules/naked-pod';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'a pod template inside a controller', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
            containers: [{name: a, image: "web:1.0.0"}]` },
    { name: 'a pod exported with its owner', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-7d4b9-x2x9z
        ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4b9, uid: 1b6c, controller: true}]` },
  ],
  invalid: [
    {
      name: 'a bare pod, on its kind',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: debug}
        spec:
          containers: [{name: a, image: "busybox:1.36.1"}]
      `,
      errors: [{ messageId: 'naked', data: { name: 'debug' }, line: 2, column: 7, endLine: 2, endColumn: 10, severity: 'info' }],
      output: null,
    },
  ],
});
