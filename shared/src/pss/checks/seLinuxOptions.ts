/** @file Baseline check `seLinuxOptions`: only container SELinux types (per version), and no custom user or role. */

import { SELINUX_TYPE_ALLOW_LIST } from '../allowLists';
import { joinQuote, pluralize, settersPhrase, sortedUnique } from '../format';
import { POD_SECURITY_CONTEXT_PATH, asRecord, asString, own } from '../podView';
import type { Finding, JsonPath } from '../types';
import { type CheckPodFn, type PssCheck } from './check';

function seLinuxOptionsWith(allowedTypes: ReadonlySet<string>): CheckPodFn {
  return (pod) => {
    const findings: Finding[] = [];
    const badTypes: string[] = [];
    let setUser = false;
    let setRole = false;

    const inspect = (securityContext: unknown, securityContextPath: JsonPath, who: string): boolean => {
      const options = asRecord(own(asRecord(securityContext), 'seLinuxOptions'));
      if (options === undefined) return false;
      const optionsPath = [...securityContextPath, 'seLinuxOptions'];
      let valid = true;
      const type = asString(own(options, 'type')) ?? '';
      if (!allowedTypes.has(type)) {
        valid = false;
        badTypes.push(type);
        findings.push({ path: [...optionsPath, 'type'], value: type, detail: `${who} must not set securityContext.seLinuxOptions.type to ${joinQuote([type])}` });
      }
      for (const field of ['user', 'role'] as const) {
        const value = asString(own(options, field)) ?? '';
        if (value === '') continue;
        valid = false;
        if (field === 'user') setUser = true;
        else setRole = true;
        findings.push({ path: [...optionsPath, field], value, detail: `${who} must not set securityContext.seLinuxOptions.${field}` });
      }
      return !valid;
    };

    const podBad = inspect(pod.podSecurityContext, POD_SECURITY_CONTEXT_PATH, 'pod');
    const badContainers = pod.containers
      .filter((c) => inspect(c.securityContext, [...c.path, 'securityContext'], `container ${joinQuote([c.name])}`))
      .map((c) => c.name);
    if (!podBad && badContainers.length === 0) return undefined;

    const problems: string[] = [];
    const distinctTypes = sortedUnique(badTypes);
    if (distinctTypes.length > 0) problems.push(`${pluralize('type', 'types', distinctTypes.length)} ${joinQuote(distinctTypes)}`);
    if (setUser) problems.push('user may not be set');
    if (setRole) problems.push('role may not be set');
    return {
      reason: 'seLinuxOptions',
      detail: `${settersPhrase(podBad, badContainers)} set forbidden securityContext.seLinuxOptions: ${problems.join('; ')}`,
      findings,
    };
  };
}

export const seLinuxOptionsCheck: PssCheck = {
  id: 'seLinuxOptions',
  level: 'baseline',
  versions: SELINUX_TYPE_ALLOW_LIST.map((step) => ({ minVersion: step.since, checkPod: seLinuxOptionsWith(step.values) })),
};
