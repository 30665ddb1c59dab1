/** @file Restricted check `restrictedVolumes` (replaces hostPathVolumes): only ephemeral, projected and claim-backed volume types. */

/*
 * A volume with no source at all is allowed: the API server defaults it to emptyDir before admission.
 * A key that is not a volume source the API knows (anything besides `name`) is reported as type
 * "unknown", as PSA reports sources it does not list; it may be a typo or a newer volume type.
 */

import { RESTRICTED_ALLOWED_VOLUME_TYPES, RESTRICTED_FORBIDDEN_VOLUME_TYPES } from '../allowLists';
import { joinQuote, pluralize, sortedUnique } from '../format';
import { asList, isRecord, isSet, own, scalarText } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, since } from './check';

export const restrictedVolumesV1Dot0: CheckPodFn = (pod) => {
  const names: string[] = [];
  const types: string[] = [];
  const findings: Finding[] = [];
  asList(own(pod.spec, 'volumes')).forEach((volume, index) => {
    if (!isRecord(volume)) return;
    if (RESTRICTED_ALLOWED_VOLUME_TYPES.some((type) => isSet(own(volume, type)))) return;
    const forbiddenKey = RESTRICTED_FORBIDDEN_VOLUME_TYPES.find((type) => isSet(own(volume, type)));
    const unknownKey = forbiddenKey ?? Object.keys(volume).find((key) => key !== 'name' && isSet(own(volume, key)));
    if (unknownKey === undefined) return;
    const type = forbiddenKey ?? 'unknown';
    const name = scalarText(own(volume, 'name')) ?? '';
    names.push(name);
    types.push(type);
    findings.push({
      path: ['spec', 'volumes', index, unknownKey],
      value: own(volume, unknownKey),
      detail: forbiddenKey
        ? `volume ${joinQuote([name])} uses restricted volume type ${joinQuote([type])}`
        : `volume ${joinQuote([name])} uses unknown volume type ${joinQuote([unknownKey])}`,
    });
  });
  if (names.length === 0) return undefined;
  const distinctTypes = sortedUnique(types);
  return {
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('restricted volume type', 'restricted volume types', distinctTypes.length)} ${joinQuote(distinctTypes)}`,
    findings,
  };
};

export const restrictedVolumesCheck: PssCheck = {
  id: 'restrictedVolumes',
  level: 'restricted',
  versions: [{ minVersion: since(0), checkPod: restrictedVolumesV1Dot0, overrides: ['hostPathVolumes'] }],
};
