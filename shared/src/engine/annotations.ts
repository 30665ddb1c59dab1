/**
 * @file Suppressions written as annotations, on the object or its pod template:
 * `kubeguard.io/ignore: "<rule-id>,…"` for the object, `kubeguard.io/ignore.<container>: "…"` for one
 * container, and the peers' own annotations so teams can migrate (kube-linter
 * `ignore-check.kube-linter.io/<check>`, Checkov `checkov.io/skip<N>: CKV_K8S_x=reason`, Polaris
 * `polaris.fairwinds.com/<check>-exempt: "true"`, kube-score `kube-score/ignore: a,b`).
 */
import { scalarOf, type MapView } from '../model/node';
import type { K8sObject } from '../model/objects';
import type { Workload } from '../model/workload';
import type { Rule } from './rule';

/** Rule ids silenced for a span of the document (the whole object, or one container). */
export interface AnnotationScope {
  readonly start: number;
  readonly end: number;
  readonly ruleIds: ReadonlySet<string>;
}

const split = (value: string) => value.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

/** Our rule ids for a peer's check id, through each rule's `docs.peers`. */
function byPeer(rules: readonly Rule[], peer: 'kubeLinter' | 'checkov' | 'polaris' | 'kubeScore', id: string): string[] {
  return rules.filter((r) => r.meta.docs.peers?.[peer]?.toLowerCase() === id.toLowerCase()).map((r) => r.meta.id);
}

function annotationsOf(metadata: MapView | undefined): Array<[string, string]> {
  const annotations = metadata?.map('annotations');
  if (!annotations) return [];
  // Each entry's own value: looking every key up again is quadratic in the number of annotations.
  return annotations.entries().flatMap((e) => {
    const v = scalarOf(e);
    return typeof v === 'string' || typeof v === 'boolean' ? [[e.key, String(v)] as [string, string]] : [];
  });
}

export function annotationScopes(object: K8sObject, workload: Workload | undefined, rules: readonly Rule[]): AnnotationScope[] {
  const objectIds = new Set<string>();
  const containerIds = new Map<string, Set<string>>();
  const all = [...annotationsOf(object.metadata), ...(workload && workload.podMetadata !== object.metadata ? annotationsOf(workload.podMetadata) : [])];
  for (const [key, value] of all) {
    if (key === 'kubeguard.io/ignore') split(value).forEach((id) => objectIds.add(id));
    else if (key.startsWith('kubeguard.io/ignore.')) {
      const name = key.slice('kubeguard.io/ignore.'.length);
      const set = containerIds.get(name) ?? new Set<string>();
      split(value).forEach((id) => set.add(id));
      containerIds.set(name, set);
    } else if (key.startsWith('ignore-check.kube-linter.io/')) byPeer(rules, 'kubeLinter', key.slice('ignore-check.kube-linter.io/'.length)).forEach((id) => objectIds.add(id));
    else if (key === 'kube-linter.io/ignore-all') rules.forEach((r) => objectIds.add(r.meta.id));
    else if (/^(?:checkov\.io|bridgecrew\.io)\/skip\d*$/.test(key)) byPeer(rules, 'checkov', value.split('=')[0]!.trim()).forEach((id) => objectIds.add(id));
    else if (key.startsWith('polaris.fairwinds.com/') && key.endsWith('-exempt') && value === 'true') byPeer(rules, 'polaris', key.slice('polaris.fairwinds.com/'.length, -'-exempt'.length)).forEach((id) => objectIds.add(id));
    else if (key === 'polaris.fairwinds.com/exempt' && value === 'true') rules.filter((r) => r.meta.docs.peers?.polaris).forEach((r) => objectIds.add(r.meta.id));
    else if (key === 'kube-score/ignore') split(value).flatMap((id) => byPeer(rules, 'kubeScore', id)).forEach((id) => objectIds.add(id));
  }
  const scopes: AnnotationScope[] = [];
  if (objectIds.size) scopes.push({ ...object.map.span, ruleIds: objectIds });
  for (const container of workload?.containers ?? []) {
    const ids = containerIds.get(container.name);
    if (ids) scopes.push({ ...container.map.span, ruleIds: ids });
  }
  return scopes;
}

/** True when a finding at `start` from `ruleId` is silenced by one of the scopes. */
export function silencedByAnnotation(scopes: readonly AnnotationScope[], ruleId: string, start: number): boolean {
  return scopes.some((s) => start >= s.start && start <= s.end && (s.ruleIds.has(ruleId) || s.ruleIds.has('*')));
}
