/** @file Settings, one typed shape for editor and CLI, normalised from whatever the user wrote. */
import type { Severity } from './rule';

export type RuleSetting = Severity | 'off';

export interface Settings {
  readonly enable: boolean;
  /** Per-rule severity overrides or 'off'. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({ enable: true, rules: Object.freeze({}) });

const RULE_SETTINGS = new Set<RuleSetting>(['error', 'warning', 'info', 'hint', 'off']);

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
  return { enable: input.enable !== false, rules };
}
