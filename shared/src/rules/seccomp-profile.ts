/** @file A seccomp profile must be set and must not be Unconfined (PSS baseline and restricted "Seccomp"). */
import { defineRule } from '../engine/rule';
import { setFix, writeFix } from '../policy/locate';
import { containersPhrase, pssIssues, shown, subjectOf } from '../policy/podSecurity';
import { coveredByMissingSecurityContext, pssReference, securityContextReference } from './common';

export default defineRule({
  meta: {
    id: 'seccomp-profile',
    title: 'No seccomp profile',
    severity: 'warning',
    category: 'pod-security',
    fixable: 'unsafe',
    pssChecks: ['seccompProfile_baseline', 'seccompProfile_restricted'],
    docs: {
      summary: 'Flags seccomp profiles of type Unconfined (Pod Security Standards baseline, check seccompProfile_baseline; before policy v1.19 the alpha annotations) and, at restricted, pods where neither the pod nor every container sets RuntimeDefault or Localhost (check seccompProfile_restricted; Windows pods are exempt from v1.25).',
      why: 'Without a seccomp profile a container may call every system call, including the rarely used ones behind most kernel privilege escalations (unshare, keyctl, bpf, userfaultfd). The runtime default profile blocks them and almost never breaks an application.',
      fix: 'Set seccompProfile.type: RuntimeDefault on the pod; it applies to every container that does not set its own. Replace Unconfined with RuntimeDefault, or with Localhost and a profile loaded on the node. The fix is unsafe only for programs that use unusual system calls.',
      example: 'spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault',
      references: [pssReference('restricted', 'Seccomp'), { standard: 'Kubernetes docs', title: 'Restrict a Container\'s Syscalls with seccomp', url: 'https://kubernetes.io/docs/tutorials/security/seccomp/' }, securityContextReference],
      peers: { checkov: 'CKV_K8S_31', polaris: 'linuxHardening', trivy: 'KSV-0030', kubescape: 'C-0210', kubesec: 'SeccompAny' },
    },
    messages: {
      unconfined: '{{subject}} sets seccompProfile.type to {{value}}: its processes may make any system call, including those behind most kernel exploits. Use RuntimeDefault. {{policy}}',
      annotation: 'Annotation {{annotation}} sets seccomp profile {{value}}: the container may make any system call. Use runtime/default. {{policy}}',
      unset: 'No seccomp profile is set for {{containers}} (pod or container level), so every system call is allowed. Set seccompProfile.type: RuntimeDefault on the pod. {{policy}}',
    },
  },
  checkWorkload(context) {
    const { workload } = context;
    for (const issue of pssIssues(context, ['seccompProfile_baseline', 'seccompProfile_restricted'])) {
      const { at, finding } = issue;
      const base = { severity: issue.severity, pssCheck: issue.check };
      if (finding.path[0] === 'metadata') {
        const data = { annotation: String(finding.path[2]), value: shown(finding.value), policy: issue.policy };
        context.report({ ...base, messageId: 'annotation', data, at: at.valueNode, fix: setFix(at, 'runtime/default', 'Use the runtime/default profile') ?? [] });
        continue;
      }
      const title = 'Use the RuntimeDefault seccomp profile';
      // A profile map without a type, or with a bad one: fix it where it is.
      const profileWritten = at.container ? at.container.securityContext?.map('seccompProfile') : workload.podSecurityContext?.map('seccompProfile');
      if (at.found || profileWritten) {
        const data = { subject: subjectOf(at), value: shown(at.found ? finding.value : ''), policy: issue.policy };
        context.report({ ...base, messageId: 'unconfined', data, at: at.found ? at.valueNode : at.keyNode, fix: (at.found ? setFix(at, 'RuntimeDefault', title) : writeFix(at, 'RuntimeDefault', title)) ?? [] });
        continue;
      }
      // Unset everywhere it matters: the pod-level field covers every container at once.
      const exposed = workload.containers.filter((c) => !c.securityContext?.map('seccompProfile'));
      if (exposed.every((c) => coveredByMissingSecurityContext(workload, c, context.isEnabled))) continue;
      context.report({
        ...base,
        messageId: 'unset',
        data: { containers: containersPhrase(exposed.map((c) => c.name)), policy: issue.policy },
        at: at.keyNode,
        fix: writeFix(at, 'RuntimeDefault', 'Set seccompProfile RuntimeDefault on the pod') ?? [],
      });
    }
  },
});
