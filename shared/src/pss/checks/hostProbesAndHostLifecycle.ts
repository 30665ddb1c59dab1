/** @file Baseline check `hostProbesAndHostLifecycle` (v1.34+): probes and lifecycle hooks must not target another host. */

import { containerPhrase, containersPhrase, joinQuote, pluralize, sortedUnique } from '../format';
import { asRecord, asString, own } from '../podView';
import type { Finding, JsonPath } from '../types';
import { type CheckPodFn, type PssCheck, since } from './check';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const LIFECYCLE_HOOKS = ['postStart', 'preStop'] as const;
// tcpSocket is not a valid lifecycle handler any more, but PSA still inspects it.
const HANDLER_KINDS = ['httpGet', 'tcpSocket'] as const;

export const hostProbesAndHostLifecycleV1Dot34: CheckPodFn = (pod) => {
  const badContainers: string[] = [];
  const hosts: string[] = [];
  const findings: Finding[] = [];
  for (const container of pod.containers) {
    let bad = false;
    const inspectHandler = (handler: unknown, handlerPath: JsonPath, label: string): void => {
      for (const kind of HANDLER_KINDS) {
        const host = asString(own(asRecord(own(asRecord(handler), kind)), 'host'));
        if (host === undefined || host === '') continue;
        bad = true;
        hosts.push(host);
        findings.push({
          path: [...handlerPath, kind, 'host'],
          value: host,
          detail: `${containerPhrase(container.name)} must not set ${label}.${kind}.host (${joinQuote([host])})`,
        });
      }
    };
    for (const probe of PROBES) inspectHandler(own(container.value, probe), [...container.path, probe], probe);
    const lifecycle = asRecord(own(container.value, 'lifecycle'));
    for (const hook of LIFECYCLE_HOOKS) {
      inspectHandler(own(lifecycle, hook), [...container.path, 'lifecycle', hook], `lifecycle.${hook}`);
    }
    if (bad) badContainers.push(container.name);
  }
  if (badContainers.length === 0) return undefined;
  const names = sortedUnique(badContainers);
  const distinctHosts = sortedUnique(hosts);
  return {
    reason: 'probe or lifecycle host',
    detail: `${containersPhrase(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', distinctHosts.length)} ${joinQuote(distinctHosts)}`,
    findings,
  };
};

export const hostProbesAndHostLifecycleCheck: PssCheck = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  versions: [{ minVersion: since(34), checkPod: hostProbesAndHostLifecycleV1Dot34 }],
};
