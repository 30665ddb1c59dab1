/**
 * @file NetworkPolicy as the API defines it, read into plain data:
 * - an absent or empty `podSelector` selects every pod of the namespace;
 * - `policyTypes` absent (or empty) defaults to Ingress, plus Egress only when `egress` has at
 *   least one rule, so `egress: []` without policyTypes isolates nothing (SetDefaults_NetworkPolicy);
 * - a direction in policyTypes with no rules denies all traffic that way;
 * - a rule whose `from`/`to` is absent or empty allows every peer; `ports` absent or empty allows every port;
 * - a peer with podSelector alone means pods of the policy's namespace, with namespaceSelector
 *   alone all pods of the matching namespaces, with both the matching pods of the matching namespaces;
 * - a peer with none of podSelector, namespaceSelector and ipBlock is rejected by the API server.
 */
import type { Node } from 'yaml';
import type { K8sObject } from '../model/objects';
import type { MapView, Span } from '../model/node';
import { matchesLabels, readSelector, SELECT_ALL, type LabelSelector, type Labels } from './selectors';

export interface PolicyPort {
  /** TCP when not written (SetDefaults_NetworkPolicyPort). */
  readonly protocol: string;
  readonly port: number | string | undefined;
  readonly endPort: number | undefined;
}

export interface IpBlock {
  readonly cidr: string;
  readonly except: readonly string[];
}

export interface Peer {
  readonly podSelector: LabelSelector | undefined;
  readonly namespaceSelector: LabelSelector | undefined;
  readonly ipBlock: IpBlock | undefined;
  readonly at: Span;
  readonly podSelectorAt: Span | undefined;
  readonly namespaceSelectorAt: Span | undefined;
}

export interface PolicyRule {
  /** Empty: every peer (the key was absent or `[]`). */
  readonly peers: readonly Peer[];
  /** Empty: every port. */
  readonly ports: readonly PolicyPort[];
  readonly at: Span;
}

export interface NetworkPolicyModel {
  readonly podSelector: LabelSelector;
  readonly podSelectorAt: Span;
  /** After policyTypes defaulting. */
  readonly isolatesIngress: boolean;
  readonly isolatesEgress: boolean;
  readonly ingress: readonly PolicyRule[];
  readonly egress: readonly PolicyRule[];
  /** What makes the policy isolate egress: its `Egress` policy type, else its `egress` key. */
  readonly egressAt: Span | undefined;
}

type SpanOf = (node: Node | null | undefined) => Span | undefined;

/** Reads a NetworkPolicy; `spanOf` places nodes (segment-relative for rules, file offsets for the index). */
export function readNetworkPolicy(object: K8sObject, spanOf: SpanOf): NetworkPolicyModel | undefined {
  if (object.kind !== 'NetworkPolicy' || !['networking.k8s.io/v1', 'extensions/v1beta1'].includes(object.apiVersion)) return undefined;
  const spec = object.map.map('spec');
  const anchor = spanOf(object.anchor)!;
  const selectorEntry = spec?.get('podSelector');
  const podSelector = readSelector(spec?.map('podSelector')) ?? SELECT_ALL;
  const ingress = readRules(spec, 'ingress', 'from', spanOf);
  const egress = readRules(spec, 'egress', 'to', spanOf);
  const typeItems = spec?.seq('policyTypes')?.strings() ?? [];
  const types = typeItems.map((t) => t.value);
  const defaulted = types.length === 0;
  return {
    podSelector,
    podSelectorAt: spanOf(selectorEntry?.keyNode) ?? anchor,
    isolatesIngress: defaulted || types.includes('Ingress'),
    isolatesEgress: defaulted ? egress.length > 0 : types.includes('Egress'),
    ingress,
    egress,
    egressAt: spanOf(typeItems.find((t) => t.value === 'Egress')?.node) ?? spanOf(spec?.get('egress')?.keyNode),
  };
}

function readRules(spec: MapView | undefined, key: 'ingress' | 'egress', peersKey: 'from' | 'to', spanOf: SpanOf): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const item of spec?.seq(key)?.maps() ?? []) {
    const peers: Peer[] = [];
    for (const peer of item.map.seq(peersKey)?.maps() ?? []) {
      const block = peer.map.map('ipBlock');
      peers.push({
        podSelector: readSelector(peer.map.map('podSelector')),
        namespaceSelector: readSelector(peer.map.map('namespaceSelector')),
        ipBlock: block ? { cidr: block.string('cidr') ?? '', except: (block.seq('except')?.strings() ?? []).map((s) => s.value) } : undefined,
        at: spanOf(peer.node)!,
        podSelectorAt: spanOf(peer.map.get('podSelector')?.keyNode),
        namespaceSelectorAt: spanOf(peer.map.get('namespaceSelector')?.keyNode),
      });
    }
    const ports: PolicyPort[] = [];
    for (const port of item.map.seq('ports')?.maps() ?? []) {
      const value = port.map.scalar('port');
      const endPort = port.map.scalar('endPort');
      ports.push({
        protocol: port.map.string('protocol') ?? 'TCP',
        port: typeof value === 'number' || typeof value === 'string' ? value : undefined,
        endPort: typeof endPort === 'number' ? endPort : undefined,
      });
    }
    rules.push({ peers, ports, at: spanOf(item.node)! });
  }
  return rules;
}

export function selectsPod(policy: NetworkPolicyModel, podLabels: Labels): boolean {
  return matchesLabels(policy.podSelector, podLabels);
}

/** A rule allowing every peer on every port: a policy holding one denies nothing in that direction. */
export function allowsEverything(rule: PolicyRule): boolean {
  return rule.peers.length === 0 && rule.ports.length === 0;
}

/** Where cluster DNS runs on every distribution we know of (kube-dns and CoreDNS keep the k8s-app=kube-dns label). */
export const DNS_NAMESPACE = 'kube-system';
export const DNS_POD_LABELS: Labels = Object.freeze({ 'k8s-app': 'kube-dns' });

/**
 * Whether an egress rule lets a pod reach the cluster DNS over UDP 53. A rule that names port 53
 * (or the `dns` port) explicitly is trusted about where DNS lives: some clusters run it elsewhere.
 */
export function allowsDns(rule: PolicyRule, policyNamespace: string, labelsOfNamespace: (name: string) => Labels): boolean {
  const udp53 = rule.ports.length === 0 || rule.ports.some((p) => p.protocol === 'UDP' && coversDnsPort(p));
  if (!udp53) return false;
  if (rule.peers.length === 0) return true;
  if (rule.ports.some((p) => p.port !== undefined && coversDnsPort(p))) return true;
  return rule.peers.some((peer) => {
    if (peer.ipBlock) return true;
    const podOk = !peer.podSelector || matchesLabels(peer.podSelector, DNS_POD_LABELS);
    if (peer.namespaceSelector) return podOk && matchesLabels(peer.namespaceSelector, labelsOfNamespace(DNS_NAMESPACE));
    return podOk && policyNamespace === DNS_NAMESPACE;
  });
}

function coversDnsPort(port: PolicyPort): boolean {
  if (port.port === undefined || port.port === 'dns' || port.port === 53) return true;
  return typeof port.port === 'number' && port.endPort !== undefined && port.port <= 53 && 53 <= port.endPort;
}

/** The DNS egress rule kubeguard writes: UDP and TCP 53 to kube-dns in kube-system. */
export const DNS_EGRESS_RULE = {
  to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': DNS_NAMESPACE } }, podSelector: { matchLabels: { ...DNS_POD_LABELS } } }],
  ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
} as const;
