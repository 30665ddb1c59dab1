/** @file The shape of a PSA check (id, level, versioned implementations, overrides) and wrappers shared by several checks. */

import { makeVersion } from '../levels';
import type { PodView } from '../podView';
import type { CheckFailure, CheckId, CheckLevel, PolicyVersion } from '../types';

/** Evaluates one pod; undefined means allowed. */
export type CheckPodFn = (pod: PodView) => CheckFailure | undefined;

export interface VersionedCheck {
  /** First policy version this implementation applies to; it holds until the next entry's minimum. */
  readonly minVersion: PolicyVersion;
  readonly checkPod: CheckPodFn;
  /** Baseline checks this restricted implementation replaces while it is in force (PSA's OverrideCheckIDs). */
  readonly overrides?: readonly CheckId[];
}

export interface PssCheck {
  readonly id: CheckId;
  readonly level: CheckLevel;
  /** Ordered by increasing minVersion. */
  readonly versions: readonly VersionedCheck[];
}

/** Policy version v1.<minor>. */
export function since(minor: number): PolicyVersion {
  return makeVersion(minor);
}

/** From v1.25, pods declaring `spec.os.name: windows` skip the Linux-only restricted checks. */
export function exemptWindowsPods(check: CheckPodFn): CheckPodFn {
  return (pod) => (pod.isWindows ? undefined : check(pod));
}

/** From v1.35, pods with `hostUsers: false` are exempt: root inside a user namespace is not root on the node. */
export function relaxForUserNamespace(check: CheckPodFn): CheckPodFn {
  return (pod) => (pod.usesUserNamespace ? undefined : check(pod));
}
