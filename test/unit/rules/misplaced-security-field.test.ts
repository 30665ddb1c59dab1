import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { didYouMean, editDistance } from '../../../shared/src/model/securityFields';
import rule from '../../../shared/src/rules/misplaced-security-field';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'every field where it belongs; other unknown container fields are not this rule\'s business', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        hostNetwork: false
        securityContext: {runAsNonRoot: true, fsGroup: 2000, seccompProfile: {type: RuntimeDefault}}
        containers:
          - name: a
            imagePullPolcy: Always
            securityContext:
              privileged: false
              capabilities: {drop: [ALL]}
              seLinuxOptions: {level: "s0:c1"}` },
  ],
  invalid: [
    {
      name: 'misspelled in a container securityContext: renamed, comment kept',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                runAsNonroot: true # was it set?
                readonlyRootFilesystem: true
      `,
      errors: [
        { messageId: 'misspelled', data: { where: 'The securityContext of container "a"', key: 'runAsNonroot', suggestion: 'runAsNonRoot' }, line: 7, column: 9, endColumn: 21, severity: 'warning' },
        { messageId: 'misspelled', data: { where: 'The securityContext of container "a"', key: 'readonlyRootFilesystem', suggestion: 'readOnlyRootFilesystem' }, line: 8, column: 9 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                runAsNonRoot: true # was it set?
                readOnlyRootFilesystem: true
      `,
    },
    {
      name: 'a rename that would weaken the pod is not offered',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext: {priviliged: true}
      `,
      errors: [{ messageId: 'misspelled', data: { where: 'The securityContext of container "a"', key: 'priviliged', suggestion: 'privileged' }, line: 6, column: 25 }],
      output: null,
    },
    {
      name: 'misplaced: privileged at pod level, capabilities on the container, fsGroup in a container',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              securityContext:
                privileged: false
              containers:
                - name: a
                  capabilities: {drop: [ALL]}
                  securityContext: {fsGroup: 1000}
      `,
      errors: [
        { messageId: 'misplaced', data: { key: 'privileged', where: 'the pod securityContext', belongs: 'in each container\'s securityContext' }, line: 7, column: 9 },
        { messageId: 'misplaced', data: { key: 'capabilities', where: 'container "a"', belongs: 'under its securityContext' }, line: 10, column: 11 },
        { messageId: 'misplaced', data: { key: 'fsGroup', where: 'the securityContext of container "a"', belongs: 'in the pod\'s securityContext' }, line: 11, column: 29 },
      ],
      output: null,
    },
    {
      name: 'a misspelled securityContext key, and a misspelled pod-level hostNetwork, in JSON',
      code: '{"apiVersion": "v1", "kind": "Pod", "spec": {"hostnetwork": false, "containers": [{"name": "a", "SecurityContext": {"runAsNonRoot": true}}]}}\n',
      errors: [
        { messageId: 'misspelled', data: { where: 'The pod spec', key: 'hostnetwork', suggestion: 'hostNetwork' }, line: 1, column: 46 },
        { messageId: 'misspelled', data: { where: 'Container "a"', key: 'SecurityContext', suggestion: 'securityContext' }, line: 1, column: 97 },
      ],
      output: '{"apiVersion": "v1", "kind": "Pod", "spec": {"hostNetwork": false, "containers": [{"name": "a", "securityContext": {"runAsNonRoot": true}}]}}\n',
    },
    {
      name: 'unknown keys in nested security maps; a near miss of a field that exists is not renamed over it',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                capabilities: {drop: [ALL], Drop: [NET_RAW], remove: [SYS_ADMIN]}
      `,
      errors: [
        { messageId: 'misspelled', data: { where: 'Capabilities of container "a"', key: 'Drop', suggestion: 'drop' }, line: 7, column: 37 },
        { messageId: 'unknown', data: { where: 'Capabilities of container "a"', key: 'remove' }, line: 7, column: 54 },
      ],
      output: null,
    },
  ],
});

describe('editDistance with a bound', () => {
  // Fuzzer: thousands of unknown keys made the full distance table per key and known name a hang; the
  // bounded version stops as soon as the distance is certain to exceed what a suggestion allows.
  it('agrees with the exact distance up to the bound, and says "beyond" above it', () => {
    const words = ['runAsNonRoot', 'runAsNonroot', 'rnuAsNonRoot', 'runAsUser', 'securityContext', 'secrityContext', 'securityContex&', 'ab', 'ba', '', 'x'.repeat(40)];
    for (const a of words) {
      for (const b of words) {
        const exact = editDistance(a, b);
        for (const max of [0, 1, 2]) assert.equal(editDistance(a, b, max), Math.min(exact, max + 1), `${a} / ${b} / ${max}`);
      }
    }
    assert.equal(editDistance('ab', 'ba'), 1);
    assert.equal(didYouMean('secrityContext', ['securityContext', 'seLinuxOptions']), 'securityContext');
  });
});
