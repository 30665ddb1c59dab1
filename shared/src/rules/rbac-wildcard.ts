/** @file Roles should not use `*` for verbs, resources, API groups or non-resource URLs. */
import type { YamlEditor } from '../edits/editor';
import { defineRule } from '../engine/rule';
import { policyRules, rbacReference, replaceWildcardVerb, roleLabel, READ_ONLY_LIST, type Item, type PolicyRule } from './support/rbac';

const star = (items: readonly Item[]) => items.find((i) => i.value === '*');

export default defineRule({
  meta: {
    id: 'rbac-wildcard',
    title: 'Wildcard in an RBAC rule',
    severity: 'warning',
    category: 'rbac',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags `*` in the verbs, resources, apiGroups or nonResourceURLs of a Role or ClusterRole rule; a rule with `*` in all three of verbs, resources and apiGroups is reported once.',
      why: 'A wildcard grants more than anyone reviewed: `*` resources include secrets and every custom resource installed later, `*` verbs include delete, bind, escalate and impersonate. A stolen token of a subject bound to such a role reads every secret it can reach and often grants itself the rest; `*` on everything is cluster-admin.',
      fix: 'List the API groups, resources and verbs the subject actually uses. The quick fix replaces a `*` verb with get, list, watch; it is unsafe because a controller that writes will stop working.',
      example: 'rules:\n  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, list, watch]',
      references: [rbacReference, { standard: 'CIS', title: 'CIS Kubernetes Benchmark 5.1.3: Minimize wildcard use in Roles and ClusterRoles', url: 'https://www.cisecurity.org/benchmark/kubernetes', control: '5.1.3' }],
      peers: { kubeLinter: 'wildcard-in-rules', checkov: 'CKV_K8S_49', trivy: 'KSV-0044, KSV-0045, KSV-0046, KSV-0112', kubescape: 'C-0187' },
    },
    messages: {
      everything: 'rules[{{index}}] of {{role}} grants every verb on every resource in every API group: whoever it is bound to has full control ({{scope}}). Grant only the resources and verbs needed.',
      verbs: 'rules[{{index}}] of {{role}} allows every verb ("*"), including delete and any verb added later. List the verbs needed, e.g. get, list, watch.',
      resources: 'rules[{{index}}] of {{role}} covers every resource ("*") of its API groups, secrets and subresources included. List the resources needed.',
      apiGroups: 'rules[{{index}}] of {{role}} covers every API group ("*"), including custom resources installed later. List the groups needed.',
      nonResourceURLs: 'rules[{{index}}] of {{role}} allows every non-resource URL ("*"), including /logs and /debug/pprof. List the paths needed, e.g. /healthz or /metrics.',
    },
  },
  checkObject({ object, report }) {
    const role = roleLabel(object);
    const scope = object.kind === 'ClusterRole' ? 'cluster-admin when bound with a ClusterRoleBinding' : 'admin of the namespace';
    const verbFix = (rule: PolicyRule, item: Item) =>
      rule.verbsSeq ? { title: `Replace "*" with ${READ_ONLY_LIST.join(', ')}`, apply: (e: YamlEditor) => replaceWildcardVerb(e, rule, item, object.segment.text) } : [];
    for (const rule of policyRules(object)) {
      const data = { index: rule.index, role };
      const [verb, resource, group, url] = [star(rule.verbs), star(rule.resources), star(rule.apiGroups), star(rule.nonResourceURLs)];
      if (verb && resource && group) {
        report({ messageId: 'everything', data: { ...data, scope }, at: verb.node, fix: verbFix(rule, verb) });
      } else {
        if (group) report({ messageId: 'apiGroups', data, at: group.node });
        if (resource) report({ messageId: 'resources', data, at: resource.node });
        // On a rule for every non-resource URL, the URL wildcard is the finding; its verbs are only HTTP methods.
        if (verb && !(url && rule.resources.length === 0)) report({ messageId: 'verbs', data, at: verb.node, fix: verbFix(rule, verb) });
      }
      if (url) report({ messageId: 'nonResourceURLs', data, at: url.node });
    }
  },
});
