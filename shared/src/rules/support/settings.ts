/** @file Image settings as the rules read them: a missing or malformed value means "not configured". */
import type { Settings } from '../../engine/config';

/** `kubeguard.images.trustedRegistries`: registry hosts or host/path prefixes; empty means the check is off. */
export function trustedRegistries(settings: Settings): string[] {
  // Settings come normalised, but rule tests and API users may hand over anything.
  const raw: unknown = settings.images?.trustedRegistries;
  return Array.isArray(raw) ? raw.filter((r): r is string => typeof r === 'string' && r.trim() !== '').map((r) => r.trim()) : [];
}
