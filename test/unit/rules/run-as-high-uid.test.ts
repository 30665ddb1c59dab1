import rule from '../../../shared/src/rules/run-as-high-uid';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

const on = normalizeSettings({ rules: { 'run-as-high-uid': 'info' } });
const low = yaml`
  apiVersion: v1
  kind: Pod
  spec:
    securityContext: {runAsUser: 1000, runAsGroup: 0}
    containers:
      - name: a
        securityContext: {runAsUser: 0, runAsGroup: 20000}`;

runRuleTests(rule, {
  valid: [
    { name: 'off by default', code: low },
    { name: 'user namespaces map the IDs away from the node', settings: on, code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        hostUsers: false
        securityContext: {runAsUser: 1000}
        containers: [{name: a}]` },
    { name: 'the threshold is configurable', settings: normalizeSettings({ rules: { 'run-as-high-uid': 'info' }, podSecurity: { minimumUid: 1000 } }), code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        securityContext: {runAsUser: 1000, runAsGroup: 1000}
        containers: [{name: a}]` },
  ],
  invalid: [
    {
      name: 'turned on: low pod values; runAsUser 0 is left to run-as-non-root',
      settings: on,
      code: low,
      errors: [
        { messageId: 'low', data: { subject: 'The pod', field: 'runAsUser', value: 1000, threshold: 10000 }, line: 4, column: 32, endColumn: 36, severity: 'info' },
        { messageId: 'low', data: { subject: 'The pod', field: 'runAsGroup', value: 0, threshold: 10000 }, line: 4, column: 50 },
      ],
      output: null,
    },
  ],
});
