/** @file A Secret manifest with values in it puts those values in Git in plain text (base64 is not encryption). */
import { isMap, isScalar, type Node, type Scalar } from 'yaml';
import { defineRule } from '../engine/rule';
import { MapView } from '../model/node';
import { apiGroup } from '../model/workload';
import { secretsGoodPracticesReference } from './support/references';

/** Keys whose value is not empty. */
function filledKeys(map: MapView | undefined): string[] {
  if (!map) return [];
  return map.entries().filter((e) => !(e.value && isScalar(e.value) && ((e.value as Scalar).value === null || (e.value as Scalar).value === ''))).map((e) => e.key);
}

export default defineRule({
  meta: {
    id: 'plaintext-secret',
    title: 'Secret values committed in the manifest',
    severity: 'info',
    category: 'secrets',
    docs: {
      summary: 'Notes Secret manifests whose data or stringData holds non-empty values. Empty placeholder Secrets that a controller fills in are left alone.',
      why: 'data is base64, an encoding that anyone can reverse; stringData is plain text. Committed, the values live in every clone and in the Git history forever, and reach everyone with read access to the repository, its CI logs and its forks.',
      fix: 'Keep the encrypted form in Git and let the cluster decrypt it: SealedSecrets, SOPS, or an External Secrets Operator or CSI Secrets Store reference to a secret manager. Rotate values that were already committed.',
      example: 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db-credentials\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK...',
      references: [secretsGoodPracticesReference, { standard: 'Kubernetes docs', title: 'Secrets: information security', url: 'https://kubernetes.io/docs/concepts/configuration/secret/#information-security-for-secrets' }],
    },
    messages: {
      committed: 'Secret "{{name}}" holds {{count}} value(s) in {{field}} ({{keys}}), readable by anyone with access to this file: base64 is an encoding, not encryption. Commit it encrypted (SealedSecrets, SOPS) or fetch it from a secret manager.',
    },
  },
  checkObject({ object, report }) {
    if (object.kind !== 'Secret' || apiGroup(object.apiVersion) !== '') return;
    for (const field of ['stringData', 'data']) {
      const entry = object.map.get(field);
      const keys = filledKeys(entry?.value && isMap(entry.value) ? object.map.map(field) : undefined);
      if (!entry || keys.length === 0) continue;
      const shown = keys.length > 3 ? `${keys.slice(0, 3).join(', ')}, ...` : keys.join(', ');
      report({ messageId: 'committed', data: { name: object.name ?? '?', count: keys.length, field, keys: shown }, at: (entry.mergedVia ?? entry.keyNode) as Node });
    }
  },
});
