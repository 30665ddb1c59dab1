/** @file serviceAccountName and binding subjects naming a ServiceAccount defined nowhere in the workspace. */
import { defineRule } from '../engine/rule';
import { BUILT_IN_NAMESPACES, describeNamespace, factsOfType, findNamed } from '../workspace/queries';
import { MAY_EXIST, serviceAccountsReference } from './support/workspaceReferences';

export default defineRule({
  meta: {
    id: 'reference-service-account',
    title: 'ServiceAccount not in the workspace',
    severity: 'warning',
    category: 'references',
    docs: {
      summary: 'Reports a pod template\'s serviceAccountName, and a RoleBinding or ClusterRoleBinding subject of kind ServiceAccount, that names a ServiceAccount no file of the workspace defines in that namespace. The `default` ServiceAccount, which every namespace has, and accounts in the cluster\'s own namespaces (kube-system…) are known.',
      why: 'A pod naming a missing ServiceAccount is never created (the ReplicaSet reports "serviceaccount not found"), and a binding to one grants its permissions to whoever creates an account of that name later.',
      fix: 'Add the ServiceAccount to the manifests deployed with the workload or binding, or fix the name or namespace.',
      references: [serviceAccountsReference],
      peers: { kubeLinter: 'non-existent-service-account' },
    },
    messages: {
      workload: '{{kind}} "{{name}}" runs as ServiceAccount "{{account}}", which is not defined in {{namespace}} in the workspace. ' + MAY_EXIST,
      subject: '{{kind}} "{{name}}" binds ServiceAccount "{{account}}" in {{namespace}}, which is not defined in the workspace. ' + MAY_EXIST,
    },
  },
  checkWorkspace({ file, workspace, report }) {
    const known = (namespace: string, account: string) => account === 'default' || BUILT_IN_NAMESPACES.includes(namespace) && namespace !== 'default' || findNamed(workspace, 'serviceAccount', namespace, account) !== undefined;
    for (const { fact, namespace } of factsOfType(file, 'workload')) {
      const account = fact.serviceAccount;
      if (!account || known(namespace, account.name)) continue;
      report({ messageId: 'workload', data: { kind: fact.kind, name: fact.name ?? '?', account: account.name, namespace: describeNamespace(namespace) }, at: account.at });
    }
    for (const { fact, namespace } of factsOfType(file, 'binding')) {
      for (const subject of fact.subjects) {
        if (subject.kind !== 'ServiceAccount') continue;
        // A RoleBinding's subject without a namespace means the binding's own (ValidateRoleBindingSubject).
        const subjectNamespace = subject.namespace ?? (fact.kind === 'RoleBinding' ? namespace : '');
        if (known(subjectNamespace, subject.name)) continue;
        report({ messageId: 'subject', data: { kind: fact.kind, name: fact.name ?? '?', account: subject.name, namespace: describeNamespace(subjectNamespace) }, at: subject.at });
      }
    }
  },
});
