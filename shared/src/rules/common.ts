/** @file Facts and helpers that several pod-hardening rules share. */
import type { Node } from 'yaml';
import type { Reference } from '../engine/rule';
import type { Container, Workload } from '../model/workload';

export const PSS_URL = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';
export const SECURITY_CONTEXT_URL = 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/';

export const pssReference = (level: 'baseline' | 'restricted', control: string): Reference => ({
  standard: 'PSS',
  title: `Pod Security Standards, ${level}: ${control}`,
  url: `${PSS_URL}#${level}`,
  control,
});

export const securityContextReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Configure a Security Context for a Pod or Container',
  url: SECURITY_CONTEXT_URL,
};

export const MISSING_SECURITY_CONTEXT = 'missing-security-context';

/**
 * A container with no securityContext anywhere is reported once, by missing-security-context,
 * whose fix sets every field at once; the field rules step aside for it while it is on.
 */
export function coveredByMissingSecurityContext(workload: Workload, container: Container, isEnabled: (id: string) => boolean): boolean {
  return !container.securityContext && !workload.podSecurityContext && isEnabled(MISSING_SECURITY_CONTEXT) && !isWindows(workload);
}

/** Where a finding about a field missing from a container's securityContext goes: that key, else the container's name. */
export function missingFieldAnchor(container: Container): Node {
  return container.map.get('securityContext')?.keyNode ?? container.anchor;
}

/** Windows pods are exempt from Linux-only controls (PSA does the same from v1.25). */
export function isWindows(workload: Workload): boolean {
  return workload.spec.map('os')?.string('name') === 'windows';
}

/** The hardened container securityContext the quick fixes insert. */
export const HARDENED_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
} as const;
