/**
 * @file The workspace index: every file's facts, filed by (type, namespace), and who read what.
 * Pure: callers feed it facts (from lint results or `indexText`) and ask which files must be
 * checked again. A file's contribution to each (type, namespace) key is digested without source
 * positions, so an edit that only moves text (a comment, a reordered key) changes nothing
 * downstream; an edit that changes a fact re-checks exactly the files that read that key.
 */
import type { Placed, WorkspaceView } from './context';
import { CLUSTER_SCOPED, withoutPositions, type Fact, type FactOf, type FactType } from './facts';
import { claimedNamespace, claimsOf, patchFilesOf, type NamespaceClaim } from './kustomize';
import { WorkspaceNamespaces, type NamespaceIndex } from './namespaces';

export interface IndexUpdate {
  /** Files whose workspace findings may have changed: the file itself and every file that read a key that changed. */
  readonly affected: ReadonlySet<string>;
  /** Namespace Pod Security labels changed: lints given `namespaces()` are out of date. */
  readonly namespacesChanged: boolean;
  /** Whether anything the file contributes changed (positions aside): if not, its own workspace findings only moved. */
  readonly ownChanged: boolean;
}

interface Contribution {
  readonly records: readonly Placed[];
  readonly digest: string;
}

interface FileEntry {
  readonly facts: readonly Fact[];
  readonly claimed: string | undefined;
  /** Named as a patch by a kustomization: its objects are partial edits of others, so it contributes nothing. */
  readonly patch: boolean;
  readonly contributions: ReadonlyMap<string, Contribution>;
}

const WILDCARD = '*';

export class WorkspaceIndex {
  private readonly entries = new Map<string, FileEntry>();
  /** key → file → that file's records under the key. */
  private readonly buckets = new Map<string, Map<string, readonly Placed[]>>();
  /** Flattened, ordered bucket contents (and `type:*` unions), built on first read after a change. */
  private readonly lists = new Map<string, ReadonlyArray<Placed>>();
  private readonly readers = new Map<string, Set<string>>();
  private readonly reads = new Map<string, Set<string>>();
  private claims: NamespaceClaim[] = [];
  private patches = new Set<string>();
  private readonly podSecurity = new WorkspaceNamespaces();

