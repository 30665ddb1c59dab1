/**
 * @file Label selectors as the API server reads them: `matchLabels` and `matchExpressions` ANDed,
 * an empty selector selecting everything, and a malformed one selecting nothing we can vouch for.
 */
import { isScalar, type Scalar } from 'yaml';
import type { MapView } from '../model/node';

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly Requirement[];
  /**
   * False when the API server would reject the selector (unknown operator, `In` without values,
   * `Exists` with values). Rules then stay quiet about what it matches: any verdict would be a guess.
   */
  readonly valid: boolean;
}

export type Labels = Readonly<Record<string, string>>;

const OPERATORS = new Set<string>(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** A scalar as Kubernetes would stringify a label value (`tier: 1` is "1"); undefined for collections. */
function labelText(node: unknown): string | undefined {
  if (!node || !isScalar(node)) return undefined;
  const value = (node as Scalar).value;
  if (value === null) return '';
  return typeof value === 'string' ? value : String((node as Scalar).source ?? value);
}

/** `metadata.labels` (or any string map) as plain strings. */
export function readLabels(map: MapView | undefined): Labels {
  const out: Record<string, string> = {};
  for (const entry of map?.entries() ?? []) {
    const text = labelText(entry.value);
    if (text !== undefined) out[entry.key] = text;
  }
  return out;
}

/** Reads a LabelSelector map; undefined when the key is absent or not a map. */
export function readSelector(map: MapView | undefined): LabelSelector | undefined {
  if (!map) return undefined;
  let valid = true;
  const matchLabels = readLabels(map.map('matchLabels'));
  const matchExpressions: Requirement[] = [];
  const expressions = map.seq('matchExpressions');
  if (map.has('matchExpressions') && !expressions && map.scalar('matchExpressions') !== null) valid = false;
  for (const item of expressions?.maps() ?? []) {
    const key = item.map.string('key');
    const operator = item.map.string('operator');
    const values = (item.map.seq('values')?.items() ?? []).map((v) => labelText(v.value)).filter((v): v is string => v !== undefined);
    if (!key || !operator || !OPERATORS.has(operator)) {
      valid = false;
      continue;
    }
    const needsValues = operator === 'In' || operator === 'NotIn';
    if (needsValues !== values.length > 0) valid = false;
    matchExpressions.push({ key, operator: operator as Operator, values });
  }
  return { matchLabels, matchExpressions, valid };
}

/** `{}`: selects every pod (or namespace) in scope. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return selector.valid && Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

export const SELECT_ALL: LabelSelector = Object.freeze({ matchLabels: Object.freeze({}), matchExpressions: Object.freeze([]) as readonly Requirement[], valid: true });

export function matchesLabels(selector: LabelSelector, labels: Labels): boolean {
  if (!selector.valid) return false;
  for (const [key, value] of Object.entries(selector.matchLabels)) if (labels[key] !== value) return false;
  for (const { key, operator, values } of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
    if (operator === 'In' && (!has || !values.includes(labels[key]!))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key]!)) return false;
  }
  return true;
}

/** `app=web, tier in (a,b)`, the way kubectl prints selectors. */
export function describeSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const { key, operator, values } of selector.matchExpressions) {
    if (operator === 'Exists') parts.push(key);
    else if (operator === 'DoesNotExist') parts.push(`!${key}`);
    else parts.push(`${key} ${operator === 'In' ? 'in' : 'notin'} (${values.join(',')})`);
  }
  return parts.length ? parts.join(', ') : '{}';
}
