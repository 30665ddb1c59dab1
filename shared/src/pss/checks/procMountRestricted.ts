/** @file Restricted check `procMount_restricted` (v1.35+, replaces procMount): Default /proc masks even for user-namespace pods. */

import { type PssCheck, since } from './check';
import { procMountV1Dot0 } from './procMount';

export const procMountRestrictedCheck: PssCheck = {
  id: 'procMount_restricted',
  level: 'restricted',
  versions: [{ minVersion: since(35), checkPod: procMountV1Dot0, overrides: ['procMount'] }],
};
