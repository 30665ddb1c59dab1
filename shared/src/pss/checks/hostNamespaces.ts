/** @file Baseline check `hostNamespaces`: the pod must not share the node's network, PID or IPC namespace. */

import { own } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, since } from './check';

const HOST_NAMESPACE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export const hostNamespacesV1Dot0: CheckPodFn = (pod) => {
  const findings: Finding[] = [];
  for (const field of HOST_NAMESPACE_FIELDS) {
    if (own(pod.spec, field) === true) {
      findings.push({ path: ['spec', field], value: true, detail: `pod must not set ${field}=true` });
    }
  }
  if (findings.length === 0) return undefined;
  return {
    reason: 'host namespaces',
    detail: findings.map((finding) => `${String(finding.path[1])}=true`).join(', '),
    findings,
  };
};

export const hostNamespacesCheck: PssCheck = {
  id: 'hostNamespaces',
  level: 'baseline',
  versions: [{ minVersion: since(0), checkPod: hostNamespacesV1Dot0 }],
};
