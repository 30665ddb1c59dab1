/** @file Restricted check `seccompProfile_restricted` (v1.19+, replaces seccompProfile_baseline): RuntimeDefault or Localhost must be set. */

import { containersPhrase, joinQuote, settersPhrase, sortedUnique } from '../format';
import { POD_SECURITY_CONTEXT_PATH, SPEC_PATH, locate } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, exemptWindowsPods, since } from './check';
import { readSeccomp } from './seccompFields';

const REQUIRED_TYPES = '"RuntimeDefault" or "Localhost"';

export const seccompProfileRestrictedV1Dot19: CheckPodFn = (pod) => {
  const explicitFindings: Finding[] = [];
  const badTypes: string[] = [];
  const podSetting = readSeccomp(pod.podSecurityContext, POD_SECURITY_CONTEXT_PATH);
  if (podSetting.state === 'invalid') {
    badTypes.push(podSetting.type);
    explicitFindings.push({ ...podSetting.at, detail: `pod must not set securityContext.seccompProfile.type to ${joinQuote([podSetting.type])}` });
  }
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  for (const container of pod.containers) {
    const setting = readSeccomp(container.securityContext, [...container.path, 'securityContext']);
    if (setting.state === 'invalid') {
      explicitlyBad.push(container.name);
      badTypes.push(setting.type);
      explicitFindings.push({
        ...setting.at,
        detail: `container ${joinQuote([container.name])} must not set securityContext.seccompProfile.type to ${joinQuote([setting.type])}`,
      });
    } else if (setting.state === 'unset' && podSetting.state !== 'valid') {
      implicitlyBad.push(container.name);
    }
  }

  if (explicitFindings.length > 0) {
    return {
      reason: 'seccompProfile',
      detail: `${settersPhrase(podSetting.state === 'invalid', explicitlyBad)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badTypes))}`,
      findings: explicitFindings,
    };
  }
  if (implicitlyBad.length === 0) return undefined;
  // The pod-level field covers every container at once, so that is where the value belongs.
  const at = locate(pod.spec, SPEC_PATH, ['securityContext', 'seccompProfile', 'type']);
  return {
    reason: 'seccompProfile',
    detail: `pod or ${containersPhrase(implicitlyBad)} must set securityContext.seccompProfile.type to ${REQUIRED_TYPES}`,
    findings: [{ ...at, detail: `pod or ${containersPhrase(implicitlyBad)} must set securityContext.seccompProfile.type to ${REQUIRED_TYPES}` }],
  };
};

export const seccompProfileRestrictedV1Dot25 = exemptWindowsPods(seccompProfileRestrictedV1Dot19);

export const seccompProfileRestrictedCheck: PssCheck = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  versions: [
    { minVersion: since(19), checkPod: seccompProfileRestrictedV1Dot19, overrides: ['seccompProfile_baseline'] },
    { minVersion: since(25), checkPod: seccompProfileRestrictedV1Dot25, overrides: ['seccompProfile_baseline'] },
  ],
};
