/** @file Restricted check `allowPrivilegeEscalation` (v1.8+): every container must set it to false explicitly; Windows pods exempt from v1.25. */

import { containerPhrase, containersPhrase } from '../format';
import { locate, own } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, exemptWindowsPods, since } from './check';

export const allowPrivilegeEscalationV1Dot8: CheckPodFn = (pod) => {
  const names: string[] = [];
  const findings: Finding[] = [];
  for (const container of pod.containers) {
    // Unset defaults to true at runtime, so only an explicit false passes.
    if (own(container.securityContext, 'allowPrivilegeEscalation') === false) continue;
    names.push(container.name);
    const at = locate(container.value, container.path, ['securityContext', 'allowPrivilegeEscalation']);
    findings.push({ ...at, detail: `${containerPhrase(container.name)} must set securityContext.allowPrivilegeEscalation=false` });
  }
  if (names.length === 0) return undefined;
  return {
    reason: 'allowPrivilegeEscalation != false',
    detail: `${containersPhrase(names)} must set securityContext.allowPrivilegeEscalation=false`,
    findings,
  };
};

export const allowPrivilegeEscalationV1Dot25 = exemptWindowsPods(allowPrivilegeEscalationV1Dot8);

export const allowPrivilegeEscalationCheck: PssCheck = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  versions: [
    { minVersion: since(8), checkPod: allowPrivilegeEscalationV1Dot8 },
    { minVersion: since(25), checkPod: allowPrivilegeEscalationV1Dot25 },
  ],
};
