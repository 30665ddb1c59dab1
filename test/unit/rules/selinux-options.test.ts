import rule from '../../../shared/src/rules/selinux-options';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { baseline } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'container types and a level', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        securityContext: {seLinuxOptions: {type: container_t, level: "s0:c1,c2"}}
        containers: [{name: a, securityContext: {seLinuxOptions: {type: container_engine_t}}}]` },
  ],
  invalid: [
    {
      name: 'spc_t type and a user; both removed',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            seLinuxOptions:
              type: spc_t
              user: system_u
              level: s0
          containers: [{name: a}]
      `,
      errors: [
        { messageId: 'type', data: { subject: 'The pod', value: '"spc_t"', policy: baseline() }, line: 6, column: 13, endColumn: 18, severity: 'error' },
        { messageId: 'userOrRole', data: { subject: 'The pod', field: 'user', value: '"system_u"', policy: baseline() }, line: 7, column: 13 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            seLinuxOptions:
              level: s0
          containers: [{name: a}]
      `,
    },
    {
      name: 'the only key, a block scalar: its line break stays after the {} left in its place',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            seLinuxOptions:
              type: |-
                spc_t
          containers: [{name: a}]
      `,
      errors: [{ messageId: 'type', data: { subject: 'The pod', value: '"spc_t"', policy: baseline() }, line: 6, column: 13 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            seLinuxOptions:
              {}
          containers: [{name: a}]
      `,
    },
    {
      name: 'a block scalar before another key: its lines go, the next key stays',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            seLinuxOptions:
              type: >-
                spc_t
              level: s0
          containers: [{name: a}]
      `,
      errors: [{ messageId: 'type', data: { subject: 'The pod', value: '"spc_t"', policy: baseline() }, line: 6, column: 13 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            seLinuxOptions:
              level: s0
          containers: [{name: a}]
      `,
    },
    {
      name: 'container_engine_t only from v1.31; overlapping fixes apply one at a time',
      settings: normalizeSettings({ podSecurity: { version: 'v1.30' } }),
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: a, securityContext: {seLinuxOptions: {role: r, type: container_engine_t}}}]
      `,
      errors: [
        { messageId: 'userOrRole', data: { subject: 'Container "a"', field: 'role', value: '"r"', policy: baseline('Pod', 'v1.30') }, line: 4, column: 67 },
        { messageId: 'type', data: { subject: 'Container "a"', value: '"container_engine_t"', policy: baseline('Pod', 'v1.30') }, line: 4, column: 76 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: a, securityContext: {seLinuxOptions: {type: container_engine_t}}}]
      `,
    },
  ],
});
