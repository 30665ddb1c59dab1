/**
 * @file Settings these rules read before the lead adds them to `Settings` (engine/config.ts):
 * read defensively, so a missing or malformed value means "not configured".
 */
import type { Settings } from '../../engine/config';

/** `kubeguard.images.trustedRegistries`: registry hosts or host/path prefixes; empty means the check is off. */
export function trustedRegistries(settings: Settings): string[] {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const raw = (settings as any).images?.trustedRegistries as unknown;
  if (!Array.isArray(raw)) return [];
  return raw.filter((r): r is string => typeof r === 'string' && r.trim() !== '').map((r) => r.trim());
}
