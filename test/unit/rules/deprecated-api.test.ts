import rule from '../../../shared/src/rules/deprecated-api';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

const APPS_V1 = 'Use apps/v1: spec.selector is required there and must match the pod template labels; the rolling-update and revision-history defaults also changed.';

runRuleTests(rule, {
  valid: [
    { name: 'current versions, and kinds a removed group version never had', code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: web}
      ---
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization` },
  ],
  invalid: [
    {
      name: 'a one-to-one rename is fixed safely',
      code: yaml`
        apiVersion: batch/v1beta1 # old docs
        kind: CronJob
        metadata: {name: hello}
      `,
      errors: [{ messageId: 'removed', data: { kind: 'CronJob', name: 'hello', apiVersion: 'batch/v1beta1', removedIn: '1.25', migration: 'Use batch/v1; the fields are the same.' }, line: 1, column: 13, endLine: 1, endColumn: 26, severity: 'error' }],
      output: yaml`
        apiVersion: batch/v1 # old docs
        kind: CronJob
        metadata: {name: hello}
      `,
    },
    {
      name: 'an extensions/v1beta1 Deployment gets the apps/v1 fix only when it has a selector',
      code: yaml`
        apiVersion: extensions/v1beta1
        kind: Deployment
        metadata: {name: with-selector}
        spec:
          selector: {matchLabels: {app: a}}
        ---
        apiVersion: extensions/v1beta1
        kind: Deployment
        metadata: {name: without}
        spec: {}
      `,
      errors: [
        { messageId: 'removed', data: { kind: 'Deployment', name: 'with-selector', apiVersion: 'extensions/v1beta1', removedIn: '1.16', migration: APPS_V1 }, line: 1, column: 13 },
        { messageId: 'removed', data: { kind: 'Deployment', name: 'without', apiVersion: 'extensions/v1beta1', removedIn: '1.16', migration: APPS_V1 }, line: 7, column: 13 },
      ],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: with-selector}
        spec:
          selector: {matchLabels: {app: a}}
        ---
        apiVersion: extensions/v1beta1
        kind: Deployment
        metadata: {name: without}
        spec: {}
      `,
    },
    {
      name: 'PodSecurityPolicy has no replacement API and no fix',
      code: yaml`
        apiVersion: policy/v1beta1
        kind: PodSecurityPolicy
        metadata: {name: restricted}
      `,
      errors: [{ messageId: 'removed', data: { kind: 'PodSecurityPolicy', name: 'restricted', apiVersion: 'policy/v1beta1', removedIn: '1.25', migration: 'PodSecurityPolicy was removed in 1.25 with no replacement API: label the namespaces with Pod Security Admission levels (pod-security.kubernetes.io/enforce: baseline or restricted) or use a policy engine such as Kyverno or Gatekeeper, then delete this object and the RBAC that grants use of it.' }, line: 1, column: 13 }],
      output: null,
    },
  ],
});
