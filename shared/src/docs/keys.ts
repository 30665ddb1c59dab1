/**
 * @file Hovers on security-relevant keys that have no finding: what the key does, its secure
 * value, and the rest (why, example, references, peers) from the metadata of the rule that
 * checks it, so a key's hover and its rule's docs never disagree.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { RuleMeta } from '../engine/rule';
import type { Segment } from '../model/parse';
import { renderKeyHover } from './render';

export interface KeyDoc {
  /** The key as written. */
  readonly key: string;
  /** The keys this key must sit under, nearest last (`*` matches any key or list index). */
  readonly under: readonly string[];
  readonly what: string;
  readonly secure: string;
  /** The rule whose metadata supplies why, example, references and peers. */
  readonly rule: string;
}

const SC = ['securityContext'];
const POD_SPEC = ['spec'];

export const KEY_DOCS: readonly KeyDoc[] = [
  { key: 'privileged', under: SC, rule: 'privileged-container', what: 'Runs the container with every Linux capability and access to all host devices, outside seccomp and AppArmor confinement.', secure: '`false`, or leave it out.' },
  { key: 'allowPrivilegeEscalation', under: SC, rule: 'allow-privilege-escalation', what: 'Whether a process may gain more privileges than its parent (setuid binaries, file capabilities); controls the no_new_privs flag.', secure: '`false`, set explicitly: the default is true.' },
  { key: 'runAsNonRoot', under: SC, rule: 'run-as-non-root', what: 'Makes the kubelet refuse to start the container if its user would be UID 0.', secure: '`true`, on the pod or on every container.' },
  { key: 'runAsUser', under: SC, rule: 'run-as-non-root', what: 'The UID the container process runs as, overriding the image USER.', secure: 'a non-zero UID (many teams use 10000 or above).' },
  { key: 'capabilities', under: SC, rule: 'capabilities-drop-all', what: 'Linux capabilities to drop from or add to the runtime default set.', secure: '`drop: [ALL]`, adding back only what is needed (at most `NET_BIND_SERVICE` under the restricted profile).' },
  { key: 'readOnlyRootFilesystem', under: SC, rule: 'read-only-root-filesystem', what: 'Mounts the container image read-only, so nothing can be written outside volumes.', secure: '`true`, with emptyDir volumes where the program must write.' },
  { key: 'seccompProfile', under: SC, rule: 'seccomp-profile', what: 'The seccomp filter that limits which system calls the container may make.', secure: '`type: RuntimeDefault` (or `Localhost` with a reviewed profile), never `Unconfined`.' },
  { key: 'appArmorProfile', under: SC, rule: 'apparmor-profile', what: 'The AppArmor profile confining the container.', secure: '`type: RuntimeDefault` or `Localhost`, never `Unconfined`.' },
  { key: 'seLinuxOptions', under: SC, rule: 'selinux-options', what: 'The SELinux context of the container.', secure: 'leave it out, or only an allowed `type` (container_t, container_init_t, container_kvm_t, container_engine_t); never `user` or `role`.' },
  { key: 'procMount', under: SC, rule: 'proc-mount', what: 'Whether /proc is masked as usual (`Default`) or fully exposed (`Unmasked`).', secure: '`Default`, or leave it out.' },
  { key: 'hostNetwork', under: POD_SPEC, rule: 'host-namespaces', what: 'Puts the pod in the node\'s network namespace: it sees all node traffic and can bind node ports.', secure: '`false`, or leave it out.' },
  { key: 'hostPID', under: POD_SPEC, rule: 'host-namespaces', what: 'Puts the pod in the node\'s process namespace: it can see and signal every process on the node.', secure: '`false`, or leave it out.' },
  { key: 'hostIPC', under: POD_SPEC, rule: 'host-namespaces', what: 'Puts the pod in the node\'s IPC namespace: shared memory of host processes becomes readable.', secure: '`false`, or leave it out.' },
  { key: 'hostPath', under: ['volumes', '*'], rule: 'host-path-volume', what: 'Mounts a file or directory of the node into the pod.', secure: 'avoid it: use configMap, secret, emptyDir or a PersistentVolumeClaim.' },
  { key: 'hostPort', under: ['ports', '*'], rule: 'host-ports', what: 'Binds a port of the node to the container, bypassing Services and NetworkPolicies.', secure: 'leave it out; expose the pod through a Service.' },
  { key: 'automountServiceAccountToken', under: [], rule: 'automount-service-account-token', what: 'Whether the pod gets an API token for its ServiceAccount mounted at /var/run/secrets/kubernetes.io/serviceaccount.', secure: '`false` unless the workload calls the Kubernetes API.' },
  { key: 'verbs', under: ['rules', '*'], rule: 'rbac-wildcard', what: 'The API actions this RBAC rule allows on its resources.', secure: 'an explicit list, as short as possible (e.g. `get`, `list`, `watch`); never `*`.' },
  { key: 'podSelector', under: ['spec'], rule: 'network-policy-default-deny', what: 'The pods this NetworkPolicy applies to; `{}` selects every pod in the namespace.', secure: 'a default-deny policy with `podSelector: {}` plus narrower allow policies.' },
];

/** The keys (and list indexes, as '*') from the document root down to the pair whose key holds `offset`, and that pair. */
export function keyPathAt(segment: Segment, offset: number): { path: string[]; pair: Pair<Node, Node | null> } | undefined {
  const path: string[] = [];
  let node = segment.doc?.contents as Node | null | undefined;
  for (let depth = 0; node && depth < 64; depth++) {
    if (isMap(node)) {
      const pair = ((node as YAMLMap).items as Array<Pair<Node, Node | null>>).find((p) => within(p.key, offset) || within(p.value, offset));
      if (!pair || !isScalar(pair.key)) return undefined;
      path.push(String((pair.key as Scalar).value));
      if (within(pair.key, offset)) return { path, pair };
      node = pair.value;
    } else if (isSeq(node)) {
      path.push('*');
      node = ((node as YAMLSeq).items as Node[]).find((i) => within(i, offset));
    } else return undefined;
  }
  return undefined;
}

function within(node: Node | null | undefined, offset: number): boolean {
  const range = node?.range;
  return Boolean(range && offset >= range[0] && offset <= range[1]);
}

/** The doc for the key at the end of `path`, if it is a security-relevant key in the right place. */
export function keyDocFor(path: readonly string[]): KeyDoc | undefined {
  const key = path[path.length - 1];
  return KEY_DOCS.find((doc) => doc.key === key && doc.under.every((u, i) => {
    const at = path[path.length - 1 - doc.under.length + i];
    return at !== undefined && (u === '*' || u === at);
  }));
}

/** Markdown for the key under the cursor, or undefined. */
export function keyHover(segment: Segment, offset: number, ruleMeta: (id: string) => RuleMeta | undefined): { markdown: string; start: number; end: number } | undefined {
  const found = keyPathAt(segment, offset);
  const doc = found && keyDocFor(found.path);
  const range = found?.pair.key?.range;
  if (!doc || !range) return undefined;
  return { markdown: renderKeyHover(doc, ruleMeta(doc.rule)), start: range[0], end: range[1] };
}
