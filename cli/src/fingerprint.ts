/**
 * @file What identifies a finding across edits: its rule, file, Kubernetes object and message, never
 * its line. The SARIF `partialFingerprints` and the baseline both use it, so a finding that moves
 * when lines are added above it is still the same finding.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { FileResult } from '../../shared/src/engine/lint';

/** Bumped if the hashed fields ever change, so old baselines and alerts are not silently mismatched. */
export const FINGERPRINT_VERSION = 'v1';

export interface FingerprintFields {
  readonly ruleId: string;
  /** Relative to a root (the scan root for SARIF, the baseline's folder for a baseline), `/`-separated. */
  readonly file: string;
  /** `Kind/name` or `Kind/namespace/name`; empty outside any object (a syntax error, a suppression comment). */
  readonly object: string;
  readonly message: string;
}

export function findingHash(fields: FingerprintFields): string {
  // NUL cannot occur in any of the fields, so the joined text is unambiguous.
  const joined = [FINGERPRINT_VERSION, fields.ruleId, fields.file, fields.object, fields.message].join('\0');
  return createHash('sha256').update(joined).digest('hex').slice(0, 32);
}

/** The innermost Kubernetes object around an offset, as `Kind/name` (namespaced when the manifest says so). */
export function objectLabelAt(result: FileResult, offset: number): string {
  let best: { label: string; size: number } | undefined;
  for (const object of result.objects) {
    const span = object.map.span;
    const start = object.segment.base + span.start;
    const end = object.segment.base + span.end;
    if (offset < start || offset > end) continue;
    if (best && best.size <= end - start) continue;
    const label = [object.kind, object.namespace, object.name ?? ''].filter((part) => part !== undefined).join('/');
    best = { label, size: end - start };
  }
  return best?.label ?? '';
}

/** A path relative to a root, with `/` separators on every platform so fingerprints agree between machines. */
export function portableRelative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
