/** @file Writes small values as YAML text in the style of the surrounding document (block, flow or JSON). */

/** The values fixes insert: scalars, lists and maps of them. */
export type Plain = string | number | boolean | null | readonly Plain[] | { readonly [key: string]: Plain };

export type Style = 'block' | 'flow' | 'json';

/** Whether a file is written as JSON (its first character is `{` or `[`): it has no comments and holds one document. */
export function isJsonText(text: string): boolean {
  return /^\s*[{[]/.test(text);
}

/** Words YAML 1.1 would read as something other than a string. */
const RESERVED = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|<<|=)$/;
const PLAIN_SAFE = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;

export function formatScalar(value: string | number | boolean | null, style: Style, quote?: 'single' | 'double'): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (style === 'json' || quote === 'double') return JSON.stringify(value);
  if (quote === 'single') return `'${value.replace(/'/g, "''")}'`;
  return PLAIN_SAFE.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
}

export function formatKey(key: string, style: Style): string {
  return style === 'json' ? JSON.stringify(key) : formatScalar(key, 'block');
}

function isMapValue(value: Plain): value is { readonly [key: string]: Plain } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One-line flow text for a value: `{a: b, c: [d]}`, or JSON when the document is JSON. */
export function formatFlow(value: Plain, style: Style): string {
  const inner: Style = style === 'json' ? 'json' : 'flow';
  if (Array.isArray(value)) return `[${value.map((v) => formatFlow(v, inner)).join(', ')}]`;
  if (isMapValue(value)) {
    const parts = Object.entries(value).map(([k, v]) => `${formatKey(k, inner)}: ${formatFlow(v, inner)}`);
    return parts.length ? `{${parts.join(', ')}}` : '{}';
  }
  return formatScalar(value as string | number | boolean | null, inner);
}

/**
 * Block lines for `key: value` at `indent`, children indented by `unit`.
 * Empty maps and lists are written in flow style (`{}`, `[]`), the only way YAML can.
 */
export function formatBlockEntry(key: string, value: Plain, indent: string, unit: string): string[] {
  const head = `${indent}${formatKey(key, 'block')}:`;
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${head} []`];
    return [head, ...value.flatMap((item) => formatBlockItem(item, indent + unit, unit))];
  }
  if (isMapValue(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${head} {}`];
    return [head, ...entries.flatMap(([k, v]) => formatBlockEntry(k, v, indent + unit, unit))];
  }
  return [`${head} ${formatScalar(value as string | number | boolean | null, 'block')}`];
}

/** Block lines for one `- item` of a list whose dashes stand at `indent`. */
export function formatBlockItem(value: Plain, indent: string, unit: string): string[] {
  if (isMapValue(value) && Object.keys(value).length > 0) {
    const lines = Object.entries(value).flatMap(([k, v]) => formatBlockEntry(k, v, indent + '  ', unit));
    lines[0] = `${indent}- ${lines[0]!.slice(indent.length + 2)}`;
    return lines;
  }
  if (Array.isArray(value) || isMapValue(value)) return [`${indent}- ${formatFlow(value, 'flow')}`];
  return [`${indent}- ${formatScalar(value as string | number | boolean | null, 'block')}`];
}
