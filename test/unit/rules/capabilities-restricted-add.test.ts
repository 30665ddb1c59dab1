import rule from '../../../shared/src/rules/capabilities-restricted-add';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { restricted } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'only NET_BIND_SERVICE', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers: [{name: a, securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}}]` },
    { name: 'SYS_ADMIN is dangerous-capabilities\'', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers: [{name: a, securityContext: {capabilities: {drop: [ALL], add: [SYS_ADMIN]}}}]` },
    { name: 'the check starts at v1.22', settings: normalizeSettings({ podSecurity: { version: 'v1.21' } }), code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers: [{name: a, securityContext: {capabilities: {add: [CHOWN]}}}]` },
  ],
  invalid: [
    {
      name: 'default-set capabilities other than NET_BIND_SERVICE',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                capabilities:
                  drop: [ALL]
                  add:
                    - NET_BIND_SERVICE
                    - CHOWN # chown the cache
                    - SETUID
      `,
      errors: [
        { messageId: 'added', data: { container: 'a', capability: 'CHOWN', policy: restricted() }, line: 11, column: 15, endColumn: 20, severity: 'warning' },
        { messageId: 'added', data: { container: 'a', capability: 'SETUID', policy: restricted() }, line: 12, column: 15 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                capabilities:
                  drop: [ALL]
                  add:
                    - NET_BIND_SERVICE
      `,
    },
  ],
});
