/** @file Objects that use an API version the API server no longer serves, with the way to migrate. */
import { defineRule } from '../engine/rule';
import { removedApi } from './support/deprecated-apis';

export default defineRule({
  meta: {
    id: 'deprecated-api',
    title: 'Removed Kubernetes API version',
    severity: 'error',
    category: 'references',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags objects whose apiVersion and kind were removed from Kubernetes (extensions/v1beta1 workloads and Ingress, apps/v1beta*, policy/v1beta1 PodSecurityPolicy and PodDisruptionBudget, batch/v1beta1 CronJob, rbac v1beta1, apiextensions v1beta1 and others), with the version to use. Every supported Kubernetes release rejects them.',
      why: 'The API server refuses these objects, so the change fails at deploy time, often half-applied. A PodSecurityPolicy in particular protects nothing on a current cluster: the pods it was meant to restrict run unrestricted unless Pod Security Admission or a policy engine took over.',
      fix: 'Move to the replacement apiVersion and adjust the fields the migration guide lists; for PodSecurityPolicy, label namespaces with Pod Security Admission levels. The quick fix changes the apiVersion only where that is a complete migration (safe where the schema is identical, unsafe where defaults changed).',
      example: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}',
      references: [{ standard: 'Kubernetes docs', title: 'Deprecated API Migration Guide', url: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/' }, { standard: 'Kubernetes docs', title: 'Migrate from PodSecurityPolicy to the Built-In PodSecurity Admission Controller', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/migrate-from-psp/' }],
      peers: { kubeLinter: 'no-extensions-v1beta', checkov: 'CKV_K8S_1..7 (PodSecurityPolicy contents)', trivy: 'KSV-0107', kubescape: 'C-0068 (PodSecurityPolicy)', kubeScore: 'stable-version' },
    },
    messages: {
      removed: '{{kind}} "{{name}}" uses {{apiVersion}}, which was removed in Kubernetes {{removedIn}}: the API server rejects it. {{migration}}',
    },
  },
  checkObject({ object, report }) {
    const api = removedApi(object.apiVersion, object.kind);
    if (!api) return;
    const entry = object.map.get('apiVersion');
    if (!entry) return;
    const rewritable = api.replacement && api.rewrite && entry.valueNode === entry.value && !entry.mergedVia && (api.rewriteNeeds ?? []).every((path) => object.map.path(path));
    report({
      messageId: 'removed',
      data: { kind: object.kind, name: object.name ?? '?', apiVersion: object.apiVersion, removedIn: api.removedIn, migration: api.migration },
      at: entry.valueNode ?? entry.keyNode,
      fix: rewritable ? { title: `Change apiVersion to ${api.replacement}`, safe: api.rewrite === 'safe', apply: (e) => e.set(object.map, 'apiVersion', api.replacement!) } : [],
    });
  },
});
