/** @file Baseline check `windowsHostProcess`: no Windows HostProcess pods or containers. */

import { containerPhrase, settersPhrase } from '../format';
import { dig } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, since } from './check';

const RULE = 'must not set securityContext.windowsOptions.hostProcess=true';

export const windowsHostProcessV1Dot0: CheckPodFn = (pod) => {
  const findings: Finding[] = [];
  const badContainers: string[] = [];
  for (const container of pod.containers) {
    if (dig(container.securityContext, 'windowsOptions', 'hostProcess') !== true) continue;
    badContainers.push(container.name);
    findings.push({
      path: [...container.path, 'securityContext', 'windowsOptions', 'hostProcess'],
      value: true,
      detail: `${containerPhrase(container.name)} ${RULE}`,
    });
  }
  const podBad = dig(pod.podSecurityContext, 'windowsOptions', 'hostProcess') === true;
  if (podBad) {
    findings.unshift({ path: ['spec', 'securityContext', 'windowsOptions', 'hostProcess'], value: true, detail: `pod ${RULE}` });
  }
  if (findings.length === 0) return undefined;
  return { reason: 'hostProcess', detail: `${settersPhrase(podBad, badContainers)} ${RULE}`, findings };
};

export const windowsHostProcessCheck: PssCheck = {
  id: 'windowsHostProcess',
  level: 'baseline',
  versions: [{ minVersion: since(0), checkPod: windowsHostProcessV1Dot0 }],
};
