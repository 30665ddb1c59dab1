/** @file A RoleBinding or ClusterRoleBinding whose roleRef names a Role or ClusterRole defined nowhere in the workspace. */
import { defineRule } from '../engine/rule';
import { factsOfType, findNamed } from '../workspace/queries';
import { MAY_EXIST, rbacReference } from './support/workspaceReferences';

/** ClusterRoles every cluster creates (user-facing roles and the `system:` ones). */
const BUILT_IN_CLUSTER_ROLES = new Set(['cluster-admin', 'admin', 'edit', 'view']);

export default defineRule({
  meta: {
    id: 'reference-role',
    title: 'Binding to a role not in the workspace',
    severity: 'warning',
    category: 'references',
    docs: {
      summary: 'Reports a roleRef naming a Role (in the binding\'s namespace) or a ClusterRole that no file of the workspace defines. The built-in ClusterRoles (cluster-admin, admin, edit, view and every system: role) are known.',
      why: 'A binding to a missing role grants nothing, so the subject fails at run time with "forbidden"; and a role created later under that name, by anyone who can, is granted silently. A typo in roleRef is also one field a reviewer rarely checks.',
      fix: 'Fix the roleRef name and kind, or add the Role or ClusterRole to the manifests that are deployed together with the binding.',
      references: [rbacReference],
    },
    messages: {
      missing: '{{bindingKind}} "{{binding}}" refers to {{roleKind}} "{{role}}", which is not defined in the workspace. ' + MAY_EXIST,
    },
  },
  checkWorkspace({ file, workspace, report }) {
    for (const { fact, namespace } of factsOfType(file, 'binding')) {
      const ref = fact.roleRef;
      if (!ref) continue;
      if (ref.kind === 'ClusterRole') {
        if (BUILT_IN_CLUSTER_ROLES.has(ref.name) || ref.name.startsWith('system:')) continue;
        if (workspace.list('clusterRole', '').some((r) => r.fact.name === ref.name)) continue;
      } else if (ref.kind === 'Role') {
        if (findNamed(workspace, 'role', namespace, ref.name)) continue;
      } else continue;
      report({ messageId: 'missing', data: { bindingKind: fact.kind, binding: fact.name ?? '?', roleKind: ref.kind, role: ref.name }, at: ref.at });
    }
  },
});
