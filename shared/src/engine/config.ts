/** @file Settings, one typed shape for editor and CLI, normalised from whatever the user wrote. */
import type { PssLevel } from '../pss/types';
import type { Severity } from './rule';

export type RuleSetting = Severity | 'off';

/**
 * The Pod Security Standards policy kubeguard applies to a workload whose Namespace it does not
 * know (no `metadata.namespace`, no Namespace manifest of that name in the workspace, or one
 * without an `enforce` label). Default: `restricted` at `latest`, reported in two tiers:
 *
 * - a check that fails at **baseline** is an error: every namespace that enforces baseline or
 *   restricted would reject the pod, and baseline only forbids known privilege escalations;
 * - a check that fails only at the stricter configured level (restricted) is a warning: it is a
 *   real weakness, but many clusters enforce only baseline, so it is not a certain rejection.
 *
 * `baseline` reports only the first tier; `privileged` turns the PSS controls off (the
 * hardening rules still run). A Namespace manifest with an `enforce` label replaces this policy.
 */
export interface PodSecuritySettings {
  readonly level: PssLevel;
  /** `latest` or `v1.<minor>`. */
  readonly version: string;
  /** UIDs/GIDs below this are reported by the opt-in run-as-high-uid rule. */
  readonly minimumUid: number;
}

export interface Settings {
  readonly enable: boolean;
  /**
   * Set (with `enable: false`) on a file that a `.kubeguard.yaml` ignores: it gets no findings, but
   * its objects still count for the other files (a Namespace, a NetworkPolicy), as on the CLI.
   */
  readonly ignored?: true;
  /** Per-rule severity overrides or 'off'. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Absent means DEFAULT_POD_SECURITY; read it with podSecurityOf(). */
  readonly podSecurity?: PodSecuritySettings;
  /** Image provenance: registries allowed to serve images (empty: the check is off). */
  readonly images?: { readonly trustedRegistries: readonly string[] };
  /** Which workloads are untrusted (by namespace or pod label) and which RuntimeClasses sandbox them. */
  readonly runtime?: { readonly untrusted?: { readonly namespaces?: readonly string[]; readonly selectors?: readonly string[] }; readonly sandboxedClasses?: readonly string[] };
}

export const DEFAULT_POD_SECURITY: PodSecuritySettings = Object.freeze({ level: 'restricted', version: 'latest', minimumUid: 10000 });

export const DEFAULT_SETTINGS: Settings = Object.freeze({ enable: true, rules: Object.freeze({}), podSecurity: DEFAULT_POD_SECURITY });

export function podSecurityOf(settings: Settings): PodSecuritySettings {
  return settings.podSecurity ?? DEFAULT_POD_SECURITY;
}

const RULE_SETTINGS = new Set<RuleSetting>(['error', 'warning', 'info', 'hint', 'off']);
const LEVELS = new Set<string>(['privileged', 'baseline', 'restricted']);
const VERSION = /^(?:latest|v1\.(?:0|[1-9][0-9]{0,2}))$/;

/** Builds Settings from untrusted input (VS Code settings, a config file): bad values fall back to defaults. */
export function normalizeSettings(raw: unknown): Settings {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const rules: Record<string, RuleSetting> = {};
  if (typeof input.rules === 'object' && input.rules !== null) {
    for (const [id, value] of Object.entries(input.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && RULE_SETTINGS.has(value as RuleSetting)) rules[id] = value as RuleSetting;
      else if (value === false) rules[id] = 'off';
    }
  }
  return { enable: input.enable !== false, rules, podSecurity: normalizePodSecurity(input.podSecurity), images: { trustedRegistries: stringList((input.images as Record<string, unknown> | undefined)?.trustedRegistries) }, runtime: normalizeRuntime(input.runtime) };
}

function normalizeRuntime(raw: unknown): NonNullable<Settings['runtime']> {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const untrusted = typeof input.untrusted === 'object' && input.untrusted !== null ? (input.untrusted as Record<string, unknown>) : {};
  return { untrusted: { namespaces: stringList(untrusted.namespaces), selectors: stringList(untrusted.selectors) }, sandboxedClasses: stringList(input.sandboxedClasses) };
}

function stringList(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((r): r is string => typeof r === 'string' && r.trim() !== '').map((r) => r.trim()) : [];
}

function normalizePodSecurity(raw: unknown): PodSecuritySettings {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const level = typeof input.level === 'string' && LEVELS.has(input.level.trim()) ? (input.level.trim() as PssLevel) : DEFAULT_POD_SECURITY.level;
  const version = typeof input.version === 'string' && VERSION.test(input.version.trim()) ? input.version.trim() : DEFAULT_POD_SECURITY.version;
  const uid = input.minimumUid;
  const minimumUid = typeof uid === 'number' && Number.isInteger(uid) && uid >= 0 && uid <= 2147483647 ? uid : DEFAULT_POD_SECURITY.minimumUid;
  return { level, version, minimumUid };
}
