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

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions), case-sensitive.
 * With `max`, any distance above it comes back as `max + 1` as soon as that is certain: the keys
 * compared are the user's (thousands of them, of any length), the answer is only needed up to 2.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  if (rowsBuffer.length < 3 * cols) rowsBuffer = new Int32Array(6 * cols);
  const rows = rowsBuffer;
  // Three rolling rows, at these offsets in one reused buffer: the one before last is for transpositions.
  let before = 0;
  let last = cols;
  let row = 2 * cols;
  for (let j = 0; j < cols; j++) {
    rows[before + j] = 0;
    rows[last + j] = j;
  }
  let lastMin = 0;
  for (let i = 1; i <= a.length; i++) {
    rows[row] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(rows[last + j]! + 1, rows[row + j - 1]! + 1, rows[last + j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) best = Math.min(best, rows[before + j - 2]! + 1);
      rows[row + j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Every later cell is at least the smaller of this row's minimum and the last row's plus one.
    if (rowMin > max && lastMin > max) return max + 1;
    lastMin = rowMin;
    const reused = before;
    before = last;
    last = row;
    row = reused;
  }
  return Math.min(rows[last + b.length]!, max + 1);
}

/** editDistance's rows: a misspelt-key check compares every unknown key with dozens of names, so no arrays per comparison. */
let rowsBuffer = new Int32Array(192);

/** Each list of known names with its names in lower case, computed once per list. */
const lowerCased = new WeakMap<Iterable<string>, readonly (readonly [name: string, lower: string])[]>();

function withLowerCase(known: Iterable<string>): readonly (readonly [string, string])[] {
  let names = lowerCased.get(known);
  if (!names) lowerCased.set(known, (names = [...known].map((name) => [name, name.toLowerCase()] as const)));
  return names;
}

/**
 * The known name `written` most likely meant: the same letters in another case, or within two
 * edits (one for names shorter than six characters). Undefined when nothing is that close, or
 * when two names are equally close. Each `known` list is read once and remembered: pass lists
 * that do not change afterwards (the field sets here are constants).
 */
export function didYouMean(written: string, known: Iterable<string>): string | undefined {
  const lower = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const [name, nameLower] of withLowerCase(known)) {
    if (name === written) return undefined;
    // Names whose lengths differ by more than two are never within the limit: skip the quadratic distance.
    if (Math.abs(name.length - written.length) > 2) continue;
    const distance = nameLower === lower ? 0 : editDistance(lower, nameLower, 2);
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
