/** @file Message helpers that reproduce the wording shape of PSA's forbidden reasons and details. */

export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/** `"a", "b"`; items are wrapped as they are, without escaping, the way PSA joins names. */
export function joinQuote(items: readonly string[]): string {
  return items.length === 0 ? '' : `"${items.join('", "')}"`;
}

/** Go's %q for the characters that matter in manifests: quotes, backslashes and control characters escaped. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/** Distinct values in byte order, like Go's sets.List. */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Distinct values in first-seen order. */
export function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** `container "a"` or `containers "a", "b"`. */
export function containersPhrase(names: readonly string[]): string {
  return `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;
}

/** `container "a"` for one container's finding detail. */
export function containerPhrase(name: string): string {
  return containersPhrase([name]);
}

/** Who set a bad value: `pod`, `containers "a", "b"`, joined with " and ". */
export function settersPhrase(pod: boolean, containerNames: readonly string[], extra: readonly string[] = []): string {
  const setters: string[] = [];
  if (pod) setters.push('pod');
  if (containerNames.length > 0) setters.push(containersPhrase(containerNames));
  setters.push(...extra);
  return setters.join(' and ');
}
