/** @file Baseline check `privileged`: no container may run privileged. */

import { containerPhrase, containersPhrase } from '../format';
import { own } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, since } from './check';

export const privilegedV1Dot0: CheckPodFn = (pod) => {
  const names: string[] = [];
  const findings: Finding[] = [];
  for (const container of pod.containers) {
    if (own(container.securityContext, 'privileged') !== true) continue;
    names.push(container.name);
    findings.push({
      path: [...container.path, 'securityContext', 'privileged'],
      value: true,
      detail: `${containerPhrase(container.name)} must not set securityContext.privileged=true`,
    });
  }
  if (names.length === 0) return undefined;
  return {
    reason: 'privileged',
    detail: `${containersPhrase(names)} must not set securityContext.privileged=true`,
    findings,
  };
};

export const privilegedCheck: PssCheck = {
  id: 'privileged',
  level: 'baseline',
  versions: [{ minVersion: since(0), checkPod: privilegedV1Dot0 }],
};
