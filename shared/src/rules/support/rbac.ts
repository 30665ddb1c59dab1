/**
 * @file RBAC objects read as the authorizer reads them: the PolicyRules of a Role or ClusterRole,
 * which list items grant a (group, resource, verb), and the subjects and roleRef of a binding.
 */
import { isScalar, isSeq, type Node, type Scalar, type YAMLSeq } from 'yaml';
import type { YamlEditor } from '../../edits/editor';
import type { Reference } from '../../engine/rule';
import { SeqView, valueAt, type MapView } from '../../model/node';
import type { K8sObject } from '../../model/objects';
import { apiGroup } from '../../model/workload';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';
export const READ_VERBS: ReadonlySet<string> = new Set(['get', 'list', 'watch']);
export const WRITE_VERBS: ReadonlySet<string> = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);
/** The read-only verbs the wildcard fix writes, in this order. */
export const READ_ONLY_LIST = ['get', 'list', 'watch'] as const;

export const rbacReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Role Based Access Control good practices',
  url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
};

/** One string item of a list in a rule, with where it is written. */
export interface Item {
  readonly value: string;
  readonly node: Node;
  readonly index: number;
}

export interface PolicyRule {
  readonly index: number;
  readonly map: MapView;
  readonly apiGroups: readonly Item[];
  readonly resources: readonly Item[];
  readonly verbs: readonly Item[];
  readonly resourceNames: readonly Item[];
  readonly nonResourceURLs: readonly Item[];
  /** The verbs list, when it is a list written in this rule (not behind an alias or a merge), so a fix may edit it. */
  readonly verbsSeq?: SeqView;
}

export function isRbacKind(object: K8sObject, ...kinds: string[]): boolean {
  return apiGroup(object.apiVersion) === RBAC_GROUP && kinds.includes(object.kind);
}

/** A list's string items; a list reached through an alias or merge is reported where it is referenced. */
function itemsOf(map: MapView, key: string): Item[] {
  const entry = map.get(key);
  if (!entry) return [];
  const borrowed = entry.valueNode !== entry.value || entry.mergedVia ? valueAt(entry) : undefined;
  return map.seq(key)?.strings().map((s) => ({ value: s.value, node: borrowed ?? s.node, index: s.index })) ?? [];
}

/** The user-facing ClusterRoles every cluster ships; a manifest that contains them is a copy of the defaults, not a decision. */
export const BOOTSTRAP_CLUSTER_ROLES: ReadonlySet<string> = new Set(['cluster-admin', 'admin', 'edit', 'view']);

/**
 * The rules of a Role or ClusterRole. An aggregated ClusterRole's rules are filled in by the
 * controller, and the bootstrap ClusterRoles are Kubernetes' own, so neither has rules to judge.
 */
export function policyRules(object: K8sObject): PolicyRule[] {
  if (!isRbacKind(object, 'Role', 'ClusterRole')) return [];
  if (object.kind === 'ClusterRole' && BOOTSTRAP_CLUSTER_ROLES.has(object.name ?? '')) return [];
  return (object.map.seq('rules')?.maps() ?? []).map(({ index, map }) => {
    const verbsEntry = map.get('verbs');
    // A list that is anchored or aliased is shared with other rules: editing it would change them too.
    const editable = verbsEntry?.value && isSeq(verbsEntry.value) && verbsEntry.valueNode === verbsEntry.value && !verbsEntry.mergedVia && !(verbsEntry.value as YAMLSeq).anchor;
    const seq = editable ? new SeqView(map.doc, verbsEntry.value as YAMLSeq) : undefined;
    return {
      index,
      map,
      apiGroups: itemsOf(map, 'apiGroups'),
      resources: itemsOf(map, 'resources'),
      verbs: itemsOf(map, 'verbs'),
      resourceNames: itemsOf(map, 'resourceNames'),
      nonResourceURLs: itemsOf(map, 'nonResourceURLs'),
      ...(seq ? { verbsSeq: seq } : {}),
    };
  });
}

/** Whether a rule applies to an API group (the core group is ""). */
export function coversGroup(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.some((g) => g.value === group || g.value === '*');
}

/** Resource items that grant `resource` (`pods`, or a subresource such as `pods/exec`), as the authorizer matches them. */
export function resourceItems(rule: PolicyRule, resource: string): Item[] {
  const [base, sub] = resource.split('/') as [string, string | undefined];
  return rule.resources.filter((r) => r.value === '*' || r.value === resource || (sub !== undefined && (r.value === `${base}/*` || r.value === `*/${sub}`)));
}

/** Verb items among `verbs`, or `*`. */
export function verbItems(rule: PolicyRule, verbs: Iterable<string>): Item[] {
  const wanted = new Set(verbs);
  return rule.verbs.filter((v) => v.value === '*' || wanted.has(v.value));
}

