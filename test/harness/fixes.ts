/** @file Applying fixes to text and checking what every fix must keep: it parses, keeps comments, removes its finding. */
import { parseAllDocuments } from 'yaml';
import type { Finding, Fix } from '../../shared/src/engine/lint';
import { PARSE_OPTIONS, splitDocuments } from '../../shared/src/model/parse';

/** A `#` at line start or after whitespace starts a comment (a rough rule, good enough for a containment check). */
const COMMENT = /(?<=^|\s)#[^\n]*/g;

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

interface ParseStats {
  documents: number;
  errors: string[];
}

/** Parse results per document text: a fix changes one document, so the others need not be parsed again. */
const statsCache = new Map<string, ParseStats>();

function parseStats(text: string): ParseStats {
  const total: ParseStats = { documents: 0, errors: [] };
  for (const piece of splitDocuments(text)) {
    let stats = statsCache.get(piece.text);
    if (!stats) {
      const docs = parseAllDocuments(piece.text, PARSE_OPTIONS);
      const list = Array.isArray(docs) ? docs : [];
      stats = { documents: list.length, errors: list.flatMap((d) => d.errors.map((e) => e.message.split('\n')[0]!)) };
      if (statsCache.size > 20000) statsCache.clear();
      statsCache.set(piece.text, stats);
    }
    total.documents += stats.documents;
    total.errors.push(...stats.errors);
  }
  return total;
}

/** Problems with a fixed text, or [] when it is sound. */
export function fixProblems(before: string, after: string, editedRanges: ReadonlyArray<{ start: number; end: number }>): string[] {
  const problems: string[] = [];
  const was = parseStats(before);
  const now = parseStats(after);
  if (now.errors.length > was.errors.length) problems.push(`output does not parse: ${now.errors.join('; ')}`);
  if (now.documents !== was.documents) problems.push('document count changed');
  // Comments outside the replaced text must survive (compared as multisets, so a moved comment still counts).
  const remaining = new Map<string, number>();
  for (const m of after.matchAll(COMMENT)) remaining.set(m[0], (remaining.get(m[0]) ?? 0) + 1);
  for (const m of before.matchAll(COMMENT)) {
    if (editedRanges.some((r) => m.index! < r.end && r.start < m.index! + m[0].length)) continue;
    const left = remaining.get(m[0]) ?? 0;
    if (left === 0) problems.push(`comment lost: ${m[0]}`);
    else remaining.set(m[0], left - 1);
  }
  return problems;
}

