/** @file Resolves finding paths against their pod and checks the rule every finding obeys (used by tests and path mappers). */

import type { Finding, JsonPath } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function step(node: unknown, key: string | number): { found: boolean; value?: unknown } {
  if (typeof key === 'number') {
    return Array.isArray(node) && Number.isInteger(key) && key >= 0 && key < node.length
      ? { found: true, value: node[key] }
      : { found: false };
  }
  return isRecord(node) && Object.prototype.hasOwnProperty.call(node, key) ? { found: true, value: node[key] } : { found: false };
}

/** The value at `path`, or `found: false` when some segment does not exist. */
export function resolvePath(root: unknown, path: JsonPath): { found: boolean; value?: unknown } {
  let node: unknown = root;
  for (const key of path) {
    const next = step(node, key);
    if (!next.found) return { found: false };
    node = next.value;
  }
  return { found: true, value: node };
}

/**
 * Rule for a `missing` finding: walk the path from the root. While nodes exist they must be maps
 * (for a string segment) or lists (for a number segment, where index == length means "append").
 * Once a node is absent or null, everything below it can be created. The full path itself must
 * not hold a set value, otherwise the field is not missing.
 * Returns undefined when the path is acceptable, or a description of what is wrong.
 */
export function missingPathProblem(root: unknown, path: JsonPath): string | undefined {
  let node: unknown = root;
  for (let depth = 0; depth < path.length; depth++) {
    if (node === undefined || node === null) return undefined;
    const key = path[depth];
    if (typeof key === 'number') {
      if (!Array.isArray(node)) return `segment ${depth} (${key}) indexes a non-list`;
      if (key > node.length) return `segment ${depth} (${key}) is beyond the end of a list of ${node.length}`;
      node = node[key];
    } else {
      if (!isRecord(node)) return `segment ${depth} (${key}) is below a non-map`;
      node = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    }
  }
  return node === undefined || node === null ? undefined : 'the path holds a value, so it is not missing';
}

/** Undefined when the finding's path is consistent with `root`, else why not. */
export function findingPathProblem(root: unknown, finding: Finding): string | undefined {
  if (finding.missing) return missingPathProblem(root, finding.path);
  const resolved = resolvePath(root, finding.path);
  if (!resolved.found) return 'path does not resolve';
  // Findings carry the very value they point at (same primitive or same object reference).
  if ('value' in finding && !Object.is(resolved.value, finding.value)) return 'value differs from the one at the path';
  return undefined;
}
