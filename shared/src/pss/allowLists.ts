/** @file Values the Pod Security Standards allow (capabilities, sysctls, SELinux types, volume sources, seccomp and AppArmor profiles), per policy version where they changed. */

import { compareVersion, makeVersion, resolveVersion } from './levels';
import type { PolicyVersion, VersionSpec } from './types';

/** Capabilities baseline lets a container add (everything else, e.g. NET_RAW, is forbidden). */
export const BASELINE_ALLOWED_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD',
  'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** Restricted: `capabilities.drop` must contain this entry. */
export const CAPABILITY_ALL = 'ALL';
/** Restricted: the only capability that may be added. */
export const RESTRICTED_ADDABLE_CAPABILITY = 'NET_BIND_SERVICE';

interface VersionedSet {
  readonly since: PolicyVersion;
  readonly values: ReadonlySet<string>;
}

// Each step lists the full set from that version on; the newest step at or below a version wins.
function cumulative(steps: readonly (readonly [number, readonly string[]])[]): readonly VersionedSet[] {
  const out: VersionedSet[] = [];
  let acc: string[] = [];
  for (const [minor, added] of steps) {
    acc = [...acc, ...added];
    out.push({ since: makeVersion(minor), values: new Set(acc) });
  }
  return out;
}

function pick(sets: readonly VersionedSet[], version: VersionSpec | string): ReadonlySet<string> {
  const resolved = resolveVersion(version);
  let chosen: ReadonlySet<string> = new Set();
  for (const step of sets) if (compareVersion(step.since, resolved) <= 0) chosen = step.values;
  return chosen;
}

/** Sysctl allow-list steps; the minimum versions are the sysctls check's versioned implementations. */
export const SYSCTL_ALLOW_LIST: readonly VersionedSet[] = cumulative([
  [0, [
    'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies',
    'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start',
  ]],
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [29, ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  [32, ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
  [37, ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat']],
]);

/** Safe sysctls at a policy version. */
export function allowedSysctls(version: VersionSpec | string): ReadonlySet<string> {
  return pick(SYSCTL_ALLOW_LIST, version);
}

/** SELinux `type` values allowed per version ("" means unset). `user` and `role` must always be empty. */
export const SELINUX_TYPE_ALLOW_LIST: readonly VersionedSet[] = cumulative([
  [0, ['', 'container_t', 'container_init_t', 'container_kvm_t']],
  [31, ['container_engine_t']],
]);

export function allowedSeLinuxTypes(version: VersionSpec | string): ReadonlySet<string> {
  return pick(SELINUX_TYPE_ALLOW_LIST, version);
}

/** Volume sources restricted allows (`image` was added to the v1.0 check in place, so it holds at every version). */
export const RESTRICTED_ALLOWED_VOLUME_TYPES: readonly string[] = [
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret',
];

/** Every other volume source the API defines, in the order PSA names them; all are forbidden at restricted. */
export const RESTRICTED_FORBIDDEN_VOLUME_TYPES: readonly string[] = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd',
  'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk',
  'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];

/** seccompProfile.type values baseline tolerates when set and restricted requires. */
export const ALLOWED_SECCOMP_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);
/** appArmorProfile.type values allowed when set. */
export const ALLOWED_APPARMOR_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);

export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** AppArmor beta annotation values allowed: empty, `runtime/default`, `localhost/<profile>`. */
export function isAllowedAppArmorAnnotation(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

/** Seccomp alpha annotation values allowed (policy before v1.19): `runtime/default`, `docker/default`, `localhost/<profile>`. */
export function isAllowedSeccompAnnotation(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}
