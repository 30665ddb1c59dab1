import rule from '../../../shared/src/rules/missing-security-context';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { enforced, restricted } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'container has one', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: app
            securityContext: {runAsNonRoot: true}` },
    { name: 'pod has one', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      spec:
        template:
          spec:
            securityContext: {runAsNonRoot: true}
            containers:
              - name: app` },
    { name: 'Windows pod: Linux fields do not apply', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        os: {name: windows}
        containers:
          - name: app` },
    { name: 'compose file', code: yaml`
      services:
        web:
          image: nginx` },
  ],
  invalid: [
    {
      name: 'block style: hardened block inserted after the last key, comments kept',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            spec:
              containers:
                - name: db # primary
                  image: postgres:16
                  # ports follow
                  ports:
                    - containerPort: 5432
              volumes: []
      `,
      errors: [{ messageId: 'missing', data: { container: 'db', policy: restricted('StatefulSet') }, severity: 'warning', line: 9, column: 11, endLine: 9, endColumn: 15 }],
      output: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          template:
            spec:
              containers:
                - name: db # primary
                  image: postgres:16
                  # ports follow
                  ports:
                    - containerPort: 5432
                  securityContext:
                    runAsNonRoot: true
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities:
                      drop:
                        - ALL
                    seccompProfile:
                      type: RuntimeDefault
              volumes: []
      `,
    },
    {
      name: 'four-space indentation is followed',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            containers:
            -   name: app
                image: nginx
      `,
      errors: [{ messageId: 'missing', data: { container: 'app', policy: restricted() }, line: 7, column: 9 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            containers:
            -   name: app
                image: nginx
                securityContext:
                    runAsNonRoot: true
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities:
                        drop:
                            - ALL
                    seccompProfile:
                        type: RuntimeDefault
      `,
    },
    {
      name: 'flow style stays flow, two containers',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec: {containers: [{name: a, image: x}, {name: b}]}
      `,
      errors: [
        { messageId: 'missing', data: { container: 'a', policy: restricted() }, line: 3, column: 22 },
        { messageId: 'missing', data: { container: 'b', policy: restricted() }, line: 3, column: 43 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec: {containers: [{name: a, image: x, securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}}, {name: b, securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}}]}
      `,
    },
    {
      name: 'a List of Pods; the last line has no newline',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    spec:\n      containers:\n        - name: app\n          image: nginx',
      errors: [{ messageId: 'missing', data: { container: 'app', policy: restricted() }, line: 8, column: 11 }],
      output: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    spec:\n      containers:\n        - name: app\n          image: nginx\n          securityContext:\n            runAsNonRoot: true\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n            capabilities:\n              drop:\n                - ALL\n            seccompProfile:\n              type: RuntimeDefault',
    },
    {
      name: 'securityContext with no value is filled in place',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: app
              securityContext:
              image: x
      `,
      errors: [{ messageId: 'missing', data: { container: 'app', policy: restricted() }, line: 5, column: 7 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: app
              securityContext:
                runAsNonRoot: true
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities:
                  drop:
                    - ALL
                seccompProfile:
                  type: RuntimeDefault
              image: x
      `,
    },
    {
      name: 'its severity follows the policy: info where only hardening is at stake',
      settings: normalizeSettings({ podSecurity: { level: 'baseline' } }),
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: app}]
      `,
      errors: [{ messageId: 'missing', data: { container: 'app', policy: 'Pod Security admission would admit it as it stands; the hardened securityContext is defence in depth.' }, line: 4, column: 17, severity: 'info' }],
    },
    {
      name: 'an error in a namespace that enforces restricted',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: apps, labels: {pod-security.kubernetes.io/enforce: restricted}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: apps}
        spec:
          template:
            spec:
              containers: [{name: app}]
      `,
      errors: [{ messageId: 'missing', data: { container: 'app', policy: enforced('apps', 'restricted:latest', 'Deployment') }, line: 11, column: 21, severity: 'error' }],
    },
  ],
});
