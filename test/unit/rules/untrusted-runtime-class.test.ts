import rule from '../../../shared/src/rules/untrusted-runtime-class';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

const settings = normalizeSettings({ runtime: { untrusted: { namespaces: ['tenants'], selectors: ['trust=untrusted'] } } });

runRuleTests(rule, {
  valid: [
    { name: 'off until untrusted workloads are configured', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p, namespace: tenants}
      spec:
        containers: [{name: c, image: x:1}]` },
    { name: 'a sandboxed runtime', settings, code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p, namespace: tenants}
      spec:
        runtimeClassName: gvisor
        containers: [{name: c, image: x:1}]` },
    { name: 'a trusted namespace and labels', settings, code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p, namespace: web, labels: {trust: internal}}
      spec:
        containers: [{name: c, image: x:1}]` },
  ],
  invalid: [
    {
      name: 'an untrusted namespace, no runtimeClassName: set one',
      settings,
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: plugin
          namespace: tenants
        spec:
          template:
            spec:
              containers:
                - name: c # tenant code
                  image: x:1
      `,
      errors: [{ messageId: 'missing', data: { kind: 'Deployment', name: 'plugin', why: 'namespace tenants', classes: 'gvisor, kata' }, line: 2, column: 7, endLine: 2, endColumn: 17 }],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: plugin
          namespace: tenants
        spec:
          template:
            spec:
              containers:
                - name: c # tenant code
                  image: x:1
              runtimeClassName: gvisor
      `,
    },
    {
      name: 'a pod label marks it untrusted; runc is not a sandbox',
      settings,
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata: {name: build}
        spec:
          template:
            metadata:
              labels: {trust: untrusted}
            spec:
              runtimeClassName: runc
              containers: [{name: c, image: x:1}]
      `,
      errors: [{ messageId: 'notSandboxed', data: { kind: 'Job', name: 'build', why: 'label trust=untrusted', classes: 'gvisor, kata', runtimeClass: 'runc' }, line: 9, column: 25 }],
      output: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata: {name: build}
        spec:
          template:
            metadata:
              labels: {trust: untrusted}
            spec:
              runtimeClassName: gvisor
              containers: [{name: c, image: x:1}]
      `,
    },
  ],
});
