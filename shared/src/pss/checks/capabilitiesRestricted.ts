/** @file Restricted check `capabilities_restricted` (v1.22+, replaces capabilities_baseline): drop ALL, add at most NET_BIND_SERVICE. */

import { CAPABILITY_ALL, RESTRICTED_ADDABLE_CAPABILITY } from '../allowLists';
import { containerPhrase, containersPhrase, joinQuote, sortedUnique } from '../format';
import { asList, asRecord, locate, own, scalarText } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, exemptWindowsPods, since } from './check';

export const capabilitiesRestrictedV1Dot22: CheckPodFn = (pod) => {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbidden: string[] = [];
  const findings: Finding[] = [];
  for (const container of pod.containers) {
    const dropDetail = `${containerPhrase(container.name)} must set securityContext.capabilities.drop=["ALL"]`;
    const drop = locate(container.value, container.path, ['securityContext', 'capabilities', 'drop']);
    if (Array.isArray(drop.value)) {
      if (!drop.value.includes(CAPABILITY_ALL)) {
        missingDropAll.push(container.name);
        // The missing entry goes at the end of the existing list.
        findings.push({ path: [...drop.path, drop.value.length], missing: true, detail: dropDetail });
      }
    } else {
      missingDropAll.push(container.name);
      findings.push({ ...drop, detail: dropDetail });
    }

    const capabilities = asRecord(own(container.securityContext, 'capabilities'));
    let bad = false;
    asList(own(capabilities, 'add')).forEach((entry, index) => {
      const capability = scalarText(entry);
      if (capability === undefined || capability === RESTRICTED_ADDABLE_CAPABILITY) return;
      bad = true;
      forbidden.push(capability);
      findings.push({
        path: [...container.path, 'securityContext', 'capabilities', 'add', index],
        value: entry,
        detail: `${containerPhrase(container.name)} must not include ${joinQuote([capability])} in securityContext.capabilities.add`,
      });
    });
    if (bad) addingForbidden.push(container.name);
  }
  const details: string[] = [];
  if (missingDropAll.length > 0) {
    details.push(`${containersPhrase(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  }
  if (addingForbidden.length > 0) {
    details.push(`${containersPhrase(addingForbidden)} must not include ${joinQuote(sortedUnique(forbidden))} in securityContext.capabilities.add`);
  }
  if (details.length === 0) return undefined;
  return { reason: 'unrestricted capabilities', detail: details.join('; '), findings };
};

export const capabilitiesRestrictedV1Dot25 = exemptWindowsPods(capabilitiesRestrictedV1Dot22);

export const capabilitiesRestrictedCheck: PssCheck = {
  id: 'capabilities_restricted',
  level: 'restricted',
  versions: [
    { minVersion: since(22), checkPod: capabilitiesRestrictedV1Dot22, overrides: ['capabilities_baseline'] },
    { minVersion: since(25), checkPod: capabilitiesRestrictedV1Dot25, overrides: ['capabilities_baseline'] },
  ],
};
