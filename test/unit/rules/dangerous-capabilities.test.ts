import rule from '../../../shared/src/rules/dangerous-capabilities';
import { baseline, permitted } from '../../harness/policy';
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
      name: 'SYS_ADMIN and NET_RAW break baseline; CAP_ prefix and case are normalised in the message',
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
        { messageId: 'nodeLevel', data: { container: 'a', capability: 'SYS_ADMIN', policy: baseline() }, line: 9, column: 15, endLine: 9, endColumn: 28, severity: 'error' },
        { messageId: 'added', data: { container: 'a', capability: 'NET_RAW', policy: baseline() }, line: 10, column: 15, severity: 'error' },
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
      errors: [{ messageId: 'nodeLevel', data: { container: 'a', capability: 'SYS_MODULE', policy: baseline() }, line: 6, column: 46 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext: {capabilities: {add: []}}
      `,
    },
    {
      name: 'a default-set capability in another spelling: PSA compares names exactly; the fix respells it',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext: {capabilities: {add: ["CAP_CHOWN", kill]}}
      `,
      errors: [
        { messageId: 'spelling', data: { container: 'a', written: 'CAP_CHOWN', capability: 'CHOWN', policy: baseline() }, line: 6, column: 46, endColumn: 57, severity: 'error' },
        { messageId: 'spelling', data: { container: 'a', written: 'kill', capability: 'KILL', policy: baseline() }, line: 6, column: 59 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: a
              securityContext: {capabilities: {add: ["CHOWN", KILL]}}
      `,
    },
    {
      name: 'node-level capabilities stay errors in a namespace that admits them',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: agents, labels: {pod-security.kubernetes.io/enforce: privileged}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: agents}
        spec:
          containers: [{name: a, securityContext: {capabilities: {add: [BPF, NET_RAW]}}}]
      `,
      errors: [
        { messageId: 'nodeLevel', data: { container: 'a', capability: 'BPF', policy: permitted('agents') }, line: 9, column: 65, severity: 'error' },
        { messageId: 'added', data: { container: 'a', capability: 'NET_RAW', policy: permitted('agents') }, line: 9, column: 70, severity: 'info' },
      ],
    },
  ],
});
