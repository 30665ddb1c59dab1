/** @file AppArmor must not be turned off, by field or legacy annotation (PSS baseline "AppArmor"); leaving it unset is a hardening note. */
import { defineRule } from '../engine/rule';
import { keyAt } from '../model/node';
import { setFix, writeFix } from '../policy/locate';
import { containersPhrase, pssIssues, shown, subjectOf } from '../policy/podSecurity';
import { APPARMOR_ANNOTATION_PREFIX } from '../pss/allowLists';
import { isWindows, pssReference, securityContextReference } from './common';

export default defineRule({
  meta: {
    id: 'apparmor-profile',
    title: 'AppArmor disabled',
    severity: 'error',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['appArmorProfile'],
    docs: {
      summary: 'Flags an AppArmor profile of type Unconfined (or any type but RuntimeDefault and Localhost) in appArmorProfile or in the legacy container.apparmor.security.beta.kubernetes.io annotation (Pod Security Standards baseline, check appArmorProfile); as hardening beyond the standard, it notes containers that set no profile at all.',
      why: 'AppArmor confines what a container may do with files, mounts and capabilities even as root. Unconfined removes that layer, so a kernel or runtime exploit meets one fewer barrier. Without an explicit profile a container gets the runtime default only on nodes where AppArmor is enabled.',
      fix: 'Use type RuntimeDefault (or Localhost with a profile loaded on the node); in the annotation, runtime/default. Setting appArmorProfile.type: RuntimeDefault on the pod makes the default explicit. The appArmorProfile field needs Kubernetes 1.30; older clusters read only the annotation. The fix is unsafe: a program that needs an action the profile denies fails.',
      example: 'securityContext:\n  appArmorProfile:\n    type: RuntimeDefault',
      references: [pssReference('baseline', 'AppArmor'), { standard: 'Kubernetes docs', title: 'Restrict a Container\'s Access to Resources with AppArmor', url: 'https://kubernetes.io/docs/tutorials/security/apparmor/' }, securityContextReference],
      peers: { trivy: 'KSV-0002', kubesec: 'ApparmorAny' },
    },
    messages: {
      fieldType: '{{subject}} sets appArmorProfile.type to {{value}}: it runs without AppArmor confinement. Use RuntimeDefault (or Localhost with a profile). {{policy}}',
      annotation: 'Annotation {{annotation}} sets AppArmor profile {{value}}: the container runs without AppArmor confinement. Use runtime/default. {{policy}}',
      unset: 'No AppArmor profile is set for {{containers}}: confinement then depends on whether the node turns AppArmor on by default. Set appArmorProfile.type: RuntimeDefault on the pod (hardening beyond the Pod Security Standards).',
    },
  },
  checkWorkload(context) {
    const { workload } = context;
    for (const issue of pssIssues(context, ['appArmorProfile'])) {
      const { at, finding } = issue;
      const base = { severity: issue.severity, pssCheck: issue.check, at: at.valueNode };
      if (finding.path[0] === 'metadata') {
        const annotation = String(finding.path[2]);
        context.report({ ...base, messageId: 'annotation', data: { annotation, value: shown(finding.value), policy: issue.policy }, fix: setFix(at, 'runtime/default', 'Use the runtime/default profile') ?? [] });
        continue;
      }
      const fix = at.found ? setFix(at, 'RuntimeDefault', 'Use the RuntimeDefault profile') : writeFix(at, 'RuntimeDefault', 'Use the RuntimeDefault profile');
      context.report({ ...base, messageId: 'fieldType', data: { subject: subjectOf(at), value: shown(at.found ? finding.value : ''), policy: issue.policy }, fix: fix ?? [] });
    }
    // Hardening: containers with no profile from any source.
    if (isWindows(workload) || workload.podSecurityContext?.map('appArmorProfile')) return;
    const annotations = workload.podMetadata?.map('annotations');
    const unset = workload.containers.filter((c) => !c.securityContext?.map('appArmorProfile') && !annotations?.has(APPARMOR_ANNOTATION_PREFIX + c.name));
    if (unset.length === 0) return;
    const podContext = workload.spec.get('securityContext');
    // Writing through an alias or a merge would change the other users of the anchor.
    // Legacy annotations on other containers must agree with the field, so leave mixed pods to a human.
    const mixed = unset.length < workload.containers.length;
    const writable = !mixed && (!podContext || (podContext.valueNode === podContext.value && !podContext.mergedVia));
    context.report({
      messageId: 'unset',
      data: { containers: containersPhrase(unset.map((c) => c.name)) },
      at: (podContext && keyAt(podContext)) ?? context.object.map.path(workload.specPath)?.keyNode ?? context.object.anchor,
      severity: 'info',
      fix: writable ? { title: 'Set appArmorProfile RuntimeDefault on the pod', apply: (e) => void e.setPath(workload.spec, ['securityContext', 'appArmorProfile', 'type'], 'RuntimeDefault') } : [],
    });
  },
});

