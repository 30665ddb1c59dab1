import rule from '../../shared/src/rules/reference-runtime-class';
import { runWorkspaceRuleTests } from '../harness/workspaceTester';
import { deployment } from './fixtures';

const runtimeClass = 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: gvisor}\nhandler: runsc\n';
const sandboxed = deployment('web', { namespace: 'shop', extraSpec: ['runtimeClassName: gvisor'] });

runWorkspaceRuleTests(rule, {
  valid: [
    { name: 'the RuntimeClass is in another file', files: { 'rc.yaml': runtimeClass, 'app.yaml': sandboxed } },
    { name: 'no runtimeClassName', files: { 'app.yaml': deployment('web') } },
  ],
  invalid: [
    {
      name: 'not in the workspace',
      files: { 'app.yaml': sandboxed },
      errors: [{ file: 'app.yaml', messageId: 'missing', data: { kind: 'Deployment', name: 'web', runtimeClass: 'gvisor' }, line: 11, column: 25, severity: 'warning' }],
      output: null,
    },
  ],
});
