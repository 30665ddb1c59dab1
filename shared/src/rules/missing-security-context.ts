/** @file A container with no securityContext anywhere runs with every default, and every default is permissive. */
import { defineRule } from '../engine/rule';
import { maxSeverity, pssIssues, type PssIssue } from '../policy/podSecurity';
import type { CheckId } from '../pss/types';
import { HARDENED_SECURITY_CONTEXT, MISSING_SECURITY_CONTEXT, isWindows, pssReference, securityContextReference } from './common';

/** The restricted checks the hardened securityContext of the fix satisfies. */
const COVERED: readonly CheckId[] = ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'];
const HARDENING_ONLY = 'Pod Security admission would admit it as it stands; the hardened securityContext is defence in depth.';

export default defineRule({
  meta: {
    id: MISSING_SECURITY_CONTEXT,
    title: 'No securityContext',
    severity: 'warning',
    category: 'pod-security',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags containers that have no securityContext while their pod has none either; the field rules (allow-privilege-escalation, capabilities-drop-all, run-as-non-root, seccomp-profile, read-only-root-filesystem) step aside for it, and its severity is the strongest verdict the Pod Security policy gives those fields.',
      why: 'Without a securityContext a container may run as root, keeps the default capabilities, may escalate privileges through setuid binaries, has a writable root filesystem and may run without seccomp. Each default is a step an attacker does not have to take.',
      fix: 'Add a hardened securityContext: runAsNonRoot, allowPrivilegeEscalation: false, readOnlyRootFilesystem, capabilities drop ALL and the RuntimeDefault seccomp profile. The fix is unsafe: check that the image runs as a non-root user and writes only to volumes.',
      example: 'securityContext:\n  runAsNonRoot: true\n  allowPrivilegeEscalation: false\n  readOnlyRootFilesystem: true\n  capabilities:\n    drop: [ALL]\n  seccompProfile:\n    type: RuntimeDefault',
      references: [pssReference('restricted', 'all controls'), securityContextReference],
      peers: { checkov: 'CKV_K8S_30', trivy: 'KSV-0118', kubescape: 'C-0211' },
    },
    messages: {
      missing: 'Container "{{container}}" has no securityContext (and its pod has none): it may run as root, keeps default capabilities and can escalate privileges. Add a hardened securityContext. {{policy}}',
    },
  },
  checkWorkload(context) {
    const { workload } = context;
    if (workload.podSecurityContext || isWindows(workload)) return;
    const issues = pssIssues(context, COVERED);
    for (const container of workload.containers) {
      // `securityContext:` with no value is as good as none.
      if (container.securityContext) continue;
      // Pod-level findings (runAsNonRoot, seccomp) concern every container; the others only their own.
      const mine = issues.filter((issue) => !issue.at.container || issue.at.container === container);
      const strongest = mine.reduce<PssIssue | undefined>((best, issue) => (!best || maxSeverity(best.severity, issue.severity) !== best.severity ? issue : best), undefined);
      context.report({
        messageId: 'missing',
        data: { container: container.name, policy: strongest?.policy ?? HARDENING_ONLY },
        at: container.anchor,
        severity: strongest?.severity ?? 'info',
        fix: { title: 'Add a hardened securityContext', apply: (e) => e.set(container.map, 'securityContext', HARDENED_SECURITY_CONTEXT) },
      });
    }
  },
});
