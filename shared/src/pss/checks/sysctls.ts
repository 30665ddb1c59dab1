/** @file Baseline check `sysctls`: only namespaced, node-safe sysctls; the allow-list grows with the policy version. */

import { SYSCTL_ALLOW_LIST } from '../allowLists';
import { goQuote } from '../format';
import { asList, asString, isRecord, isSet, own } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck } from './check';

function sysctlsWith(allowed: ReadonlySet<string>): CheckPodFn {
  return (pod) => {
    const names: string[] = [];
    const findings: Finding[] = [];
    asList(own(pod.podSecurityContext, 'sysctls')).forEach((sysctl, index) => {
      if (!isRecord(sysctl)) return;
      const name = asString(own(sysctl, 'name')) ?? '';
      if (allowed.has(name)) return;
      names.push(name);
      const itemPath = ['spec', 'securityContext', 'sysctls', index];
      const detail = `sysctl ${goQuote(name)} is not allowed`;
      findings.push(isSet(own(sysctl, 'name'))
        ? { path: [...itemPath, 'name'], value: own(sysctl, 'name'), detail }
        : { path: itemPath, value: sysctl, detail });
    });
    if (names.length === 0) return undefined;
    return { reason: 'forbidden sysctls', detail: names.join(', '), findings };
  };
}

export const sysctlsCheck: PssCheck = {
  id: 'sysctls',
  level: 'baseline',
  versions: SYSCTL_ALLOW_LIST.map((step) => ({ minVersion: step.since, checkPod: sysctlsWith(step.values) })),
};
