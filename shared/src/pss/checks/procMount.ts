/** @file Baseline check `procMount`: keep the default /proc masks; from v1.35 waived for user-namespace pods. */

import { containerPhrase, containersPhrase, joinQuote, sortedUnique } from '../format';
import { asString, own } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, relaxForUserNamespace, since } from './check';

/** Any procMount other than Default (e.g. Unmasked) is forbidden. Shared with procMount_restricted. */
export const procMountV1Dot0: CheckPodFn = (pod) => {
  const names: string[] = [];
  const types: string[] = [];
  const findings: Finding[] = [];
  for (const container of pod.containers) {
    const procMount = asString(own(container.securityContext, 'procMount'));
    if (procMount === undefined || procMount === 'Default') continue;
    names.push(container.name);
    types.push(procMount);
    findings.push({
      path: [...container.path, 'securityContext', 'procMount'],
      value: procMount,
      detail: `${containerPhrase(container.name)} must not set securityContext.procMount to ${joinQuote([procMount])}`,
    });
  }
  if (names.length === 0) return undefined;
  return {
    reason: 'procMount',
    detail: `${containersPhrase(names)} must not set securityContext.procMount to ${joinQuote(sortedUnique(types))}`,
    findings,
  };
};

export const procMountV1Dot35 = relaxForUserNamespace(procMountV1Dot0);

export const procMountCheck: PssCheck = {
  id: 'procMount',
  level: 'baseline',
  versions: [
    { minVersion: since(0), checkPod: procMountV1Dot0 },
    { minVersion: since(35), checkPod: procMountV1Dot35 },
  ],
};
