/**
 * @file The Namespaces a workspace declares, with their Pod Security admission labels, so a
 * workload can be held to the policy of the namespace it will run in. Pure: callers (the server,
 * the CLI, tests) feed it texts or lint results; nothing here reads files.
 */
import { scalarOf } from '../model/node';
import type { K8sObject } from '../model/objects';
import { objectsOf } from '../model/objects';
import { parseSegment, splitDocuments } from '../model/parse';
import { LABEL_PREFIX } from '../pss/levels';

/** One Namespace manifest: its name and its `pod-security.kubernetes.io/*` labels (as written). */
export interface NamespaceRecord {
  readonly name: string;
  /** Only the Pod Security admission labels: no other label changes a verdict. */
  readonly labels: Readonly<Record<string, unknown>>;
  /** Where it was found (a URI or path); for messages and to order duplicates. */
  readonly source?: string;
}

/**
 * Namespaces by name. When several manifests declare the same name (overlays, copies), the one
 * in the file being linted wins; among other files the first source in sort order wins, so the
 * answer never depends on the order files were opened.
 */
export class NamespaceIndex {
  static readonly EMPTY = new NamespaceIndex([]);

  private readonly byName = new Map<string, NamespaceRecord>();
  /** A stable text that changes exactly when a verdict could: part of the lint cache key. */
  readonly key: string;

  constructor(records: Iterable<NamespaceRecord>, ordered = false) {
    const list = ordered ? [...records] : [...records].sort((a, b) => compare(a.source ?? '', b.source ?? ''));
    for (const record of list) if (!this.byName.has(record.name)) this.byName.set(record.name, record);
    const names = [...this.byName.keys()].sort(compare);
    this.key = JSON.stringify(names.map((name) => [name, sortedEntries(this.byName.get(name)!.labels)]));
  }

  get(name: string): NamespaceRecord | undefined {
    return this.byName.get(name);
  }

  get size(): number {
    return this.byName.size;
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** This index with `records` (typically the Namespaces of the file being linted) taking precedence. */
  overriddenBy(records: readonly NamespaceRecord[]): NamespaceIndex {
    if (records.length === 0) return this;
    return new NamespaceIndex([...records, ...this.byName.values()], true);
  }
}

/** The Namespace objects among parsed objects. */
export function namespacesIn(objects: readonly K8sObject[], source?: string): NamespaceRecord[] {
  const out: NamespaceRecord[] = [];
  for (const object of objects) {
    if (object.kind !== 'Namespace' || object.apiVersion !== 'v1' || !object.name) continue;
    const labels: Record<string, unknown> = {};
    const map = object.metadata?.map('labels');
    for (const entry of map?.entries() ?? []) {
      if (!entry.key.startsWith(LABEL_PREFIX)) continue;
      labels[entry.key] = scalarOf(entry) ?? null;
    }
    out.push(source === undefined ? { name: object.name, labels } : { name: object.name, labels, source });
  }
  return out;
}

/** Parses a file's text and returns its Namespaces (for indexing files that are not open). */
export function collectNamespaces(text: string, source?: string): NamespaceRecord[] {
  // Cheap pre-check: most files declare no Namespace and need no parse.
  if (!/\bkind\s*["']?\s*:\s*["']?Namespace\b/.test(text)) return [];
  const objects = splitDocuments(text).flatMap((piece) => {
    const segment = parseSegment(piece.base, piece.text);
    return segment.problems.length === 0 ? objectsOf(segment) : [];
  });
  return namespacesIn(objects, source);
}

/**
 * The Namespaces of a whole workspace, file by file: update a file when it changes, and hand
 * `index()` to every lint. `set` and `delete` say whether the index changed, so a caller knows
 * when to re-lint other files.
 */
export class WorkspaceNamespaces {
  private readonly byFile = new Map<string, readonly NamespaceRecord[]>();
  private cached: NamespaceIndex | undefined;

  set(source: string, records: readonly NamespaceRecord[]): boolean {
    const before = this.byFile.get(source) ?? [];
    const stamped = records.map((r) => ({ ...r, source }));
    if (JSON.stringify(before) === JSON.stringify(stamped)) return false;
    if (stamped.length === 0) this.byFile.delete(source);
    else this.byFile.set(source, stamped);
    this.cached = undefined;
    return true;
  }

  /** Convenience: parse `text` and record its Namespaces. */
  update(source: string, text: string): boolean {
    return this.set(source, collectNamespaces(text, source));
  }

  delete(source: string): boolean {
    return this.set(source, []);
  }

  index(): NamespaceIndex {
    this.cached ??= new NamespaceIndex([...this.byFile.values()].flat());
    return this.cached;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedEntries(labels: Readonly<Record<string, unknown>>): Array<[string, unknown]> {
  return Object.entries(labels).sort(([a], [b]) => compare(a, b));
}
