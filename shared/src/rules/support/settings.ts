/** @file Image settings as the rules read them: a missing or malformed value means "not configured". */
import type { Settings } from '../../engine/config';

/** `kubeguard.images.trustedRegistries`: registry hosts or host/path prefixes; empty means the check is off. */
export function trustedRegistries(settings: Settings): string[] {
  // Settings come normalised, but rule tests and API users may hand over anything.
  const raw: unknown = settings.images?.trustedRegistries;
  return Array.isArray(raw) ? raw.filter((r): r is string => typeof r === 'string' && r.trim() !== '').map((r) => r.trim()) : [];
}

export interface RuntimeSettings {
  readonly untrustedNamespaces: readonly string[];
  /** `key=value` (or `key`) pod label selectors. */
  readonly untrustedSelectors: readonly string[];
  readonly sandboxedClasses: readonly string[];
}

export const DEFAULT_SANDBOXED_CLASSES = ['gvisor', 'kata'];

/** `kubeguard.runtime`: which workloads are untrusted and which RuntimeClasses sandbox them. */
export function runtimeSettings(settings: Settings): RuntimeSettings {
  const runtime = settings.runtime;
  const strings = (raw: unknown) => (Array.isArray(raw) ? raw.filter((r): r is string => typeof r === 'string' && r.trim() !== '').map((r) => r.trim()) : []);
  const sandboxed = strings(runtime?.sandboxedClasses);
  return {
    untrustedNamespaces: strings(runtime?.untrusted?.namespaces),
    untrustedSelectors: strings(runtime?.untrusted?.selectors),
    sandboxedClasses: sandboxed.length ? sandboxed : DEFAULT_SANDBOXED_CLASSES,
  };
}
