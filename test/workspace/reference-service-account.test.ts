import rule from '../../shared/src/rules/reference-service-account';
import { runWorkspaceRuleTests } from '../harness/workspaceTester';
import { deployment, named } from './fixtures';

const withAccount = (account: string, namespace?: string) => deployment('web', { namespace, extraSpec: [`serviceAccountName: ${account}`] });
const binding = (kind: string, subject: string, namespace?: string) =>
  ['apiVersion: rbac.authorization.k8s.io/v1', `kind: ${kind}`, 'metadata:', '  name: b', ...(namespace ? [`  namespace: ${namespace}`] : []), 'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}', 'subjects:', `  - ${subject}`, ''].join('\n');

runWorkspaceRuleTests(rule, {
  valid: [
    { name: 'the ServiceAccount is in another file of the same namespace', files: { 'sa.yaml': named('v1', 'ServiceAccount', 'web', 'shop'), 'app.yaml': withAccount('web', 'shop') } },
    { name: 'the default ServiceAccount always exists', files: { 'app.yaml': withAccount('default', 'shop') } },
    { name: 'both sides get their namespace from one kustomization', files: { 'kustomization.yaml': 'namespace: shop\nresources: [sa.yaml, app.yaml]\n', 'sa.yaml': named('v1', 'ServiceAccount', 'web'), 'app.yaml': withAccount('web') } },
    { name: 'a RoleBinding subject without a namespace means the binding\'s', files: { 'sa.yaml': named('v1', 'ServiceAccount', 'ci', 'shop'), 'rb.yaml': binding('RoleBinding', '{kind: ServiceAccount, name: ci}', 'shop') } },
    { name: 'accounts of the platform\'s namespaces are the platform\'s', files: { 'crb.yaml': binding('ClusterRoleBinding', '{kind: ServiceAccount, name: coredns, namespace: kube-system}') } },
    { name: 'users and groups are not checked', files: { 'crb.yaml': binding('ClusterRoleBinding', '{kind: Group, name: devs}') } },
  ],
  invalid: [
    {
      name: 'serviceAccountName naming an account of another namespace',
      files: { 'sa.yaml': named('v1', 'ServiceAccount', 'web', 'other'), 'app.yaml': withAccount('web', 'shop') },
      errors: [{ file: 'app.yaml', messageId: 'workload', data: { kind: 'Deployment', name: 'web', account: 'web', namespace: 'namespace "shop"' }, line: 11, column: 27, severity: 'warning' }],
      output: null,
    },
    {
      name: 'a ClusterRoleBinding subject',
      files: { 'crb.yaml': binding('ClusterRoleBinding', '{kind: ServiceAccount, name: robot, namespace: ci}') },
      errors: [{ file: 'crb.yaml', messageId: 'subject', data: { kind: 'ClusterRoleBinding', name: 'b', account: 'robot', namespace: 'namespace "ci"' }, line: 7, column: 34 }],
    },
  ],
});
