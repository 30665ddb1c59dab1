/** @file Reads securityContext.seccompProfile at pod and container level; shared by both seccomp checks. */

import { ALLOWED_SECCOMP_TYPES } from '../allowLists';
import { type Location, asRecord, asString, locate, own } from '../podView';
import type { JsonPath } from '../types';

export type SeccompSetting =
  | { readonly state: 'unset' }
  | { readonly state: 'valid' }
  /** A profile is set with a type other than RuntimeDefault/Localhost; an absent type reads as "". */
  | { readonly state: 'invalid'; readonly type: string; readonly at: Location };

export function readSeccomp(securityContext: unknown, securityContextPath: JsonPath): SeccompSetting {
  const profile = asRecord(own(asRecord(securityContext), 'seccompProfile'));
  if (profile === undefined) return { state: 'unset' };
  const type = asString(own(profile, 'type')) ?? '';
  if (ALLOWED_SECCOMP_TYPES.has(type)) return { state: 'valid' };
  return { state: 'invalid', type, at: locate(profile, [...securityContextPath, 'seccompProfile'], ['type']) };
}
