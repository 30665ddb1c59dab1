/** @file PSS levels and policy versions: parsing, comparison, and resolving a Namespace's pod-security labels into policies. */

import type { PolicyVersion, PssLevel, VersionSpec } from './types';

export const LEVELS: readonly PssLevel[] = ['privileged', 'baseline', 'restricted'];

/** The newest policy version any check defines; `latest` evaluates as this one. */
export const LATEST_VERSION: PolicyVersion = Object.freeze({ major: 1, minor: 37 });

export const LABEL_PREFIX = 'pod-security.kubernetes.io/';
export const ENFORCE_LEVEL_LABEL = `${LABEL_PREFIX}enforce`;
export const ENFORCE_VERSION_LABEL = `${LABEL_PREFIX}enforce-version`;
export const AUDIT_LEVEL_LABEL = `${LABEL_PREFIX}audit`;
export const AUDIT_VERSION_LABEL = `${LABEL_PREFIX}audit-version`;
export const WARN_LEVEL_LABEL = `${LABEL_PREFIX}warn`;
export const WARN_VERSION_LABEL = `${LABEL_PREFIX}warn-version`;

const LEVEL_ERROR = `must be one of ${LEVELS.join(', ')}`;
const VERSION_ERROR = 'must be "latest" or "v1.x"';
// Same shape PSA accepts: v1.<minor> with no leading zeros.
const VERSION_PATTERN = /^v1\.([0-9]|[1-9][0-9]*)$/;

export function isLevel(value: unknown): value is PssLevel {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** PSA's ParseLevel: an unknown level comes back as `restricted` together with an error. */
export function parseLevel(text: string): { level: PssLevel; error?: string } {
  return isLevel(text) ? { level: text } : { level: 'restricted', error: LEVEL_ERROR };
}

/** PSA's ParseVersion: `latest` or `v1.<minor>`; anything else comes back as `latest` with an error. */
export function parseVersion(text: string): { version: VersionSpec; error?: string } {
  if (text === 'latest') return { version: 'latest' };
  const match = VERSION_PATTERN.exec(text);
  const minor = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(minor)) return { version: 'latest', error: VERSION_ERROR };
  return { version: { major: 1, minor } };
}

export function makeVersion(minor: number, major = 1): PolicyVersion {
  return Object.freeze({ major, minor });
}

/** Orders versions; `latest` is newer than every concrete version, even future ones. */
export function compareVersion(a: VersionSpec, b: VersionSpec): number {
  if (a === 'latest' || b === 'latest') return a === b ? 0 : a === 'latest' ? 1 : -1;
  if (a.major !== b.major) return Math.sign(a.major - b.major);
  return Math.sign(a.minor - b.minor);
}

export function formatVersion(version: VersionSpec): string {
  return version === 'latest' ? 'latest' : `v${version.major}.${version.minor}`;
}

/**
 * The concrete version whose checks apply: `latest`, and anything newer than the newest
 * check version, evaluate as LATEST_VERSION (PSA clamps the same way). Unparseable text
 * evaluates as latest, as PSA does for a bad version label.
 */
export function resolveVersion(version: VersionSpec | string): PolicyVersion {
  const spec = typeof version === 'string' ? parseVersion(version).version : version;
  return compareVersion(spec, LATEST_VERSION) > 0 ? LATEST_VERSION : spec as PolicyVersion;
}

/** -1, 0 or 1 by strictness. */
export function compareLevels(a: PssLevel, b: PssLevel): number {
  return Math.sign(LEVELS.indexOf(a) - LEVELS.indexOf(b));
}

export interface LevelVersion {
  readonly level: PssLevel;
  readonly version: VersionSpec;
}

export interface NamespacePolicy {
  readonly enforce: LevelVersion;
  readonly audit: LevelVersion;
  readonly warn: LevelVersion;
}

/** An invalid pod-security label value and what PSA does with it. */
export interface LabelProblem {
  readonly label: string;
  /** Path of the label from the Namespace root, for mapping to a source range. */
  readonly path: readonly string[];
  readonly value: unknown;
  readonly message: string;
  /** How PSA evaluates the namespace despite the bad value. */
  readonly effect: string;
}

