/** @file Public API of the Pod Security Standards evaluator (pure: no editor, LSP or file-system dependencies). */

export type {
  CheckFailure,
  CheckId,
  CheckLevel,
  Finding,
  JsonPath,
  PolicyVersion,
  PssLevel,
  PssResult,
  VersionSpec,
  Violation,
} from './types';

export { evaluatePod, formatPolicy, formatViolations } from './evaluate';

export {
  AUDIT_LEVEL_LABEL,
  AUDIT_VERSION_LABEL,
  ENFORCE_LEVEL_LABEL,
  ENFORCE_VERSION_LABEL,
  LABEL_PREFIX,
  LATEST_VERSION,
  LEVELS,
  PRIVILEGED_POLICY,
  WARN_LEVEL_LABEL,
  WARN_VERSION_LABEL,
  compareLevels,
  compareVersion,
  formatVersion,
  isLevel,
  makeVersion,
  parseLevel,
  parseVersion,
  policyFromNamespaceLabels,
  resolveVersion,
} from './levels';
export type { LabelProblem, LevelVersion, NamespacePolicy } from './levels';

export {
  ALLOWED_APPARMOR_TYPES,
  ALLOWED_SECCOMP_TYPES,
  APPARMOR_ANNOTATION_PREFIX,
  BASELINE_ALLOWED_CAPABILITIES,
  CAPABILITY_ALL,
  RESTRICTED_ADDABLE_CAPABILITY,
  RESTRICTED_ALLOWED_VOLUME_TYPES,
  RESTRICTED_FORBIDDEN_VOLUME_TYPES,
  SECCOMP_CONTAINER_ANNOTATION_PREFIX,
  SECCOMP_POD_ANNOTATION,
  SELINUX_TYPE_ALLOW_LIST,
  SYSCTL_ALLOW_LIST,
  allowedSeLinuxTypes,
  allowedSysctls,
  isAllowedAppArmorAnnotation,
  isAllowedSeccompAnnotation,
} from './allowLists';

export { ALL_CHECKS, CHECKS_BY_ID, activeChecks, overridingCheck, versionedCheckAt } from './checks/registry';
export type { ActiveCheck } from './checks/registry';
export type { CheckPodFn, PssCheck, VersionedCheck } from './checks/check';
export { CONTAINER_LISTS } from './podView';
export { findingPathProblem, missingPathProblem, resolvePath } from './findingPaths';
