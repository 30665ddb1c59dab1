/** @file Pod Security admission labels with values (or names) admission does not understand: it then fails closed or open. */
import { isScalar, type Scalar } from 'yaml';
import { defineRule } from '../engine/rule';
import { keyAt, valueAt, type Entry } from '../model/node';
import { didYouMean } from '../model/securityFields';
import {
  AUDIT_LEVEL_LABEL, AUDIT_VERSION_LABEL, ENFORCE_LEVEL_LABEL, ENFORCE_VERSION_LABEL, LABEL_PREFIX, LEVELS,
  WARN_LEVEL_LABEL, WARN_VERSION_LABEL, policyFromNamespaceLabels,
} from '../pss/levels';
import { podSecurityOf } from '../engine/config';
import { rejectedInFile } from '../policy/podSecurity';
import { namespacesIn } from '../workspace/namespaces';
import { pssReference } from './common';

const LABELS = [ENFORCE_LEVEL_LABEL, ENFORCE_VERSION_LABEL, WARN_LEVEL_LABEL, WARN_VERSION_LABEL, AUDIT_LEVEL_LABEL, AUDIT_VERSION_LABEL];

/** The text as written (`1.30` stays `1.30`, not the number 1.3). */
function written(entry: Entry): string {
  const value = entry.value;
  if (!value || !isScalar(value)) return '';
  return (value as Scalar).source ?? String((value as Scalar).value ?? '');
}

function levelSuggestion(text: string): string | undefined {
  return didYouMean(text.trim().toLowerCase(), LEVELS) ?? (LEVELS as readonly string[]).find((l) => l === text.trim().toLowerCase());
}

function versionSuggestion(text: string): string | undefined {
  if (text.trim().toLowerCase() === 'latest') return 'latest';
  const match = /^\s*[vV]?1\.(0|[1-9]\d*)(?:\.\d+)*\s*$/.exec(text);
  return match ? `v1.${match[1]}` : undefined;
}

export default defineRule({
  meta: {
    id: 'invalid-pod-security-label',
    title: 'Invalid Pod Security label',
    severity: 'error',
    category: 'pod-security',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags pod-security.kubernetes.io labels on a Namespace whose level is not privileged, baseline or restricted, whose version is not latest or v1.<minor>, or whose name admission does not know (enforced, warning…).',
      why: 'Pod Security admission does not reject a bad label; it guesses. An invalid enforce level fails closed: the namespace is enforced as restricted and pods that met the intended level are rejected. An invalid warn or audit level fails open: it counts as privileged and nobody is warned. An invalid version means latest, so the policy shifts with each upgrade. A misspelled label name is ignored altogether.',
      fix: 'Write the value admission expects (the quick fix proposes the closest one): a level in lower case, a version as v1.<minor> or latest, and the label names exactly as documented. The fix is unsafe: correcting a level that failed closed can admit pods that were being rejected.',
      example: 'metadata:\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: v1.33',
      references: [pssReference('baseline', 'Pod Security admission labels'), { standard: 'Kubernetes docs', title: 'Enforce Pod Security Standards with Namespace Labels', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/' }],
    },
    messages: {
      enforceLevel: 'Label {{label}} is {{value}}, not privileged, baseline or restricted. Pod Security admission fails closed: namespace "{{namespace}}" is enforced as restricted, so pods that only meet baseline are rejected.{{suggestion}}',
      openLevel: 'Label {{label}} is {{value}}, not privileged, baseline or restricted. Pod Security admission fails open: it {{mode}} at privileged, so namespace "{{namespace}}" gets no {{what}}.{{suggestion}}',
      version: 'Label {{label}} is {{value}}, not "latest" or "v1.<minor>". Pod Security admission evaluates it as latest, so the policy of namespace "{{namespace}}" changes with every cluster upgrade.{{suggestion}}',
      unknownLabel: 'Label {{label}} is not a Pod Security admission label, so admission ignores it in namespace "{{namespace}}".{{suggestion}}',
    },
  },
  checkObject({ object, settings, sameFile, report }) {
    if (object.kind !== 'Namespace' || object.apiVersion !== 'v1') return;
    const labels = object.metadata?.map('labels');
    const record = namespacesIn([object])[0];
    if (!labels || !record) return;
    const namespace = record.name;
    // A fix that changes what is enforced is withheld while it would change which pods of this file are rejected.
    const enforcedBy = (labelSet: Readonly<Record<string, unknown>>) =>
      Object.prototype.hasOwnProperty.call(labelSet, ENFORCE_LEVEL_LABEL) ? policyFromNamespaceLabels(labelSet).policy.enforce : { level: 'baseline' as const, version: podSecurityOf(settings).version };
    const safeChange = (label: string, value: string) => {
      if (!label.startsWith(ENFORCE_LEVEL_LABEL)) return true;
      return rejectedInFile(sameFile, namespace, [enforcedBy(record.labels), enforcedBy({ ...record.labels, [label]: value })]).length === 0;
    };
    for (const problem of policyFromNamespaceLabels(record.labels).problems) {
      const entry = labels.get(problem.label);
      if (!entry) continue;
      const text = written(entry);
      const isVersion = problem.label.endsWith('-version');
      const suggestion = isVersion ? versionSuggestion(text) : levelSuggestion(text);
      const editable = !entry.mergedVia && entry.owner === labels.node;
      const data = {
        label: problem.label, value: JSON.stringify(text), namespace,
        mode: problem.label === WARN_LEVEL_LABEL ? 'warns' : 'audits', what: problem.label === WARN_LEVEL_LABEL ? 'warnings' : 'audit annotations',
        suggestion: suggestion ? ` Did you mean ${suggestion}?` : '',
      };
      report({
        messageId: isVersion ? 'version' : problem.label === ENFORCE_LEVEL_LABEL ? 'enforceLevel' : 'openLevel',
        data,
        at: valueAt(entry),
        fix: suggestion && editable && safeChange(problem.label, suggestion) ? { title: `Change to ${suggestion}`, apply: (e) => void e.set(labels, problem.label, suggestion) } : [],
      });
    }
    for (const entry of labels.entries()) {
      if (!entry.key.startsWith(LABEL_PREFIX) || LABELS.includes(entry.key)) continue;
      const suggestion = didYouMean(entry.key, LABELS);
      const key = entry.keyNode;
      const renamable = suggestion && !labels.has(suggestion) && !entry.mergedVia && entry.owner === labels.node && isScalar(key) && key.range && safeChange(suggestion, written(entry));
      report({
        messageId: 'unknownLabel',
        data: { label: entry.key, namespace, suggestion: suggestion ? ` Did you mean ${suggestion}?` : '' },
        at: keyAt(entry),
        fix: renamable ? { title: `Rename to ${suggestion}`, apply: (e) => void e.replace(key.range![0], key.range![1], (key as Scalar).type === 'QUOTE_DOUBLE' ? JSON.stringify(suggestion) : suggestion) } : [],
      });
    }
  },
});
