/** @file ServiceAccounts declared next to the workloads that use them (same file for now), with their token automount setting. */
import type { K8sObject } from '../model/objects';

export interface ServiceAccountRecord {
  readonly name: string;
  readonly namespace: string | undefined;
  /** `automountServiceAccountToken` as written: true, false, or undefined when unset or not a boolean. */
  readonly automount: boolean | undefined;
}

export class ServiceAccountIndex {
  static readonly EMPTY = new ServiceAccountIndex([]);

  private readonly byKey = new Map<string, ServiceAccountRecord>();
  /** Part of the lint cache key: changes when a ServiceAccount's automount setting does. */
  readonly key: string;

  constructor(records: Iterable<ServiceAccountRecord>) {
    for (const record of records) if (!this.byKey.has(keyOf(record.namespace, record.name))) this.byKey.set(keyOf(record.namespace, record.name), record);
    this.key = JSON.stringify([...this.byKey.entries()].map(([k, r]) => [k, r.automount ?? null]).sort());
  }

  /**
   * The ServiceAccount a workload in `namespace` would use under `name`. A manifest without a
   * namespace lands in whatever namespace it is applied to, so it matches any namespace there.
   */
  find(namespace: string | undefined, name: string): ServiceAccountRecord | undefined {
    return this.byKey.get(keyOf(namespace, name)) ?? (namespace === undefined ? undefined : this.byKey.get(keyOf(undefined, name)));
  }
}

export function serviceAccountsIn(objects: readonly K8sObject[]): ServiceAccountRecord[] {
  const out: ServiceAccountRecord[] = [];
  for (const object of objects) {
    if (object.kind !== 'ServiceAccount' || object.apiVersion !== 'v1' || !object.name) continue;
    const automount = object.map.scalar('automountServiceAccountToken');
    out.push({ name: object.name, namespace: object.namespace, automount: typeof automount === 'boolean' ? automount : undefined });
  }
  return out;
}

function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}\u0000${name}`;
}
