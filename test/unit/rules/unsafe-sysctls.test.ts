import rule from '../../../shared/src/rules/unsafe-sysctls';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { baseline } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'safe sysctls of the latest version', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        securityContext:
          sysctls:
            - {name: net.ipv4.ip_unprivileged_port_start, value: "80"}
            - {name: net.ipv4.tcp_notsent_lowat, value: "16384"}
        containers: [{name: a}]` },
  ],
  invalid: [
    {
      name: 'a node-wide sysctl; the item is removed',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            sysctls:
              - name: kernel.shm_rmid_forced
                value: "1"
              - name: vm.max_map_count # for elasticsearch
                value: "262144"
          containers: [{name: a}]
      `,
      errors: [{ messageId: 'sysctl', data: { name: '"vm.max_map_count"', policy: baseline() }, line: 8, column: 15, endColumn: 31, severity: 'error' }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            sysctls:
              - name: kernel.shm_rmid_forced
                value: "1"
          containers: [{name: a}]
      `,
    },
    {
      name: 'the allow list is per version: tcp_rmem is allowed only from v1.32',
      settings: normalizeSettings({ podSecurity: { version: 'v1.31' } }),
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {sysctls: [{name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}]}
          containers: [{name: a}]
      `,
      errors: [{ messageId: 'sysctl', data: { name: '"net.ipv4.tcp_rmem"', policy: baseline('Pod', 'v1.31') }, line: 4, column: 38 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {sysctls: []}
          containers: [{name: a}]
      `,
    },
  ],
});
