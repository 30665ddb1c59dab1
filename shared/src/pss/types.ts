/** @file Public types of the Pod Security Standards evaluator: levels, versions, checks, violations and findings. */

/** A Pod Security Standards level, least to most strict. */
export type PssLevel = 'privileged' | 'baseline' | 'restricted';

/** The level a check belongs to; `privileged` has no checks. */
export type CheckLevel = 'baseline' | 'restricted';

/** A concrete policy version `v<major>.<minor>`; PSA only knows major 1. */
export interface PolicyVersion {
  readonly major: number;
  readonly minor: number;
}

/** A policy version as written on a namespace label: a concrete version or `latest`. */
export type VersionSpec = PolicyVersion | 'latest';

/** PSA check ids, spelled exactly as upstream registers them. */
export type CheckId =
  | 'allowPrivilegeEscalation'
  | 'appArmorProfile'
  | 'capabilities_baseline'
  | 'capabilities_restricted'
  | 'hostNamespaces'
  | 'hostPathVolumes'
  | 'hostPorts'
  | 'hostProbesAndHostLifecycle'
  | 'privileged'
  | 'procMount'
  | 'procMount_restricted'
  | 'restrictedVolumes'
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'seLinuxOptions'
  | 'seccompProfile_baseline'
  | 'seccompProfile_restricted'
  | 'sysctls'
  | 'windowsHostProcess';

/** A JSON path from the pod object root; list items are addressed by numeric index. */
export type JsonPath = readonly (string | number)[];

/**
 * One offending field. `path` resolves to an existing key unless `missing` is set, in which case
 * it names where a required value has to be written (its parents may be absent or null too).
 */
export interface Finding {
  readonly path: JsonPath;
  /** The offending value as found; absent for `missing` findings. */
  readonly value?: unknown;
  /** Set when a required field (or required list entry) is absent. */
  readonly missing?: true;
  /**
   * Set when a value that is not a map or list stands where the field's parent should be
   * (`securityContext: oops`): `path` and `value` are that value's, not the field's.
   */
  readonly inTheWay?: true;
  readonly detail: string;
}

/** One failed check. `reason` and `detail` mirror PSA's ForbiddenReason / ForbiddenDetail. */
export interface Violation {
  readonly check: CheckId;
  readonly level: CheckLevel;
  readonly reason: string;
  readonly detail: string;
  /** `reason (detail)`, the way PSA prints each failed check. */
  readonly message: string;
  readonly findings: readonly Finding[];
}

/** Outcome of evaluating one pod against one level and version. */
export interface PssResult {
  readonly allowed: boolean;
  /** The policy version the checks were taken from, after resolving `latest` and clamping. */
  readonly version: PolicyVersion;
  readonly violations: readonly Violation[];
}

/** What a check function reports when it fails; the evaluator adds id, level and message. */
export interface CheckFailure {
  readonly reason: string;
  readonly detail: string;
  readonly findings: readonly Finding[];
}
