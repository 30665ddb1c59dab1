import rule from '../../../shared/src/rules/dangerous-capabilities';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'only default-set capabilities', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: a
            securityContext:
              capabilities: {add: [NET_BIND_SERVICE, CHOWN], drop: [ALL]}` },
  ],
  invalid: [
    {
      name: 'SYS_ADMIN is an error, NET_RAW a warning; CAP_ prefix and case are normalised',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                capabilities:
                  add:
                    - cap_sys_admin # for FUSE
                    - NET_RAW
                    - CHOWN
      `,
      errors: [
        { messageId: 'nodeLevel', data: { container: 'a', capability: 'SYS_ADMIN' }, line: 9, column: 15, endLine: 9, endColumn: 28, severity: 'error' },
        { messageId: 'added', data: { container: 'a', capability: 'NET_RAW' }, line: 10, column: 15, severity: 'warning' },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext:
                capabilities:
                  add:
                    - CHOWN
      `,
    },
    {
      name: 'the only item of a flow list',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext: {capabilities: {add: ["SYS_MODULE"]}}
      `,
      errors: [{ messageId: 'nodeLevel', data: { container: 'a', capability: 'SYS_MODULE' }, line: 6, column: 46 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext: {capabilities: {add: []}}
      `,
    },
  ],
});
