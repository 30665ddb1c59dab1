/**
 * @file Containers should declare CPU and memory requests and a memory limit; under a ResourceQuota
 * that tracks them, admission rejects pods whose containers do not (podEvaluator.Constraints).
 */
import { defineRule } from '../engine/rule';
import type { TextEdit } from '../edits/editor';
import { isJsonText, type Plain } from '../edits/format';
import { workloadOf } from '../model/workload';
import type { ContainerFact } from '../workspace/facts';
import { editObject } from '../workspace/fixes';
import { describeNamespace, factsOfType } from '../workspace/queries';
import { containerResourcesReference, resourceQuotasReference } from './support/workspaceReferences';

type Resource = 'requests.cpu' | 'requests.memory' | 'limits.cpu' | 'limits.memory';

/** What every container should set, quota or not: requests to be scheduled by need, a memory limit to protect the node. */
const EXPECTED: readonly Resource[] = ['requests.cpu', 'requests.memory', 'limits.memory'];
/** Quota resource names that make admission demand a container field (`cpu` means requests.cpu). */
const QUOTA_DEMANDS: Readonly<Record<string, Resource>> = { cpu: 'requests.cpu', 'requests.cpu': 'requests.cpu', memory: 'requests.memory', 'requests.memory': 'requests.memory', 'limits.cpu': 'limits.cpu', 'limits.memory': 'limits.memory' };
const PLACEHOLDERS: Readonly<Record<Resource, string>> = { 'requests.cpu': '100m', 'requests.memory': '128Mi', 'limits.cpu': '500m', 'limits.memory': '256Mi' };
const COMMENT = '# kubeguard: PLACEHOLDER sizes; set them from the observed usage of this container.';

/** What admission sees: the container's values, requests defaulted from limits by the API, then LimitRange defaults. */
function present(c: ContainerFact, defaults: { requests: ReadonlySet<string>; limits: ReadonlySet<string> }): (r: Resource) => boolean {
  return (r) => {
    const [section, name] = r.split('.') as ['requests' | 'limits', 'cpu' | 'memory'];
    if (section === 'limits') return c.limits[name] || defaults.limits.has(name);
    return c.requests[name] || c.limits[name] || defaults.requests.has(name);
  };
}

export default defineRule({
  meta: {
    id: 'container-resources',
    title: 'Container without resource requests or memory limit',
    severity: 'warning',
    category: 'resources',
    fixable: 'unsafe',
    docs: {
      summary: 'Reports a container that sets no CPU request, memory request or memory limit, counting requests the API defaults from limits and defaults a LimitRange of its namespace fills in. In a namespace whose ResourceQuota tracks cpu or memory, a container missing what the quota tracks is an error: its pods are rejected.',
      why: 'Requests tell the scheduler what a container needs; without them it is packed onto busy nodes and evicted first. Without a memory limit a leak or an attacker can take all of a node\'s memory. Under a compute ResourceQuota, the API server refuses pods whose containers leave out the tracked values.',
      fix: 'Set resources.requests.cpu, resources.requests.memory and resources.limits.memory from measured usage. The quick fix inserts placeholder values with a comment to review them.',
      example: 'resources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {memory: 256Mi}',
      references: [containerResourcesReference, resourceQuotasReference],
      peers: { kubeLinter: 'unset-memory-requirements', polaris: 'memoryLimitsMissing', checkov: 'CKV_K8S_13' },
    },
    messages: {
      missing: 'Container "{{container}}" of {{kind}} "{{name}}" sets no {{resources}}: requests let the scheduler place it by need, and a memory limit keeps it from exhausting the node.',
      rejected: 'Container "{{container}}" of {{kind}} "{{name}}" sets no {{resources}}, which ResourceQuota "{{quota}}" in {{namespace}} tracks: the API server rejects its pods ("must specify {{resources}}").',
    },
  },
  checkWorkspace({ file, workspace, report }) {
    for (const { fact, namespace } of factsOfType(file, 'workload')) {
      const ranges = workspace.list('limitRange', namespace);
      const defaults = { requests: new Set(ranges.flatMap((r) => r.fact.defaultRequests)), limits: new Set(ranges.flatMap((r) => r.fact.defaultLimits)) };
      // Scoped quotas apply to some pods only (BestEffort, a priority class…): not a certain rejection.
      const quotas = workspace.list('resourceQuota', namespace).filter((q) => !q.fact.scoped);
      for (const container of fact.containers) {
        const has = present(container, defaults);
        const base = { container: container.name, kind: fact.kind, name: fact.name ?? '?' };
        const quota = quotas.find((q) => q.fact.hard.some((h) => QUOTA_DEMANDS[h] && !has(QUOTA_DEMANDS[h]!)));
        const demanded = quota ? [...new Set(quota.fact.hard.map((h) => QUOTA_DEMANDS[h]).filter((r): r is Resource => r !== undefined && !has(r)))] : [];
        const missing = [...new Set([...demanded, ...EXPECTED.filter((r) => !has(r))])];
        if (missing.length === 0) continue;
        const fix = { title: `Add placeholder ${missing.join(', ')} (review the values)`, edits: (source: Parameters<typeof editObject>[0]) => addResources(source, fact.at, container, missing) };
        if (quota) report({ messageId: 'rejected', data: { ...base, resources: demanded.join(', '), quota: quota.fact.name ?? '?', namespace: describeNamespace(namespace) }, at: container.at, severity: 'error', fix });
        else report({ messageId: 'missing', data: { ...base, resources: missing.join(', ') }, at: container.at, fix });
      }
    }
  },
});

/** Inserts the missing values, creating `resources`, `requests` or `limits` as needed, with a review comment on a new block. */
function addResources(source: Parameters<typeof editObject>[0], at: ContainerFact['at'], container: ContainerFact, missing: readonly Resource[]): TextEdit[] | undefined {
  const edits = editObject(source, at, (editor, object) => {
    const target = workloadOf(object)?.containers.find((c) => object.segment.base + (c.anchor.range?.[0] ?? -1) === container.at.start);
    if (!target) return;
    const wanted: Record<string, Record<string, Plain>> = {};
    for (const r of missing) {
      const [section, name] = r.split('.') as [string, string];
      (wanted[section] ??= {})[name] = PLACEHOLDERS[r];
    }
    const resources = target.map.map('resources');
    if (!resources) return void editor.set(target.map, 'resources', wanted);
    const fresh: Record<string, Plain> = {};
    for (const [section, values] of Object.entries(wanted)) {
      const existing = resources.map(section);
      if (existing) editor.setMany(existing, values);
      else fresh[section] = values;
    }
    if (Object.keys(fresh).length) editor.setMany(resources, fresh);
  });
  if (!edits || isJsonText(source.text)) return edits;
  // A comment only fits a block-style `resources:` line this fix wrote itself.
  return edits.map((e) => ({ ...e, text: e.text.replace(/(^|\n)([ \t]*)resources:(?=[ \t]*\r?\n)/, (_, nl: string, indent: string) => `${nl}${indent}${COMMENT}\n${indent}resources:`) }));
}
