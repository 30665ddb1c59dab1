/** @file runtimeClassName naming a RuntimeClass defined nowhere in the workspace. */
import { defineRule } from '../engine/rule';
import { factsOfType } from '../workspace/queries';
import { MAY_EXIST, runtimeClassReference } from './support/workspaceReferences';

export default defineRule({
  meta: {
    id: 'reference-runtime-class',
    title: 'RuntimeClass not in the workspace',
    severity: 'warning',
    category: 'references',
    docs: {
      summary: 'Reports a pod template\'s runtimeClassName naming a RuntimeClass that no file of the workspace defines. RuntimeClasses are cluster-scoped and usually installed with the node runtime (gVisor, Kata), so this is a reminder to check, not a verdict.',
      why: 'A pod naming a RuntimeClass the cluster lacks is rejected at admission. Worse, a workload that relies on a sandboxed runtime for isolation is only isolated where that class exists and points at the sandbox.',
      fix: 'Check that the RuntimeClass exists in every target cluster, or add its manifest next to the workloads that need it.',
      references: [runtimeClassReference],
    },
    messages: {
      missing: '{{kind}} "{{name}}" asks for RuntimeClass "{{runtimeClass}}", which is not defined in the workspace. ' + MAY_EXIST,
    },
  },
  checkWorkspace({ file, workspace, report }) {
    for (const { fact } of factsOfType(file, 'workload')) {
      const wanted = fact.runtimeClass;
      if (!wanted || workspace.list('runtimeClass', '').some((r) => r.fact.name === wanted.name)) continue;
      report({ messageId: 'missing', data: { kind: fact.kind, name: fact.name ?? '?', runtimeClass: wanted.name }, at: wanted.at });
    }
  },
});
