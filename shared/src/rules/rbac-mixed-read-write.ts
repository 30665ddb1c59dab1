/** @file A rule that both reads and writes the same resources: suggest separate reader and writer roles. */
import { defineRule } from '../engine/rule';
import { policyRules, rbacReference, roleLabel, READ_VERBS, WRITE_VERBS } from './support/rbac';

export default defineRule({
  meta: {
    id: 'rbac-mixed-read-write',
    title: 'One RBAC rule mixes read and write verbs',
    severity: 'info',
    category: 'rbac',
    docs: {
      summary: 'Notes Roles and ClusterRoles with rules that list both read verbs (get, list, watch) and write verbs (create, update, patch, delete, deletecollection) for the same resources, once per role. `*` verbs are left to rbac-wildcard.',
      why: 'Most subjects that read a resource never need to change it. When read and write live in one rule, every binding of the role hands out both, and reviewers cannot grant read-only access without copying the role. Split roles make the writers few and visible.',
      fix: 'Consider a "-reader" role with get, list, watch and a "-writer" role with the write verbs, and bind the writer only to the subjects that change the resources.',
      example: 'kind: Role\nmetadata:\n  name: config-reader\nrules:\n  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, list, watch]',
      references: [rbacReference],
    },
    messages: {
      mixed: 'rules[{{index}}] of {{role}} both reads ({{read}}) and writes ({{write}}) {{resources}}{{others}}. Consider separate reader and writer roles so read-only subjects do not get write access.',
    },
  },
  checkObject({ object, report }) {
    // The suggestion is about the role as a whole, so it is made once, on the first rule that mixes.
    const mixing = policyRules(object).flatMap((rule) => {
      if (rule.resources.length === 0 || rule.verbs.some((v) => v.value === '*')) return [];
      const read = rule.verbs.filter((v) => READ_VERBS.has(v.value));
      const write = rule.verbs.filter((v) => WRITE_VERBS.has(v.value));
      return read.length > 0 && write.length > 0 ? [{ rule, read, write }] : [];
    });
    const first = mixing[0];
    if (!first) return;
    const others = mixing.length > 1 ? ` (and ${mixing.length - 1} more rule${mixing.length > 2 ? 's' : ''})` : '';
    report({
      messageId: 'mixed',
      data: {
        index: first.rule.index,
        role: roleLabel(object),
        read: first.read.map((v) => v.value).join(', '),
        write: first.write.map((v) => v.value).join(', '),
        resources: first.rule.resources.map((r) => r.value).join(', '),
        others,
      },
      at: first.write[0]!.node,
    });
  },
});
