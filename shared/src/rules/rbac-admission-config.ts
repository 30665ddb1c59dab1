/** @file Write access to admission webhooks and policies lets a subject rewrite or wave through every object. */
import { defineRule, type Severity } from '../engine/rule';
import { coversGroup, narrowedByName, policyRules, rbacReference, resourceItems, roleLabel, verbItems, WRITE_VERBS } from './support/rbac';

const GROUP = 'admissionregistration.k8s.io';
/** Mutating admission can inject anything into any object: cluster takeover. Validating admission can be switched off or shown every object. */
const RESOURCES: ReadonlyArray<readonly [resource: string, severity: Severity]> = [
  ['mutatingwebhookconfigurations', 'error'],
  ['mutatingadmissionpolicies', 'error'],
  ['mutatingadmissionpolicybindings', 'error'],
  ['validatingwebhookconfigurations', 'warning'],
  ['validatingadmissionpolicies', 'warning'],
  ['validatingadmissionpolicybindings', 'warning'],
];

export default defineRule({
  meta: {
    id: 'rbac-admission-config',
    title: 'Role can change admission webhooks or policies',
    severity: 'warning',
    category: 'rbac',
    docs: {
      summary: 'Flags Role and ClusterRole rules that can create, update, patch or delete admission webhook configurations or admission policies (and their bindings), unless resourceNames narrows update, patch and delete to named objects. Mutating ones are errors.',
      why: 'A mutating webhook or policy sees and rewrites every matching object as it is created: an attacker who can register one injects a privileged container or a hostPath into every new pod, or copies every Secret as it is written. Write access to validating webhooks and policies switches off the guardrails (Pod Security add-ons, image signature checks) the cluster relies on.',
      fix: 'Only the controller that owns a webhook should update it, and only by name: use resourceNames for update and patch (for example to inject a caBundle) and keep create and delete for cluster administrators.',
      example: 'rules:\n  - apiGroups: [admissionregistration.k8s.io]\n    resources: [validatingwebhookconfigurations]\n    resourceNames: [my-webhook]\n    verbs: [get, update]',
      references: [rbacReference, { standard: 'Kubernetes docs', title: 'Dynamic Admission Control', url: 'https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/' }],
      peers: { checkov: 'CKV_K8S_155', trivy: 'KSV-0114', kubescape: 'C-0281' },
    },
    messages: {
      write: 'rules[{{index}}] of {{role}} can change {{resource}}: anyone bound to it can {{power}}. Restrict update and patch with resourceNames to the owner\'s own objects.',
    },
  },
  checkObject({ object, report, isEnabled }) {
    const skipWildcards = isEnabled('rbac-wildcard');
    for (const rule of policyRules(object)) {
      const verbs = verbItems(rule, WRITE_VERBS);
      if (!coversGroup(rule, GROUP) || verbs.length === 0 || narrowedByName(rule)) continue;
      for (const [resource, severity] of RESOURCES) {
        const item = resourceItems(rule, resource).find((r) => r.value === resource || (!skipWildcards && r.value === '*'));
        if (!item) continue;
        const power = severity === 'error' ? 'rewrite every object the cluster admits, pods included' : 'switch off or bypass admission checks';
        report({ messageId: 'write', data: { index: rule.index, role: roleLabel(object), resource, power }, at: item.node, severity });
        if (item.value === '*') break;
      }
    }
  },
});
