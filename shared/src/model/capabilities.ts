/** @file Linux capability names as Kubernetes manifests write them, and the ones that amount to owning the node. */

/** Capabilities that amount to control of the node (kernel modules, raw devices, eBPF, all-powerful SYS_ADMIN). */
export const NODE_TAKEOVER_CAPABILITIES: ReadonlySet<string> = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_PTRACE', 'SYS_BOOT', 'DAC_READ_SEARCH', 'BPF', 'MAC_ADMIN', 'MAC_OVERRIDE']);

/**
 * Capability names are written with or without the CAP_ prefix and in any case, and container
 * runtimes accept all of them. (Pod Security admission does not: it compares names exactly.)
 */
export function canonicalCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}
