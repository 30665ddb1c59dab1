/** @file Evaluates a pod-like object against a Pod Security Standards level at a policy version. */

import { activeChecks } from './checks/registry';
import { formatVersion, isLevel, resolveVersion } from './levels';
import { viewPod } from './podView';
import type { PssLevel, PssResult, VersionSpec, Violation } from './types';

/**
 * Runs every check PSA runs for `level` at `version` on `pod` (`{ metadata?, spec }`, as `yaml`'s
 * toJS() produces it). Never throws: a malformed shape reads as unset (see podView.ts). An unknown
 * level is evaluated as restricted, the way PSA treats a bad enforce label; `latest`, unparseable
 * versions and versions newer than LATEST_VERSION are evaluated at LATEST_VERSION.
 */
export function evaluatePod(pod: unknown, level: PssLevel, version: VersionSpec | string = 'latest'): PssResult {
  const effectiveLevel: PssLevel = isLevel(level) ? level : 'restricted';
  const resolved = resolveVersion(version);
  const view = viewPod(pod);
  const violations: Violation[] = [];
  for (const { check, implementation } of activeChecks(effectiveLevel, resolved)) {
    const failure = implementation.checkPod(view);
    if (!failure) continue;
    violations.push({
      check: check.id,
      level: check.level,
      reason: failure.reason,
      detail: failure.detail,
      message: failure.detail ? `${failure.reason} (${failure.detail})` : failure.reason,
      findings: failure.findings,
    });
  }
  return { allowed: violations.length === 0, version: resolved, violations };
}

/** `restricted:v1.23`, the way PSA names a policy in its messages. */
export function formatPolicy(level: PssLevel, version: VersionSpec | string): string {
  return `${level}:${typeof version === 'string' ? version : formatVersion(version)}`;
}

/** PSA's aggregate text: every failed check as `reason (detail)`, comma-separated. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((violation) => violation.message).join(', ');
}
