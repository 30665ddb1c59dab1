/** @file Host paths that give a pod the node: container runtime sockets and the directories that hold the node's secrets and controls. */
/** The sockets through which a process can start containers on the node. */
const RUNTIME_SOCKETS: readonly string[] = [
  '/var/run/docker.sock', '/run/docker.sock', '/var/run/dockershim.sock', '/var/run/cri-dockerd.sock', '/run/cri-dockerd.sock',
  '/var/run/containerd/containerd.sock', '/run/containerd/containerd.sock', '/run/k3s/containerd/containerd.sock',
  '/var/run/crio/crio.sock', '/run/crio/crio.sock', '/run/podman/podman.sock', '/var/run/podman/podman.sock',
];

/** Sensitive directories, and what they hold. `subtree`: paths below them are as sensitive. */
const SENSITIVE: ReadonlyArray<{ path: string; holds: string; subtree: boolean }> = [
  { path: '/', holds: 'the node\'s whole file system', subtree: false },
  { path: '/etc', holds: 'the node\'s configuration, password and sudoers files', subtree: false },
  { path: '/etc/kubernetes', holds: 'the cluster\'s certificates and kubeconfigs', subtree: true },
  { path: '/root', holds: 'root\'s home directory with its credentials', subtree: true },
  { path: '/var/lib/kubelet', holds: 'the kubelet\'s data, including other pods\' secrets and tokens', subtree: true },
  { path: '/var/lib/etcd', holds: 'the cluster database', subtree: true },
  { path: '/var/lib/docker', holds: 'every container\'s file system', subtree: true },
  { path: '/var/lib/containerd', holds: 'every container\'s file system', subtree: true },
  { path: '/proc', holds: 'every process on the node and kernel controls', subtree: true },
  { path: '/sys', holds: 'kernel, cgroup and device controls', subtree: true },
  { path: '/dev', holds: 'the node\'s devices', subtree: false },
  { path: '/boot', holds: 'the kernel and boot loader', subtree: true },
  { path: '/usr', holds: 'the node\'s programs and libraries', subtree: false },
  { path: '/lib', holds: 'the node\'s libraries and kernel modules', subtree: false },
  { path: '/bin', holds: 'the node\'s programs', subtree: false },
  { path: '/sbin', holds: 'the node\'s system programs', subtree: false },
];

export interface HostPathRisk {
  readonly kind: 'socket' | 'sensitive';
  /** `is` (the path itself), `contains` (an ancestor of it) or `is inside` (below a sensitive tree). */
  readonly relation: 'is' | 'contains' | 'is inside';
  readonly target: string;
  readonly holds: string;
}

/** Normalises a host path the way the kubelet resolves it (no symlinks: `/var/run` is usually one to `/run`). */
export function normalizeHostPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.trim().split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function isAncestor(ancestor: string, path: string): boolean {
  return ancestor === '/' ? path !== '/' : path.startsWith(`${ancestor}/`);
}

/** What mounting `path` from the node exposes, most dangerous first; undefined for ordinary paths. */
export function hostPathRisk(path: string): HostPathRisk | undefined {
  const p = normalizeHostPath(path);
  for (const socket of RUNTIME_SOCKETS) {
    if (p === socket) return { kind: 'socket', relation: 'is', target: socket, holds: 'the container runtime socket' };
    // The root is reported as the whole file system below, which says more.
    if (p !== '/' && isAncestor(p, socket)) return { kind: 'socket', relation: 'contains', target: socket, holds: 'the container runtime socket' };
  }
  for (const entry of SENSITIVE) if (p === entry.path) return { kind: 'sensitive', relation: 'is', target: entry.path, holds: entry.holds };
  for (const entry of SENSITIVE) if (entry.subtree && isAncestor(entry.path, p)) return { kind: 'sensitive', relation: 'is inside', target: entry.path, holds: entry.holds };
  for (const entry of SENSITIVE) if (entry.path !== '/' && isAncestor(p, entry.path)) return { kind: 'sensitive', relation: 'contains', target: entry.path, holds: entry.holds };
  return undefined;
}
