/**
 * @file Which Pod Security policy a workload is held to, and how each violation is reported.
 *
 * A workload whose `metadata.namespace` names a Namespace known to the lint (same file or the
 * workspace index) that carries an `enforce` label is held to that Namespace's labels:
 *   - a violation of `enforce` is an error (the pod would be rejected at admission);
 *   - a violation of `warn` or `audit` only is a warning (admitted, with a warning or an audit note);
 *   - a violation the Namespace admits, but the configured default level does not, is info.
 * Any other workload gets the default policy from the settings (`kubeguard.podSecurity`):
 *   - a violation of baseline is an error (every namespace enforcing baseline or restricted rejects it);
 *   - a violation only of the configured stricter level (restricted) is a warning.
 * Rules whose control hands over the node (privileged, host namespaces, …) pass a severity floor,
 * so they stay errors whatever a Namespace admits.
 */
import { podSecurityOf } from '../engine/config';
import type { ObjectContext, Severity, WorkloadContext } from '../engine/rule';
import type { K8sObject } from '../model/objects';
import { toPlain } from '../model/plain';
import { workloadOf, type Workload } from '../model/workload';
import { evaluatePod } from '../pss/evaluate';
import { ENFORCE_LEVEL_LABEL, compareLevels, formatVersion, policyFromNamespaceLabels } from '../pss/levels';
import type { CheckId, Finding as PssFinding, PssLevel, PssResult, VersionSpec } from '../pss/types';
import type { SameFileObjects } from '../workspace/sameFile';
import { locate, type Location } from './locate';

/** Where a verdict comes from, strongest first. */
export type Tier = 'enforce' | 'warn' | 'audit' | 'baseline' | 'level' | 'permitted';

export interface Mode {
  readonly tier: Tier;
  readonly level: PssLevel;
  readonly version: VersionSpec | string;
  readonly severity: Severity;
}

export interface PodPolicy {
  /** The Namespace whose labels apply, or undefined when the default policy does. */
  readonly namespace: string | undefined;
  readonly modes: readonly Mode[];
  /** The level and version the default policy checks (for the `permitted` tier and messages). */
  readonly defaultLevel: PssLevel;
  readonly defaultVersion: string;
}

