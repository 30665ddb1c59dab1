/** @file The registry: every rule, sorted by id. Adding a rule means adding its file and one line here. */
import type { Rule } from '../engine/rule';
import allowPrivilegeEscalation from './allow-privilege-escalation';
import capabilitiesDropAll from './capabilities-drop-all';
import dangerousCapabilities from './dangerous-capabilities';
import missingSecurityContext from './missing-security-context';
import privilegedContainer from './privileged-container';
import readOnlyRootFilesystem from './read-only-root-filesystem';
import runAsNonRoot from './run-as-non-root';

export const allRules: readonly Rule[] = [
  allowPrivilegeEscalation,
  capabilitiesDropAll,
  dangerousCapabilities,
  missingSecurityContext,
  privilegedContainer,
  readOnlyRootFilesystem,
  runAsNonRoot,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
