/** @file Every PSA check, and the selection of versioned implementations that apply to a level and policy version. */

import { compareVersion } from '../levels';
import type { CheckId, PolicyVersion, PssLevel } from '../types';
import { allowPrivilegeEscalationCheck } from './allowPrivilegeEscalation';
import { appArmorProfileCheck } from './appArmorProfile';
import { capabilitiesBaselineCheck } from './capabilitiesBaseline';
import { capabilitiesRestrictedCheck } from './capabilitiesRestricted';
import type { PssCheck, VersionedCheck } from './check';
import { hostNamespacesCheck } from './hostNamespaces';
import { hostPathVolumesCheck } from './hostPathVolumes';
import { hostPortsCheck } from './hostPorts';
import { hostProbesAndHostLifecycleCheck } from './hostProbesAndHostLifecycle';
import { privilegedCheck } from './privileged';
import { procMountCheck } from './procMount';
import { procMountRestrictedCheck } from './procMountRestricted';
import { restrictedVolumesCheck } from './restrictedVolumes';
import { runAsNonRootCheck } from './runAsNonRoot';
import { runAsUserCheck } from './runAsUser';
import { seLinuxOptionsCheck } from './seLinuxOptions';
import { seccompProfileBaselineCheck } from './seccompProfileBaseline';
import { seccompProfileRestrictedCheck } from './seccompProfileRestricted';
import { sysctlsCheck } from './sysctls';
import { windowsHostProcessCheck } from './windowsHostProcess';

/** All 19 checks: baseline first, then restricted, each group ordered by id. */
export const ALL_CHECKS: readonly PssCheck[] = [
  appArmorProfileCheck,
  capabilitiesBaselineCheck,
  hostNamespacesCheck,
  hostPathVolumesCheck,
  hostPortsCheck,
  hostProbesAndHostLifecycleCheck,
  privilegedCheck,
  procMountCheck,
  seLinuxOptionsCheck,
  seccompProfileBaselineCheck,
  sysctlsCheck,
  windowsHostProcessCheck,
  allowPrivilegeEscalationCheck,
  capabilitiesRestrictedCheck,
  procMountRestrictedCheck,
  restrictedVolumesCheck,
  runAsNonRootCheck,
  runAsUserCheck,
  seccompProfileRestrictedCheck,
];

export const CHECKS_BY_ID: ReadonlyMap<CheckId, PssCheck> = new Map(ALL_CHECKS.map((check) => [check.id, check]));

/** The newest implementation whose minimum version is at or below `version`, if the check exists yet. */
export function versionedCheckAt(check: PssCheck, version: PolicyVersion): VersionedCheck | undefined {
  let chosen: VersionedCheck | undefined;
  for (const candidate of check.versions) {
    if (compareVersion(candidate.minVersion, version) <= 0) chosen = candidate;
  }
  return chosen;
}

export interface ActiveCheck {
  readonly check: PssCheck;
  readonly implementation: VersionedCheck;
}

/**
 * The checks PSA runs for a level at a concrete version: baseline checks in force, plus for
 * restricted the restricted checks in force, minus the baseline checks they override.
 */
export function activeChecks(level: PssLevel, version: PolicyVersion): ActiveCheck[] {
  if (level === 'privileged') return [];
  const inForce: ActiveCheck[] = [];
  for (const check of ALL_CHECKS) {
    if (check.level === 'restricted' && level !== 'restricted') continue;
    const implementation = versionedCheckAt(check, version);
    if (implementation) inForce.push({ check, implementation });
  }
  const overridden = new Set<CheckId>(inForce.flatMap((active) => active.implementation.overrides ?? []));
  return inForce.filter((active) => !overridden.has(active.check.id));
}

/** Which restricted check, if any, replaces a baseline check at a version. */
export function overridingCheck(baselineId: CheckId, version: PolicyVersion): CheckId | undefined {
  for (const check of ALL_CHECKS) {
    if (check.level !== 'restricted') continue;
    if (versionedCheckAt(check, version)?.overrides?.includes(baselineId)) return check.id;
  }
  return undefined;
}