/** PSA's built-in default when no AdmissionConfiguration says otherwise. */
const PRIVILEGED_LATEST: LevelVersion = Object.freeze({ level: 'privileged', version: 'latest' });
export const PRIVILEGED_POLICY: NamespacePolicy = Object.freeze({
  enforce: PRIVILEGED_LATEST,
  audit: PRIVILEGED_LATEST,
  warn: PRIVILEGED_LATEST,
});

// Label values are strings in the API; a YAML scalar of another type is read as its text.
function labelText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Resolves a Namespace's labels into the enforce/audit/warn policies PSA would apply, plus
 * every invalid label value. Mirrors PSA: an invalid enforce level fails closed (restricted),
 * an invalid audit or warn level fails open (privileged), an invalid version means latest,
 * and an unset warn level follows a valid, stricter enforce level (and its version when
 * warn-version is unset too).
 */
export function policyFromNamespaceLabels(
  labels: unknown,
  defaults: NamespacePolicy = PRIVILEGED_POLICY,
): { policy: NamespacePolicy; problems: LabelProblem[] } {
  const problems: LabelProblem[] = [];
  const map = isRecord(labels) ? labels : {};
  let enforce = { ...defaults.enforce };
  let audit = { ...defaults.audit };
  let warn = { ...defaults.warn };
  const has = (label: string): boolean => Object.prototype.hasOwnProperty.call(map, label);
  const report = (label: string, message: string, effect: string): void => {
    problems.push({ label, path: ['metadata', 'labels', label], value: map[label], message, effect });
  };

  let enforceLevelValid = false;
  if (has(ENFORCE_LEVEL_LABEL)) {
    const parsed = parseLevel(labelText(map[ENFORCE_LEVEL_LABEL]));
    enforce = { ...enforce, level: parsed.level };
    enforceLevelValid = !parsed.error;
    if (parsed.error) report(ENFORCE_LEVEL_LABEL, parsed.error, 'enforced as restricted (fails closed)');
  }
  if (has(ENFORCE_VERSION_LABEL)) {
    const parsed = parseVersion(labelText(map[ENFORCE_VERSION_LABEL]));
    enforce = { ...enforce, version: parsed.version };
    if (parsed.error) report(ENFORCE_VERSION_LABEL, parsed.error, 'evaluated as latest');
  }
  if (has(AUDIT_LEVEL_LABEL)) {
    const parsed = parseLevel(labelText(map[AUDIT_LEVEL_LABEL]));
    audit = { ...audit, level: parsed.error ? 'privileged' : parsed.level };
    if (parsed.error) report(AUDIT_LEVEL_LABEL, parsed.error, 'audited as privileged (fails open)');
  }
  if (has(AUDIT_VERSION_LABEL)) {
    const parsed = parseVersion(labelText(map[AUDIT_VERSION_LABEL]));
    audit = { ...audit, version: parsed.version };
    if (parsed.error) report(AUDIT_VERSION_LABEL, parsed.error, 'evaluated as latest');
  }
  const hasWarnLevel = has(WARN_LEVEL_LABEL);
  if (hasWarnLevel) {
    const parsed = parseLevel(labelText(map[WARN_LEVEL_LABEL]));
    warn = { ...warn, level: parsed.error ? 'privileged' : parsed.level };
    if (parsed.error) report(WARN_LEVEL_LABEL, parsed.error, 'warned as privileged (fails open)');
  }
  const hasWarnVersion = has(WARN_VERSION_LABEL);
  if (hasWarnVersion) {
    const parsed = parseVersion(labelText(map[WARN_VERSION_LABEL]));
    warn = { ...warn, version: parsed.version };
    if (parsed.error) report(WARN_VERSION_LABEL, parsed.error, 'evaluated as latest');
  }
  // Users get warnings for what enforce will reject, unless they chose a warn level themselves.
  if (!hasWarnLevel && enforceLevelValid && compareLevels(enforce.level, warn.level) > 0) {
    warn = { level: enforce.level, version: hasWarnVersion ? warn.version : enforce.version };
  }
  return { policy: { enforce, audit, warn }, problems };
}
