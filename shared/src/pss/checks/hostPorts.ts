/** @file Baseline check `hostPorts`: containers must not bind ports on the node. */

import { containerPhrase, containersPhrase, pluralize, sortedUnique } from '../format';
import { asList, asNumber, isRecord, own } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, since } from './check';

export const hostPortsV1Dot0: CheckPodFn = (pod) => {
  const names: string[] = [];
  const ports: string[] = [];
  const findings: Finding[] = [];
  for (const container of pod.containers) {
    let bad = false;
    asList(own(container.value, 'ports')).forEach((port, index) => {
      if (!isRecord(port)) return;
      const hostPort = asNumber(own(port, 'hostPort'));
      if (hostPort === undefined || hostPort === 0) return;
      bad = true;
      ports.push(String(hostPort));
      findings.push({
        path: [...container.path, 'ports', index, 'hostPort'],
        value: hostPort,
        detail: `${containerPhrase(container.name)} must not use hostPort ${hostPort}`,
      });
    });
    if (bad) names.push(container.name);
  }
  if (names.length === 0) return undefined;
  const distinctPorts = sortedUnique(ports);
  return {
    reason: 'hostPort',
    detail: `${containersPhrase(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('hostPort', 'hostPorts', distinctPorts.length)} ${distinctPorts.join(', ')}`,
    findings,
  };
};

export const hostPortsCheck: PssCheck = {
  id: 'hostPorts',
  level: 'baseline',
  versions: [{ minVersion: since(0), checkPod: hostPortsV1Dot0 }],
};
