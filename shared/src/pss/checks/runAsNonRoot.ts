/** @file Restricted check `runAsNonRoot`: true at pod level or on every container, never false; waived for user-namespace pods from v1.35. */

import { containerPhrase, containersPhrase, settersPhrase } from '../format';
import { SPEC_PATH, isSet, locate, own } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, relaxForUserNamespace, since } from './check';

export const runAsNonRootV1Dot0: CheckPodFn = (pod) => {
  const podValue = own(pod.podSecurityContext, 'runAsNonRoot');
  const podFalse = podValue === false;
  const podTrue = podValue === true;

  const explicitFindings: Finding[] = [];
  if (podFalse) {
    explicitFindings.push({ path: ['spec', 'securityContext', 'runAsNonRoot'], value: false, detail: 'pod must not set securityContext.runAsNonRoot=false' });
  }
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  const implicitFindings: Finding[] = [];
  for (const container of pod.containers) {
    const value = own(container.securityContext, 'runAsNonRoot');
    if (value === false) {
      explicitlyBad.push(container.name);
      explicitFindings.push({
        path: [...container.path, 'securityContext', 'runAsNonRoot'],
        value: false,
        detail: `${containerPhrase(container.name)} must not set securityContext.runAsNonRoot=false`,
      });
    } else if (value !== true && !podTrue) {
      implicitlyBad.push(container.name);
      // A value of the wrong type is highlighted where it stands; plain absence is fixed at pod level below.
      if (isSet(value)) {
        implicitFindings.push({
          path: [...container.path, 'securityContext', 'runAsNonRoot'],
          value,
          detail: `${containerPhrase(container.name)} must set securityContext.runAsNonRoot=true`,
        });
      }
    }
  }

  if (explicitFindings.length > 0) {
    return {
      reason: 'runAsNonRoot != true',
      detail: `${settersPhrase(podFalse, explicitlyBad)} must not set securityContext.runAsNonRoot=false`,
      findings: explicitFindings,
    };
  }
  if (implicitlyBad.length === 0) return undefined;
  const detail = `pod or ${containersPhrase(implicitlyBad)} must set securityContext.runAsNonRoot=true`;
  const podAt = locate(pod.spec, SPEC_PATH, ['securityContext', 'runAsNonRoot']);
  return { reason: 'runAsNonRoot != true', detail, findings: [{ ...podAt, detail }, ...implicitFindings] };
};

export const runAsNonRootV1Dot35 = relaxForUserNamespace(runAsNonRootV1Dot0);

export const runAsNonRootCheck: PssCheck = {
  id: 'runAsNonRoot',
  level: 'restricted',
  versions: [
    { minVersion: since(0), checkPod: runAsNonRootV1Dot0 },
    { minVersion: since(35), checkPod: runAsNonRootV1Dot35 },
  ],
};
