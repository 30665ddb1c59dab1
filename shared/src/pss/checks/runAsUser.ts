/** @file Restricted check `runAsUser` (v1.23+): neither pod nor container may set runAsUser 0; waived for user-namespace pods from v1.35. */

import { containerPhrase, settersPhrase } from '../format';
import { own } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, relaxForUserNamespace, since } from './check';

export const runAsUserV1Dot23: CheckPodFn = (pod) => {
  const findings: Finding[] = [];
  const podBad = own(pod.podSecurityContext, 'runAsUser') === 0;
  if (podBad) findings.push({ path: ['spec', 'securityContext', 'runAsUser'], value: 0, detail: 'pod must not set runAsUser=0' });
  const badContainers: string[] = [];
  for (const container of pod.containers) {
    if (own(container.securityContext, 'runAsUser') !== 0) continue;
    badContainers.push(container.name);
    findings.push({
      path: [...container.path, 'securityContext', 'runAsUser'],
      value: 0,
      detail: `${containerPhrase(container.name)} must not set runAsUser=0`,
    });
  }
  if (findings.length === 0) return undefined;
  return { reason: 'runAsUser=0', detail: `${settersPhrase(podBad, badContainers)} must not set runAsUser=0`, findings };
};

export const runAsUserV1Dot35 = relaxForUserNamespace(runAsUserV1Dot23);

export const runAsUserCheck: PssCheck = {
  id: 'runAsUser',
  level: 'restricted',
  versions: [
    { minVersion: since(23), checkPod: runAsUserV1Dot23 },
    { minVersion: since(35), checkPod: runAsUserV1Dot35 },
  ],
};
