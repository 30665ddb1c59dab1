/**
 * @file The field names Kubernetes knows in a pod spec, a container and their security
 * settings (core/v1, up to 1.34), and a did-you-mean for names that are almost right.
 */

/** Container `securityContext` (SecurityContext). */
export const CONTAINER_SECURITY_CONTEXT_FIELDS: ReadonlySet<string> = new Set([
  'allowPrivilegeEscalation', 'appArmorProfile', 'capabilities', 'privileged', 'procMount', 'readOnlyRootFilesystem',
  'runAsGroup', 'runAsNonRoot', 'runAsUser', 'seLinuxOptions', 'seccompProfile', 'windowsOptions',
]);

/** Pod `securityContext` (PodSecurityContext). */
export const POD_SECURITY_CONTEXT_FIELDS: ReadonlySet<string> = new Set([
  'appArmorProfile', 'fsGroup', 'fsGroupChangePolicy', 'runAsGroup', 'runAsNonRoot', 'runAsUser', 'seLinuxChangePolicy',
  'seLinuxOptions', 'seccompProfile', 'supplementalGroups', 'supplementalGroupsPolicy', 'sysctls', 'windowsOptions',
]);

export const CONTAINER_FIELDS: ReadonlySet<string> = new Set([
  'args', 'command', 'env', 'envFrom', 'image', 'imagePullPolicy', 'lifecycle', 'livenessProbe', 'name', 'ports',
  'readinessProbe', 'resizePolicy', 'resources', 'restartPolicy', 'restartPolicyRules', 'securityContext', 'startupProbe', 'stdin',
  'stdinOnce', 'targetContainerName', 'terminationMessagePath', 'terminationMessagePolicy', 'tty', 'volumeDevices',
  'volumeMounts', 'workingDir',
]);

export const POD_SPEC_FIELDS: ReadonlySet<string> = new Set([
  'activeDeadlineSeconds', 'affinity', 'automountServiceAccountToken', 'containers', 'dnsConfig', 'dnsPolicy',
  'enableServiceLinks', 'ephemeralContainers', 'hostAliases', 'hostIPC', 'hostNetwork', 'hostPID', 'hostUsers', 'hostname',
  'hostnameOverride', 'imagePullSecrets', 'initContainers', 'nodeName', 'nodeSelector', 'os', 'overhead', 'preemptionPolicy',
  'priority', 'priorityClassName', 'readinessGates', 'resourceClaims', 'resources', 'restartPolicy', 'runtimeClassName',
  'schedulerName', 'schedulingGates', 'securityContext', 'serviceAccount', 'serviceAccountName', 'setHostnameAsFQDN',
  'shareProcessNamespace', 'subdomain', 'terminationGracePeriodSeconds', 'tolerations', 'topologySpreadConstraints', 'volumes',
]);

/** Pod spec fields whose misspelling changes the pod's security; other typos are a schema checker's business. */
export const POD_SPEC_SECURITY_FIELDS: ReadonlySet<string> = new Set([
  'automountServiceAccountToken', 'hostIPC', 'hostNetwork', 'hostPID', 'hostUsers', 'securityContext', 'serviceAccountName', 'shareProcessNamespace',
]);

/** Nested security maps and their fields, the same at pod and container level. */
export const NESTED_SECURITY_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  capabilities: new Set(['add', 'drop']),
  seccompProfile: new Set(['localhostProfile', 'type']),
  appArmorProfile: new Set(['localhostProfile', 'type']),
  seLinuxOptions: new Set(['level', 'role', 'type', 'user']),
  windowsOptions: new Set(['gmsaCredentialSpec', 'gmsaCredentialSpecName', 'hostProcess', 'runAsUserName']),
};

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), case-sensitive. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name `written` most likely meant: the same letters in another case, or within two
 * edits (one for names shorter than six characters). Undefined when nothing is that close, or
 * when two names are equally close.
 */
export function didYouMean(written: string, known: Iterable<string>): string | undefined {
  const lower = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const name of known) {
    if (name === written) return undefined;
    // Names whose lengths differ by more than two are never within the limit: skip the quadratic distance.
    if (Math.abs(name.length - written.length) > 2) continue;
    const distance = name.toLowerCase() === lower ? 0 : editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) {
      tie = true;
    }
  }
  const limit = written.length < 6 ? 1 : 2;
  return best !== undefined && bestDistance <= limit && !tie ? best : undefined;
}