/**
 * The first item a finding about `(group, resource, verbs)` goes on, or undefined when the rule
 * does not grant it. `skipWildcards` leaves `*` resources to rbac-wildcard, which reports them.
 */
export function grantedAt(rule: PolicyRule, group: string, resource: string, verbs: Iterable<string>, skipWildcards: boolean): Item | undefined {
  if (!coversGroup(rule, group) || verbItems(rule, verbs).length === 0) return undefined;
  const items = resourceItems(rule, resource).filter((r) => !(skipWildcards && r.value === '*'));
  return items[0];
}

/** True when resourceNames narrows the rule, which it can for every verb except create, list, watch and deletecollection. */
export function narrowedByName(rule: PolicyRule): boolean {
  return rule.resourceNames.length > 0 && !rule.verbs.some((v) => ['*', 'create', 'list', 'watch', 'deletecollection'].includes(v.value));
}

export interface Subject {
  readonly index: number;
  readonly node: Node;
  /** The `name` value, where findings about the subject go (the item itself when it has no name). */
  readonly at: Node;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
}

export interface Binding {
  readonly roleKind: string;
  readonly roleName: string;
  /** The roleRef name value, where findings about the role go. */
  readonly roleNameNode: Node;
  readonly subjects: readonly Subject[];
  readonly subjectsSeq: SeqView | undefined;
  /** Whether subjects are written in this document (not behind an alias), so an item can be removed. */
  readonly subjectsEditable: boolean;
}

export function bindingOf(object: K8sObject): Binding | undefined {
  if (!isRbacKind(object, 'RoleBinding', 'ClusterRoleBinding')) return undefined;
  const roleRef = object.map.map('roleRef');
  const nameEntry = roleRef?.get('name');
  const roleName = roleRef?.string('name');
  if (!roleRef || !nameEntry || roleName === undefined) return undefined;
  const subjectsEntry = object.map.get('subjects');
  const subjectsSeq = object.map.seq('subjects');
  const subjects: Subject[] = (subjectsSeq?.maps() ?? []).map(({ index, node, map }) => ({
    index,
    node,
    at: (map.get('name')?.valueNode as Node | null | undefined) ?? node,
    kind: map.string('kind') ?? '',
    name: map.string('name') ?? '',
    namespace: map.string('namespace'),
  }));
  return {
    roleKind: roleRef.string('kind') ?? 'ClusterRole',
    roleName,
    roleNameNode: (nameEntry.valueNode ?? nameEntry.keyNode) as Node,
    subjects,
    subjectsSeq,
    subjectsEditable: Boolean(subjectsEntry && subjectsEntry.valueNode === subjectsEntry.value && !subjectsEntry.mergedVia),
  };
}

/** ServiceAccounts are also named as users `system:serviceaccount:<ns>:<name>`. */
export function serviceAccountOf(subject: Subject): { namespace: string | undefined; name: string } | undefined {
  if (subject.kind === 'ServiceAccount') return { namespace: subject.namespace, name: subject.name };
  const m = subject.kind === 'User' ? /^system:serviceaccount:([^:]+):([^:]+)$/.exec(subject.name) : null;
  return m ? { namespace: m[1], name: m[2]! } : undefined;
}

/** `Role "name"` for messages. */
export function roleLabel(object: K8sObject): string {
  return `${object.kind} "${object.name ?? '?'}"`;
}

export function describeSubject(subject: Subject): string {
  return subject.namespace ? `${subject.kind} ${subject.namespace}/${subject.name}` : `${subject.kind} ${subject.name}`;
}

/**
 * Replaces a `*` verb with the read-only verbs the rule does not list yet, in the list's own
 * style (flow or block, quoted or plain). A `*` whose read verbs are all present is removed.
 */
export function replaceWildcardVerb(editor: YamlEditor, rule: PolicyRule, star: Item, text: string): void {
  const seq = rule.verbsSeq;
  if (!seq) return;
  const present = new Set(rule.verbs.map((v) => v.value));
  const missing = READ_ONLY_LIST.filter((v) => !present.has(v));
  if (missing.length === 0) {
    editor.deleteItem(seq, star.index);
    return;
  }
  const scalar = star.node as Scalar;
  if (!isScalar(scalar)) return;
  const quote = scalar.type === 'QUOTE_SINGLE' ? "'" : scalar.type === 'QUOTE_DOUBLE' ? '"' : '';
  const words = missing.map((v) => `${quote}${v}${quote}`);
  const [start, end] = [star.node.range![0], star.node.range![1]];
  if (seq.flow) {
    editor.replace(start, end, words.join(', '));
    return;
  }
  const dash = text.lastIndexOf('-', start);
  const indent = ' '.repeat(dash - text.lastIndexOf('\n', dash) - 1);
  editor.replace(start, end, words.join(`\n${indent}- `));
}
