/** @file Baseline check `seccompProfile_baseline`: a seccomp profile, if set, must not be Unconfined (annotations before v1.19, fields after). */

import {
  SECCOMP_CONTAINER_ANNOTATION_PREFIX,
  SECCOMP_POD_ANNOTATION,
  isAllowedSeccompAnnotation,
} from '../allowLists';
import { goQuote, joinQuote, pluralize, settersPhrase, sortedUnique } from '../format';
import { POD_SECURITY_CONTEXT_PATH, own, scalarText } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, since } from './check';
import { readSeccomp } from './seccompFields';

/** Policy before v1.19 reads the alpha annotations; a present but empty value is forbidden too. */
export const seccompProfileBaselineV1Dot0: CheckPodFn = (pod) => {
  const entries: string[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const inspect = (key: string): void => {
    if (seen.has(key) || !Object.prototype.hasOwnProperty.call(pod.annotations, key)) return;
    seen.add(key);
    const raw = own(pod.annotations, key);
    const value = scalarText(raw);
    if (value === undefined || isAllowedSeccompAnnotation(value)) return;
    const entry = `${key}=${goQuote(value)}`;
    entries.push(entry);
    findings.push({ path: ['metadata', 'annotations', key], value: raw, detail: `forbidden annotation ${entry}` });
  };
  inspect(SECCOMP_POD_ANNOTATION);
  for (const container of pod.containers) inspect(SECCOMP_CONTAINER_ANNOTATION_PREFIX + container.name);
  if (entries.length === 0) return undefined;
  const distinct = sortedUnique(entries);
  return {
    reason: 'seccompProfile',
    detail: `forbidden ${pluralize('annotation', 'annotations', distinct.length)} ${distinct.join(', ')}`,
    findings,
  };
};

/** From v1.19 the fields count; leaving them unset is fine at baseline. */
export const seccompProfileBaselineV1Dot19: CheckPodFn = (pod) => {
  const findings: Finding[] = [];
  const badTypes: string[] = [];
  const podSetting = readSeccomp(pod.podSecurityContext, POD_SECURITY_CONTEXT_PATH);
  if (podSetting.state === 'invalid') {
    badTypes.push(podSetting.type);
    findings.push({ ...podSetting.at, detail: `pod must not set securityContext.seccompProfile.type to ${joinQuote([podSetting.type])}` });
  }
  const badContainers: string[] = [];
  for (const container of pod.containers) {
    const setting = readSeccomp(container.securityContext, [...container.path, 'securityContext']);
    if (setting.state !== 'invalid') continue;
    badContainers.push(container.name);
    badTypes.push(setting.type);
    findings.push({
      ...setting.at,
      detail: `container ${joinQuote([container.name])} must not set securityContext.seccompProfile.type to ${joinQuote([setting.type])}`,
    });
  }
  if (findings.length === 0) return undefined;
  return {
    reason: 'seccompProfile',
    detail: `${settersPhrase(podSetting.state === 'invalid', badContainers)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badTypes))}`,
    findings,
  };
};

export const seccompProfileBaselineCheck: PssCheck = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  versions: [
    { minVersion: since(0), checkPod: seccompProfileBaselineV1Dot0 },
    { minVersion: since(19), checkPod: seccompProfileBaselineV1Dot19 },
  ],
};
