import rule from '../../../shared/src/rules/windows-host-process';
import { baseline } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'hostProcess false', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        os: {name: windows}
        securityContext: {windowsOptions: {hostProcess: false, runAsUserName: ContainerUser}}
        containers: [{name: a}]` },
  ],
  invalid: [
    {
      name: 'pod and container level',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          os: {name: windows}
          hostNetwork: true
          securityContext:
            windowsOptions:
              hostProcess: true
              runAsUserName: 'NT AUTHORITY\\SYSTEM'
          containers:
            - name: agent
              securityContext: {windowsOptions: {hostProcess: true}}
      `,
      errors: [
        { messageId: 'hostProcess', data: { subject: 'The pod', policy: baseline() }, line: 8, column: 20, severity: 'error' },
        { messageId: 'hostProcess', data: { subject: 'Container "agent"', policy: baseline() }, line: 12, column: 55 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          os: {name: windows}
          hostNetwork: true
          securityContext:
            windowsOptions:
              runAsUserName: 'NT AUTHORITY\\SYSTEM'
          containers:
            - name: agent
              securityContext: {windowsOptions: {}}
      `,
    },
  ],
});
