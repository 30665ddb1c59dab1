/** @file Baseline check `hostPathVolumes`: no hostPath volumes (restricted replaces it with restrictedVolumes). */

import { joinQuote, pluralize } from '../format';
import { asList, isRecord, isSet, own, scalarText } from '../podView';
import type { Finding } from '../types';
import { type CheckPodFn, type PssCheck, since } from './check';

export const hostPathVolumesV1Dot0: CheckPodFn = (pod) => {
  const names: string[] = [];
  const findings: Finding[] = [];
  asList(own(pod.spec, 'volumes')).forEach((volume, index) => {
    if (!isRecord(volume) || !isSet(own(volume, 'hostPath'))) return;
    const name = scalarText(own(volume, 'name')) ?? '';
    names.push(name);
    findings.push({
      path: ['spec', 'volumes', index, 'hostPath'],
      value: own(volume, 'hostPath'),
      detail: `volume ${joinQuote([name])} must not use hostPath`,
    });
  });
  if (names.length === 0) return undefined;
  return { reason: 'hostPath volumes', detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}`, findings };
};

export const hostPathVolumesCheck: PssCheck = {
  id: 'hostPathVolumes',
  level: 'baseline',
  versions: [{ minVersion: since(0), checkPod: hostPathVolumesV1Dot0 }],
};
