/** @file Security fields that are misspelled or in the wrong place: Kubernetes rejects or drops them, and the setting silently does not apply. */
import { isScalar, type Scalar } from 'yaml';
import { defineRule, type FixDescriptor } from '../engine/rule';
import { type Entry, type MapView } from '../model/node';
import { toPlain } from '../model/plain';
import {
  CONTAINER_FIELDS, CONTAINER_SECURITY_CONTEXT_FIELDS, NESTED_SECURITY_FIELDS, POD_SECURITY_CONTEXT_FIELDS,
  POD_SPEC_FIELDS, POD_SPEC_SECURITY_FIELDS, didYouMean,
} from '../model/securityFields';
import { securityContextReference } from './common';

const CONTAINER_SUGGESTIONS: ReadonlySet<string> = new Set(['securityContext']);
const SECURITY_FIELDS = new Set([...CONTAINER_SECURITY_CONTEXT_FIELDS, ...POD_SECURITY_CONTEXT_FIELDS]);
const INSECURE: Readonly<Record<string, (value: unknown) => boolean>> = {
  privileged: (v) => v === true, allowPrivilegeEscalation: (v) => v === true, runAsNonRoot: (v) => v === false,
  readOnlyRootFilesystem: (v) => v === false, runAsUser: (v) => v === 0, runAsGroup: (v) => v === 0, hostNetwork: (v) => v === true,
  hostPID: (v) => v === true, hostIPC: (v) => v === true, automountServiceAccountToken: (v) => v === true, shareProcessNamespace: (v) => v === true,
  hostProcess: (v) => v === true, procMount: (v) => v !== 'Default', type: (v) => v === 'Unconfined', add: (v) => Array.isArray(v) && v.length > 0,
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether a renamed key would switch on something weaker than the defaults: then the rename is left to a human. */
function weakens(key: string, value: unknown): boolean {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return Object.entries(value).some(([k, v]) => weakens(k, v));
  return INSECURE[key]?.(value) ?? false;
}

function renameFix(map: MapView, entry: Entry, to: string): FixDescriptor | undefined {
  const key = entry.keyNode;
  if (entry.mergedVia || entry.owner !== map.node || map.get(to) || !isScalar(key) || !key.range) return undefined;
  try {
    if (weakens(to, toPlain(map.doc, entry.value))) return undefined;
  } catch {
    return undefined;
  }
  const type = (key as Scalar).type;
  const text = type === 'QUOTE_DOUBLE' ? JSON.stringify(to) : type === 'QUOTE_SINGLE' ? `'${to}'` : to;
  const [start, end] = key.range;
  return { title: `Rename ${entry.key} to ${to}`, apply: (e) => void e.replace(start, end, text) };
}

export default defineRule({
  meta: {
    id: 'misplaced-security-field',
    title: 'Misspelled or misplaced security field',
    severity: 'warning',
    category: 'hardening',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags security fields Kubernetes does not know where they are written: misspellings (runAsNonroot, securityContex), container-only fields at pod level (privileged, capabilities in the pod securityContext) and securityContext fields written directly on the pod or container (hardening beyond the Pod Security Standards).',
      why: 'An unknown field is rejected by kubectl\'s strict field validation and silently dropped by clients that do not ask for it (Helm, GitOps controllers, older kubectl). Either way the setting the author meant, runAsNonRoot or a dropped capability, does not apply, while the manifest looks hardened to every reviewer.',
      fix: 'Rename the field (the quick fix does it for a near miss) or move it where it belongs: container-only fields into each container\'s securityContext, pod-wide ones into the pod\'s. The rename is not offered when it would switch on something weaker than the default (privileged: true, runAsUser: 0…), since the dropped field was then the safer outcome.',
      example: 'securityContext:\n  runAsNonRoot: true\n  capabilities:\n    drop: [ALL]',
      references: [securityContextReference, { standard: 'Kubernetes docs', title: 'Field validation (kubectl --validate)', url: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation' }],
    },
    messages: {
      misspelled: '{{where}} has no field "{{key}}"; did you mean "{{suggestion}}"? Kubernetes rejects or drops the unknown field, so {{suggestion}} is not set.',
      misplaced: '"{{key}}" is not a field of {{where}}; it belongs {{belongs}}. Kubernetes rejects or drops it here, so the setting has no effect.',
      unknown: '{{where}} has no field "{{key}}": Kubernetes rejects or drops it, so it has no effect. Fix its name or remove it.',
    },
  },
  checkWorkload({ workload, report }) {
    const check = (map: MapView | undefined, where: string, known: ReadonlySet<string>, options: { misplaced?: (key: string) => string | undefined; suggest?: ReadonlySet<string>; reportUnknown?: boolean }) => {
      for (const entry of map?.entries() ?? []) {
        if (known.has(entry.key) || entry.key === '<<') continue;
        // A security field written at the wrong level, possibly also misspelled.
        const near = options.misplaced ? didYouMean(entry.key, SECURITY_FIELDS) : undefined;
        const placed = options.misplaced?.(entry.key) ?? (near && options.misplaced?.(near));
        const belongs = placed && near ? `${placed}, spelled ${near}` : placed;
        const at = entry.mergedVia ?? entry.keyNode;
        if (belongs) {
          report({ messageId: 'misplaced', data: { key: entry.key, where, belongs }, at });
          continue;
        }
        const suggestion = didYouMean(entry.key, options.suggest ?? known);
        if (suggestion) report({ messageId: 'misspelled', data: { key: entry.key, where: capitalize(where), suggestion }, at, fix: renameFix(map!, entry, suggestion) ?? [] });
        else if (options.reportUnknown) report({ messageId: 'unknown', data: { key: entry.key, where: capitalize(where) }, at });
      }
    };
    const nested = (context: MapView | undefined, owner: string) => {
      for (const [name, fields] of Object.entries(NESTED_SECURITY_FIELDS)) check(context?.map(name), `${name} of ${owner}`, fields, { reportUnknown: true });
    };
    const podOnly = (key: string) => (POD_SECURITY_CONTEXT_FIELDS.has(key) && !CONTAINER_SECURITY_CONTEXT_FIELDS.has(key) ? 'in the pod\'s securityContext' : undefined);
    const containerOnly = (key: string) => (CONTAINER_SECURITY_CONTEXT_FIELDS.has(key) && !POD_SECURITY_CONTEXT_FIELDS.has(key) ? 'in each container\'s securityContext' : undefined);

    check(workload.spec, 'the pod spec', POD_SPEC_FIELDS, { misplaced: (k) => (SECURITY_FIELDS.has(k) ? (containerOnly(k) ?? 'in the pod\'s securityContext') : undefined), suggest: POD_SPEC_SECURITY_FIELDS });
    check(workload.podSecurityContext, 'the pod securityContext', POD_SECURITY_CONTEXT_FIELDS, { misplaced: containerOnly, reportUnknown: true });
    nested(workload.podSecurityContext, 'the pod securityContext');
    for (const container of workload.containers) {
      const name = `container "${container.name}"`;
      check(container.map, name, CONTAINER_FIELDS, { misplaced: (k) => (SECURITY_FIELDS.has(k) ? (podOnly(k) ?? 'under its securityContext') : undefined), suggest: CONTAINER_SUGGESTIONS });
      check(container.securityContext, `the securityContext of ${name}`, CONTAINER_SECURITY_CONTEXT_FIELDS, { misplaced: podOnly, reportUnknown: true });
      nested(container.securityContext, name);
    }
  },
});
