/** @file The other objects of the file being linted, for rules about one object that depend on its neighbours. */
import type { K8sObject } from '../model/objects';

export class SameFileObjects {
  static readonly EMPTY = new SameFileObjects([]);

  private readonly byNamespace = new Map<string, K8sObject[]>();

  constructor(readonly objects: readonly K8sObject[]) {
    for (const object of objects) {
      if (object.namespace === undefined || object.kind === 'Namespace') continue;
      const list = this.byNamespace.get(object.namespace) ?? [];
      list.push(object);
      this.byNamespace.set(object.namespace, list);
    }
  }

  /** Objects of the file that name `namespace` in their metadata. */
  inNamespace(namespace: string): readonly K8sObject[] {
    return this.byNamespace.get(namespace) ?? [];
  }

  /**
   * A digest of the documents holding objects in these namespaces: a document whose findings
   * depend on them (a Namespace) is re-linted exactly when one of them changes.
   */
  dependencyKey(namespaces: readonly string[]): string {
    let hash = 5381;
    let count = 0;
    for (const name of [...namespaces].sort()) {
      for (const object of this.inNamespace(name)) {
        const text = object.segment.text;
        for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
        count++;
      }
    }
    return count === 0 ? '' : `${count}:${hash.toString(36)}`;
  }
}
