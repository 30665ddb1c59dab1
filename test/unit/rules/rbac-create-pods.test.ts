import rule from '../../../shared/src/rules/rbac-create-pods';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'read-only on workloads', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: viewer}
      rules:
        - apiGroups: ["", apps]
          resources: [pods, deployments]
          verbs: [get, list, watch]` },
    { name: 'create on a resource that makes no pods', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: config}
      rules: [{apiGroups: [""], resources: [configmaps], verbs: [create]}]` },
    { name: 'deployments in the core group do not exist', code: yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: wrong-group}
      rules: [{apiGroups: [""], resources: [deployments], verbs: [create]}]` },
  ],
  invalid: [
    {
      name: 'one finding per rule, on the first pod-making resource',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: deployer, namespace: ci}
        rules:
          - apiGroups: [apps, batch]
            resources:
              - configmaps
              - jobs
              - deployments
            verbs: [create, patch]
      `,
      errors: [{ messageId: 'create', data: { index: 0, role: 'Role "deployer"', resources: 'jobs, deployments' }, line: 8, column: 9, endLine: 8, endColumn: 13, severity: 'warning' }],
      output: null,
    },
    {
      name: 'pods through * verbs',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: runner}
        rules:
          - {apiGroups: [""], resources: [pods], verbs: ["*"]}
      `,
      errors: [{ messageId: 'create', data: { index: 0, role: 'ClusterRole "runner"', resources: 'pods' }, line: 5, column: 35, endLine: 5, endColumn: 39 }],
    },
  ],
});
