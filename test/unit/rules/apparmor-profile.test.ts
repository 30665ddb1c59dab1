import rule from '../../../shared/src/rules/apparmor-profile';
import { baseline } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'RuntimeDefault on the pod', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        securityContext: {appArmorProfile: {type: RuntimeDefault}}
        containers: [{name: a}]` },
    { name: 'legacy annotation runtime/default and a Localhost field', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        annotations:
          container.apparmor.security.beta.kubernetes.io/a: runtime/default
      spec:
        containers:
          - name: a
          - name: b
            securityContext: {appArmorProfile: {type: Localhost, localhostProfile: k8s-b}}` },
    { name: 'Windows pods have no AppArmor', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        os: {name: windows}
        containers: [{name: a}]` },
  ],
  invalid: [
    {
      name: 'Unconfined field in a container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {appArmorProfile: {type: RuntimeDefault}}
          containers:
            - name: a
              securityContext:
                appArmorProfile:
                  type: Unconfined # debugging
      `,
      errors: [{ messageId: 'fieldType', data: { subject: 'Container "a"', value: '"Unconfined"', policy: baseline() }, line: 9, column: 17, endColumn: 27, severity: 'error' }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {appArmorProfile: {type: RuntimeDefault}}
          containers:
            - name: a
              securityContext:
                appArmorProfile:
                  type: RuntimeDefault # debugging
      `,
    },
    {
      name: 'legacy annotation unconfined, in a Deployment template',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/web: unconfined
            spec:
              securityContext: {appArmorProfile: {type: RuntimeDefault}}
              containers: [{name: web}]
      `,
      errors: [{ messageId: 'annotation', data: { annotation: 'container.apparmor.security.beta.kubernetes.io/web', value: '"unconfined"', policy: baseline('Deployment') }, line: 7, column: 61 }],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/web: runtime/default
            spec:
              securityContext: {appArmorProfile: {type: RuntimeDefault}}
              containers: [{name: web}]
      `,
    },
    {
      name: 'unset everywhere: a hardening note, fixed on the pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: a
            - name: b
      `,
      errors: [{ messageId: 'unset', data: { containers: 'containers "a", "b"' }, line: 4, column: 3, endColumn: 18, severity: 'info' }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            runAsNonRoot: true
            appArmorProfile:
              type: RuntimeDefault
          containers:
            - name: a
            - name: b
      `,
    },
  ],
});
