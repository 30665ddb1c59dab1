/** @file Applying fixes to text and checking what every fix must keep: it parses, keeps comments, removes its finding. */
import { parseAllDocuments } from 'yaml';
import type { Finding, Fix } from '../../shared/src/engine/lint';
import { PARSE_OPTIONS } from '../../shared/src/model/parse';

export function applyEdits(text: string, edits: Fix['edits']): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Applies the first fix of each finding in order, skipping fixes that overlap one already applied (as ESLint does). */
export function applyFirstFixes(text: string, findings: readonly Finding[]): string {
  const chosen: Array<Fix['edits'][number]> = [];
  for (const finding of findings) {
    const fix = finding.fixes[0];
    if (!fix) continue;
    const overlaps = fix.edits.some((e) => chosen.some((c) => e.start < c.end && c.start < e.end || (e.start === c.start && e.end === c.end && e.start === e.end)));
    if (!overlaps) chosen.push(...fix.edits);
  }
  return applyEdits(text, chosen);
}

/** Problems with a fixed text, or [] when it is sound. */
export function fixProblems(before: string, after: string, editedRanges: ReadonlyArray<{ start: number; end: number }>): string[] {
  const problems: string[] = [];
  const docs = parseAllDocuments(after, PARSE_OPTIONS);
  const list = Array.isArray(docs) ? docs : [];
  const errors = list.flatMap((d) => d.errors.map((e) => e.message.split('\n')[0]));
  const beforeDocs = parseAllDocuments(before, PARSE_OPTIONS);
  const beforeErrors = (Array.isArray(beforeDocs) ? beforeDocs : []).flatMap((d) => d.errors);
  if (errors.length > beforeErrors.length) problems.push(`output does not parse: ${errors.join('; ')}`);
  if (list.length !== (Array.isArray(beforeDocs) ? beforeDocs.length : 0)) problems.push('document count changed');
  // Comments outside the replaced text must survive.
  const kept = [...before.matchAll(/#[^\n]*/g)].filter((m) => !editedRanges.some((r) => m.index! < r.end && r.start < m.index! + m[0].length) && isComment(before, m.index!));
  for (const m of kept) if (!after.includes(m[0])) problems.push(`comment lost: ${m[0]}`);
  return problems;
}

/** A `#` starts a comment at line start or after whitespace (a rough rule, good enough for a containment check). */
function isComment(text: string, index: number): boolean {
  return index === 0 || /\s/.test(text[index - 1]!);
}
