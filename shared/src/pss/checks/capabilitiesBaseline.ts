/** @file Baseline check `capabilities_baseline`: containers may only add capabilities from the default set. */

import { BASELINE_ALLOWED_CAPABILITIES } from '../allowLists';
import { containerPhrase, containersPhrase, joinQuote, sortedUnique } from '../format';
import { asList, asRecord, own, scalarText } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, since } from './check';

export const capabilitiesBaselineV1Dot0: CheckPodFn = (pod) => {
  const names: string[] = [];
  const forbidden: string[] = [];
  const findings: Finding[] = [];
  for (const container of pod.containers) {
    const capabilities = asRecord(own(container.securityContext, 'capabilities'));
    let bad = false;
    asList(own(capabilities, 'add')).forEach((entry, index) => {
      const capability = scalarText(entry);
      if (capability === undefined || BASELINE_ALLOWED_CAPABILITIES.has(capability)) return;
      bad = true;
      forbidden.push(capability);
      findings.push({
        path: [...container.path, 'securityContext', 'capabilities', 'add', index],
        value: entry,
        detail: `${containerPhrase(container.name)} must not include ${joinQuote([capability])} in securityContext.capabilities.add`,
      });
    });
    if (bad) names.push(container.name);
  }
  if (names.length === 0) return undefined;
  return {
    reason: 'non-default capabilities',
    detail: `${containersPhrase(names)} must not include ${joinQuote(sortedUnique(forbidden))} in securityContext.capabilities.add`,
    findings,
  };
};

export const capabilitiesBaselineCheck: PssCheck = {
  id: 'capabilities_baseline',
  level: 'baseline',
  versions: [{ minVersion: since(0), checkPod: capabilitiesBaselineV1Dot0 }],
};
