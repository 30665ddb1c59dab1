/** @file A Service whose selector matches no workload's pod labels has no endpoints. */
import { defineRule } from '../engine/rule';
import { describeNamespace, factsOfType, operatorNote } from '../workspace/queries';
import { describeSelector, matchesLabels } from '../workspace/selectors';
import { servicesReference } from './support/workspaceReferences';

export default defineRule({
  meta: {
    id: 'reference-service-pods',
    title: 'Service selecting no pod',
    severity: 'warning',
    category: 'references',
    docs: {
      summary: 'Reports a Service whose selector matches the pod labels of no workload in its namespace in the workspace. Services without a selector (endpoints managed by hand) and ExternalName Services are left alone; a namespace holding custom resources, which an operator may turn into pods, gets an info note only.',
      why: 'A Service that selects no pod has no endpoints: clients get connection refused, and the mismatch usually means a label changed on one side only. Pods deployed by another tool may match it; the linter cannot see them.',
      fix: 'Make spec.selector match the labels of the pod template it fronts.',
      references: [servicesReference],
      peers: { kubeLinter: 'dangling-service' },
    },
    messages: {
      noPods: 'Service "{{name}}" selects pods with {{selector}}, but no workload in {{namespace}} in the workspace has those labels{{operators}}. The pods may be deployed from elsewhere; if not, the Service has no endpoints.',
    },
  },
  checkWorkspace({ file, workspace, report }) {
    for (const { fact, namespace } of factsOfType(file, 'service')) {
      if (!fact.selector) continue;
      // Manifests without a namespace land wherever they are applied: they may run next to any Service.
      const workloads = namespace ? [...workspace.list('workload', namespace), ...workspace.list('workload', '')] : workspace.list('workload');
      const selector = { matchLabels: fact.selector, matchExpressions: [], valid: true };
      if (workloads.some((w) => matchesLabels(selector, w.fact.podLabels))) continue;
      const operators = operatorNote(workspace, namespace);
      report({ messageId: 'noPods', data: { name: fact.name ?? '?', selector: describeSelector(selector), namespace: describeNamespace(namespace), operators }, at: fact.selectorAt ?? fact.at, severity: operators ? 'info' : undefined });
    }
  },
});
