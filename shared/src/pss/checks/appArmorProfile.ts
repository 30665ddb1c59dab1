/** @file Baseline check `appArmorProfile`: no Unconfined (or unknown) AppArmor profile, via the field or the beta annotation. */

import {
  ALLOWED_APPARMOR_TYPES,
  APPARMOR_ANNOTATION_PREFIX,
  isAllowedAppArmorAnnotation,
} from '../allowLists';
import { goQuote, joinQuote, pluralize, settersPhrase, sortedUnique } from '../format';
import { POD_SECURITY_CONTEXT_PATH, asRecord, asString, locate, own, scalarText } from '../podView';
import type { Finding, JsonPath } from '../types';
import { type CheckPodFn, type PssCheck, since } from './check';

export const appArmorProfileV1Dot0: CheckPodFn = (pod) => {
  const findings: Finding[] = [];
  const badValues: string[] = [];

  // A profile map that is set must name an allowed type; an absent type reads as "".
  const inspect = (securityContext: unknown, securityContextPath: JsonPath, who: string): boolean => {
    const profile = asRecord(own(asRecord(securityContext), 'appArmorProfile'));
    if (profile === undefined) return false;
    const type = asString(own(profile, 'type')) ?? '';
    if (ALLOWED_APPARMOR_TYPES.has(type)) return false;
    badValues.push(type);
    const at = locate(profile, [...securityContextPath, 'appArmorProfile'], ['type']);
    findings.push({ ...at, detail: `${who} must not set AppArmor profile type to ${joinQuote([type])}` });
    return true;
  };

  const podBad = inspect(pod.podSecurityContext, POD_SECURITY_CONTEXT_PATH, 'pod');
  const badContainers = pod.containers
    .filter((c) => inspect(c.securityContext, [...c.path, 'securityContext'], `container ${joinQuote([c.name])}`))
    .map((c) => c.name);

  const badAnnotations: string[] = [];
  for (const key of Object.keys(pod.annotations)) {
    if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX)) continue;
    const value = scalarText(own(pod.annotations, key));
    if (value === undefined || isAllowedAppArmorAnnotation(value)) continue;
    const entry = `${key}=${goQuote(value)}`;
    badAnnotations.push(entry);
    findings.push({
      path: ['metadata', 'annotations', key],
      value: own(pod.annotations, key),
      detail: `annotation ${entry} is not an allowed AppArmor profile`,
    });
  }

  if (!podBad && badContainers.length === 0 && badAnnotations.length === 0) return undefined;
  const annotationEntries = badAnnotations.sort();
  const allBad = [...sortedUnique(badValues), ...annotationEntries];
  const extraSetters = annotationEntries.length > 0 ? [pluralize('annotation', 'annotations', annotationEntries.length)] : [];
  return {
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', allBad.length),
    detail: `${settersPhrase(podBad, badContainers, extraSetters)} must not set AppArmor profile type to ${joinQuote(allBad)}`,
    findings,
  };
};

export const appArmorProfileCheck: PssCheck = {
  id: 'appArmorProfile',
  level: 'baseline',
  versions: [{ minVersion: since(0), checkPod: appArmorProfileV1Dot0 }],
};
