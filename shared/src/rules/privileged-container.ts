/** @file Containers must not run privileged: a privileged container is root on the node. */
import { defineRule } from '../engine/rule';
import { scalarOf, valueAt } from '../model/node';
import { pssReference, securityContextReference } from './common';

export default defineRule({
  meta: {
    id: 'privileged-container',
    title: 'Privileged container',
    severity: 'error',
    category: 'pod-security',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags containers that set securityContext.privileged: true.',
      why: 'A privileged container sees every device on the node and runs without the isolation of seccomp, AppArmor or capability limits; anyone who gets code execution in it owns the node and everything scheduled on it.',
      fix: 'Remove privileged: true or set it to false; grant only the specific capabilities the process needs.',
      example: 'securityContext:\n  privileged: false',
      references: [pssReference('baseline', 'Privileged Containers'), securityContextReference],
      peers: { kubeLinter: 'privileged-container', checkov: 'CKV_K8S_16', polaris: 'runAsPrivileged', trivy: 'KSV-0017', kubescape: 'C-0057', kubesec: 'Privileged' },
    },
    messages: {
      privileged: 'Container "{{container}}" runs privileged: it gets every device and capability of the node. Set privileged: false.',
    },
  },
  checkWorkload({ workload, report }) {
    for (const container of workload.containers) {
      const entry = container.securityContext?.get('privileged');
      if (entry && scalarOf(entry) === true) {
        report({
          messageId: 'privileged',
          data: { container: container.name },
          at: valueAt(entry),
          fix: { title: 'Set privileged: false', apply: (e) => e.set(container.securityContext!, 'privileged', false) },
        });
      }
    }
  },
});