/** One violation of a PSA check as a rule reports it. */
export interface PssIssue {
  readonly check: CheckId;
  readonly finding: PssFinding;
  readonly tier: Tier;
  readonly severity: Severity;
  /** A sentence saying what admission would do: goes into the message as `{{policy}}`. */
  readonly policy: string;
  readonly at: Location;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { hint: 0, info: 1, warning: 2, error: 3 };

export function maxSeverity(a: Severity, b: Severity | undefined): Severity {
  return b !== undefined && SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/** The policy for an object: its Namespace's labels when known and enforced, else the default. */
export function podPolicy(object: K8sObject, context: Pick<ObjectContext<string>, 'settings' | 'namespaces'>): PodPolicy {
  const { level, version } = podSecurityOf(context.settings);
  const record = object.namespace === undefined ? undefined : context.namespaces.get(object.namespace);
  const base = { defaultLevel: level, defaultVersion: version };
  if (record && Object.prototype.hasOwnProperty.call(record.labels, ENFORCE_LEVEL_LABEL)) {
    const { policy } = policyFromNamespaceLabels(record.labels);
    return {
      ...base,
      namespace: record.name,
      modes: [
        { tier: 'enforce', ...policy.enforce, severity: 'error' },
        { tier: 'warn', ...policy.warn, severity: 'warning' },
        { tier: 'audit', ...policy.audit, severity: 'warning' },
        { tier: 'permitted', level, version, severity: 'info' },
      ],
    };
  }
  const modes: Mode[] = [];
  if (compareLevels(level, 'baseline') >= 0) modes.push({ tier: 'baseline', level: 'baseline', version, severity: 'error' });
  if (compareLevels(level, 'baseline') > 0) modes.push({ tier: 'level', level, version, severity: 'warning' });
  return { ...base, namespace: undefined, modes };
}

interface State {
  readonly policy: PodPolicy;
  /** The pod as plain JSON, read on first use (a policy with no modes never needs it). */
  pod?: { value: unknown };
  readonly results: Map<string, PssResult>;
}

// Workload views are created afresh for every lint, so this never outlives one run.
const states = new WeakMap<Workload, State>();

function stateOf(context: WorkloadContext<string>): State {
  let state = states.get(context.workload);
  if (!state) {
    state = { policy: podPolicy(context.object, context), results: new Map() };
    states.set(context.workload, state);
  }
  return state;
}

/** The pod as the API server sees it (`{metadata, spec}`), or undefined when it cannot be read. */
export function podObject(workload: Workload): unknown {
  try {
    const doc = workload.object.map.doc;
    const budget = { nodes: 100_000 };
    return { metadata: workload.podMetadata ? toPlain(doc, workload.podMetadata.node, budget) : {}, spec: toPlain(doc, workload.spec.node, budget) };
  } catch {
    // Alias bombs and cycles: no verdict rather than a hang.
    return undefined;
  }
}

function evaluate(state: State, workload: Workload, level: PssLevel, version: VersionSpec | string): PssResult | undefined {
  state.pod ??= { value: podObject(workload) };
  if (state.pod.value === undefined) return undefined;
  const key = `${level}:${typeof version === 'string' ? version : formatVersion(version)}`;
  let result = state.results.get(key);
  if (!result) {
    result = evaluatePod(state.pod.value, level, version);
    state.results.set(key, result);
  }
  return result;
}

export interface IssueOptions {
  /** Which findings of the checks this rule reports (several rules share a check). */
  readonly owns?: (check: CheckId, finding: PssFinding) => boolean;
  /** The least severity for a finding, when its control hands over the node whatever admission says. */
  readonly floor?: (check: CheckId, finding: PssFinding) => Severity | undefined;
}

/**
 * The violations of `checks` in a workload under its policy, one per offending field, each with
 * the strongest verdict any mode gives it.
 */
export function pssIssues(context: WorkloadContext<string>, checks: readonly CheckId[], options: IssueOptions = {}): PssIssue[] {
  const state = stateOf(context);
  const seen = new Map<string, PssIssue>();
  for (const mode of state.policy.modes) {
    for (const violation of evaluate(state, context.workload, mode.level, mode.version)?.violations ?? []) {
      if (!checks.includes(violation.check)) continue;
      for (const finding of violation.findings) {
        if (options.owns && !options.owns(violation.check, finding)) continue;
        const key = JSON.stringify(finding.path);
        if (seen.has(key)) continue;
        const severity = maxSeverity(mode.severity, options.floor?.(violation.check, finding));
        const policy = describeMode(mode, state.policy, context.object);
        seen.set(key, { check: violation.check, finding, tier: mode.tier, severity, policy, at: placed(locate(context.workload, finding.path), finding) });
      }
    }
  }
  return [...seen.values()];
}

/** The YAML location of a finding; one that stops at a value in the way is marked so (locate.ts fixes leave it alone). */
function placed(at: Location, finding: PssFinding): Location {
  return finding.inTheWay ? { ...at, inTheWay: true } : at;
}

/** The sentence a message ends with: what admission does with this object under the mode. */
export function describeMode(mode: Mode, policy: PodPolicy, object: K8sObject): string {
  const at = `${mode.level}:${typeof mode.version === 'string' ? mode.version : formatVersion(mode.version)}`;
  const ns = `Namespace "${policy.namespace ?? ''}"`;
  const isPod = object.kind === 'Pod';
  switch (mode.tier) {
    case 'enforce':
      return isPod
        ? `${ns} enforces ${at}, so the API server would reject this pod.`
        : `${ns} enforces ${at}: the ${object.kind} itself is admitted (Pod Security admission only warns about workload objects), but every pod created from its template would be rejected.`;
    case 'warn':
      return `${ns} warns at ${at}: the request is admitted with a warning.`;
    case 'audit':
      return `${ns} audits at ${at}: the request is admitted and recorded in the audit log.`;
    case 'permitted':
      return `${ns} admits this, but it fails Pod Security Standards ${at}.`;
    case 'baseline':
      return `It fails Pod Security Standards ${at}: every namespace that enforces baseline or restricted would reject ${isPod ? 'this pod' : `the pods of this ${object.kind}`}.`;
    case 'level':
      return `It fails Pod Security Standards ${at}: a namespace that enforces ${mode.level} would reject ${isPod ? 'this pod' : `the pods of this ${object.kind}`}.`;
  }
}

/** `The pod` or `Container "app"`: who sets the field a path points at. */
export function subjectOf(at: Location): string {
  return at.container ? `Container "${at.container.name}"` : 'The pod';
}

/** `container "a"` or `containers "a", "b"`. */
export function containersPhrase(names: readonly string[]): string {
  return `${names.length === 1 ? 'container' : 'containers'} ${names.map((n) => `"${n}"`).join(', ')}`;
}

/** A scalar as YAML shows it, for messages: strings quoted, others as written; a collection where a scalar belongs is named as one. */
export function shown(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a mapping';
  return typeof value === 'string' ? JSON.stringify(value) : value === undefined ? '""' : String(value);
}

/**
 * The pod-bearing objects of the linted file in `namespace` that a policy would reject, as
 * `Kind/name`. Fixes that change a Namespace's enforce policy are withheld while this is not
 * empty: they would turn those objects' findings into admission rejections.
 */
export function rejectedInFile(sameFile: SameFileObjects, namespace: string, policies: ReadonlyArray<{ level: PssLevel; version: VersionSpec | string }>): string[] {
  const out: string[] = [];
  for (const object of sameFile.inNamespace(namespace)) {
    const workload = workloadOf(object);
    const pod = workload && podObject(workload);
    if (pod === undefined) continue;
    if (policies.some((p) => !evaluatePod(pod, p.level, p.version).allowed)) out.push(`${object.kind}/${object.name ?? '?'}`);
  }
  return out;
}