  get size(): number {
    return this.entries.size;
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  files(): string[] {
    return [...this.entries.keys()];
  }

  /** The Namespaces' Pod Security labels, for `LintOptions.namespaces`. */
  namespaces(): NamespaceIndex {
    return this.podSecurity.index();
  }

  /** Records (or replaces) a file's facts. */
  set(uri: string, facts: readonly Fact[]): IndexUpdate {
    const affected = new Set<string>([uri]);
    const changed = new Set<string>();
    const before = this.entries.get(uri);
    const claimsBefore = JSON.stringify(this.kustomizeFrom(uri, before?.facts ?? []));
    const claimsAfter = JSON.stringify(this.kustomizeFrom(uri, facts));
    this.store(uri, facts, changed);
    if (claimsBefore !== claimsAfter) this.reclaim(changed, affected);
    const namespacesChanged = this.podSecurity.set(uri, facts.flatMap((f) => (f.type === 'namespace' ? [{ name: f.name!, labels: f.podSecurityLabels }] : [])));
    this.collectReaders(changed, affected);
    return { affected, namespacesChanged, ownChanged: changed.size > 0 || claimsBefore !== claimsAfter || before?.patch !== this.entries.get(uri)?.patch };
  }

  delete(uri: string): IndexUpdate {
    if (!this.entries.has(uri)) return { affected: new Set(), namespacesChanged: false, ownChanged: false };
    const update = this.set(uri, []);
    this.entries.delete(uri);
    this.forgetReads(uri);
    const affected = new Set(update.affected);
    affected.delete(uri);
    return { affected, namespacesChanged: update.namespacesChanged, ownChanged: true };
  }

  /** A file's own facts, placed in their namespaces. */
  placed(uri: string): Placed[] {
    const entry = this.entries.get(uri);
    if (!entry || entry.patch) return [];
    return entry.facts.map((fact) => ({ uri, fact, namespace: this.namespaceOf(fact, entry.claimed) }));
  }

  /** A view for checking `uri`: forgets what the last check of `uri` read, and records what this one reads. */
  view(uri: string): WorkspaceView {
    this.forgetReads(uri);
    const reads = new Set<string>();
    this.reads.set(uri, reads);
    return {
      list: <T extends FactType>(type: T, namespace?: string) => {
        const key = keyOf(type, namespace ?? WILDCARD);
        if (!reads.has(key)) {
          reads.add(key);
          let set = this.readers.get(key);
          if (!set) this.readers.set(key, (set = new Set()));
          set.add(uri);
        }
        return this.list(key, type) as ReadonlyArray<Placed<FactOf<T>>>;
      },
      hasFile: (other: string) => this.entries.has(other),
    };
  }

  /** The keys the last check of `uri` read (for tests and the benchmark). */
  readsOf(uri: string): string[] {
    return [...(this.reads.get(uri) ?? [])].sort();
  }

  private store(uri: string, facts: readonly Fact[], changed: Set<string>): void {
    const before = this.entries.get(uri);
    const claimed = this.claimed(uri);
    const patch = this.patches.has(uri);
    const grouped = new Map<string, Placed[]>();
    for (const fact of patch ? [] : facts) {
      const namespace = this.namespaceOf(fact, claimed);
      const key = keyOf(fact.type, namespace);
      let records = grouped.get(key);
      if (!records) grouped.set(key, (records = []));
      records.push({ uri, fact, namespace });
    }
    const contributions = new Map<string, Contribution>();
    for (const [key, records] of grouped) contributions.set(key, { records, digest: JSON.stringify(records.map((r) => r.fact), withoutPositions) });
    for (const key of new Set([...(before?.contributions.keys() ?? []), ...contributions.keys()])) {
      const old = before?.contributions.get(key);
      const next = contributions.get(key);
      if (old?.digest !== next?.digest) changed.add(key);
      // Positions may move without the digest changing: keep the bucket's records current either way.
      if (old?.records !== next?.records) this.file(key, uri, next?.records);
    }
    this.entries.set(uri, { facts, claimed, patch, contributions });
  }

  private file(key: string, uri: string, records: readonly Placed[] | undefined): void {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new Map()));
    if (records) bucket.set(uri, records);
    else bucket.delete(uri);
    this.lists.delete(key);
    this.lists.delete(keyOf(typeOfKey(key), WILDCARD));
  }

  private list(key: string, type: FactType): ReadonlyArray<Placed> {
    let list = this.lists.get(key);
    if (list) return list;
    const sources = key.endsWith(`:${WILDCARD}`) ? [...this.buckets].filter(([k]) => typeOfKey(k) === type).map(([, b]) => b) : [this.buckets.get(key)].filter((b) => b !== undefined);
    const byFile = sources.flatMap((bucket) => [...bucket]);
    byFile.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    list = byFile.flatMap(([, records]) => records);
    this.lists.set(key, list);
    return list;
  }

  private namespaceOf(fact: Fact, claimed: string | undefined): string {
    // A Namespace is filed under its own name, so a question about one namespace reads only its declarations.
    if (fact.type === 'namespace') return fact.name ?? '';
    if (CLUSTER_SCOPED.has(fact.type) || (fact.type === 'binding' && fact.kind === 'ClusterRoleBinding')) return '';
    return claimed ?? fact.namespace ?? '';
  }

  private claimed(uri: string): string | undefined {
    return claimedNamespace(uri, this.claims);
  }

  /** What a file's kustomization says about other files: the namespaces it gives them, the patches it names. */
  private kustomizeFrom(uri: string, facts: readonly Fact[]): { claims: NamespaceClaim[]; patches: string[] } {
    const fact = facts.find((f) => f.type === 'kustomization');
    return fact?.type === 'kustomization' ? { claims: claimsOf(uri, fact), patches: patchFilesOf(uri, fact) } : { claims: [], patches: [] };
  }

  /** A kustomization changed: re-file every file whose namespace or patch status moved. */
  private reclaim(changed: Set<string>, affected: Set<string>): void {
    const all = [...this.entries].map(([uri, entry]) => this.kustomizeFrom(uri, entry.facts));
    this.claims = all.flatMap((k) => k.claims);
    this.patches = new Set(all.flatMap((k) => k.patches));
    for (const [uri, entry] of this.entries) {
      if (this.claimed(uri) === entry.claimed && this.patches.has(uri) === entry.patch) continue;
      this.store(uri, entry.facts, changed);
      affected.add(uri);
    }
  }

  private collectReaders(changed: ReadonlySet<string>, affected: Set<string>): void {
    for (const key of changed) {
      for (const reader of this.readers.get(key) ?? []) affected.add(reader);
      for (const reader of this.readers.get(keyOf(typeOfKey(key), WILDCARD)) ?? []) affected.add(reader);
    }
  }

  private forgetReads(uri: string): void {
    for (const key of this.reads.get(uri) ?? []) this.readers.get(key)?.delete(uri);
    this.reads.delete(uri);
  }
}

function keyOf(type: string, namespace: string): string {
  return `${type}:${namespace}`;
}

function typeOfKey(key: string): FactType {
  return key.slice(0, key.indexOf(':')) as FactType;
}
