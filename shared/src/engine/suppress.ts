/**
 * @file Suppression comments, handled in the core so the editor and the CLI agree:
 * `# kubeguard-disable-next-line <id>[, <id>…] [(until YYYY-MM-DD)] -- <reason>`,
 * `# kubeguard-disable-line …` at the end of a line, `# kubeguard-disable-file …` anywhere.
 * A suppression without a reason, naming an unknown rule, suppressing nothing or past its expiry
 * is itself reported.
 */
import type { LineIndex } from '../model/lines';
import { textOf, type SourceText } from '../model/sourceText';
import type { Finding } from './lint';

export const SUPPRESSION_RULE_ID = 'suppression';
export const UNUSED_SUPPRESSION_MESSAGE = 'This suppression matches no finding: remove it, or move it to the line it was meant for.';

type Scope = 'next-line' | 'line' | 'file';

interface Suppression {
  readonly scope: Scope;
  readonly ids: readonly string[];
  readonly reason: string;
  readonly until: string | undefined;
  /** The line it applies to (0-based); -1 for the whole file. */
  readonly targetLine: number;
  readonly start: number;
  readonly end: number;
}

const DIRECTIVE = /#\s*kubeguard-disable-(next-line|line|file)\b([^\n]*)/g;

function parse(text: string, lines: LineIndex): Suppression[] {
  const out: Suppression[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const scope = m[1] as Scope;
    const [head, ...rest] = m[2]!.split(/\s--\s?/);
    const reason = rest.join(' -- ').trim();
    const untilMatch = /\(until\s+(\d{4}-\d{2}-\d{2})\)/.exec(head!);
    const ids = head!.replace(/\(until[^)]*\)/, '').split(/[\s,]+/).filter(Boolean);
    const line = lines.positionAt(m.index).line;
    out.push({ scope, ids, reason, until: untilMatch?.[1], targetLine: scope === 'file' ? -1 : scope === 'line' ? line : line + 1, start: m.index, end: m.index + m[0].trimEnd().length });
  }
  return out;
}

/** Whether a text has any suppression comment: a quick test that spares most files the parse below. */
export function hasSuppressionComment(text: string): boolean {
  return text.includes('kubeguard-disable');
}

/**
 * Removes suppressed findings and adds findings about the suppressions themselves. `present`:
 * whether the text has a suppression comment at all, when the caller already knows.
 */
export function applySuppressions(findings: readonly Finding[], source: SourceText, lines: LineIndex, knownIds: ReadonlySet<string>, today: string, present = hasSuppressionComment(textOf(source))): Finding[] {
  if (!present) return [...findings];
  const suppressions = parse(textOf(source), lines);
  const used = new Set<Suppression>();
  const problems: Finding[] = [];
  const kept = keepUnsuppressed(findings, suppressions, lines, today, used);
  const report = (s: Suppression, message: string) => problems.push({ ruleId: SUPPRESSION_RULE_ID, severity: 'warning', message, start: s.start, end: s.end, fixes: [] });
  for (const s of suppressions) {
    if (s.ids.length === 0) report(s, 'This kubeguard-disable comment names no rule: list the rule ids it silences (or * for all).');
    for (const id of s.ids) if (id !== '*' && !knownIds.has(id)) report(s, `Unknown rule id "${id}" in a kubeguard-disable comment: it silences nothing. Check the spelling against docs/rules.`);
    if (!s.reason) report(s, 'This suppression gives no reason: add "-- <why this is acceptable>" so reviewers know why the finding is silenced.');
    if (s.until && s.until < today) report(s, `This suppression expired on ${s.until} and no longer applies: fix the finding or renew the date with a reason.`);
    else if (!used.has(s) && s.ids.some((id) => id === '*' || knownIds.has(id))) report(s, UNUSED_SUPPRESSION_MESSAGE);
  }
  return [...kept, ...problems].sort((a, b) => a.start - b.start);
}

function keepUnsuppressed(findings: readonly Finding[], suppressions: readonly Suppression[], lines: LineIndex, today: string, used: Set<Suppression>): Finding[] {
  const active = suppressions.filter((s) => !s.until || s.until >= today);
  return findings.filter((finding) => {
    const line = lines.positionAt(finding.start).line;
    const match = active.find((s) => (s.targetLine === -1 || s.targetLine === line) && (s.ids.includes(finding.ruleId) || s.ids.includes('*')));
    if (match) used.add(match);
    return !match;
  });
}

/**
 * For findings computed after `applySuppressions` ran on the file (workspace rules): drops the
 * suppressed ones and returns the spans of the comments that silenced something, so the caller
 * can withdraw the "matches no finding" notes the file's own lint gave those comments.
 */
export function applyLateSuppressions(findings: readonly Finding[], text: string, lines: LineIndex, today: string): { kept: Finding[]; used: Array<{ start: number; end: number }> } {
  if (!text.includes('kubeguard-disable')) return { kept: [...findings], used: [] };
  const used = new Set<Suppression>();
  const kept = keepUnsuppressed(findings, parse(text, lines), lines, today, used);
  return { kept, used: [...used].map((s) => ({ start: s.start, end: s.end })) };
}

/** The text of a fix that suppresses one finding on its line, keeping the line's indentation. */
export function suppressionEdit(text: string, lines: LineIndex, finding: Finding): { start: number; end: number; text: string } {
  const line = lines.positionAt(finding.start).line;
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(text.slice(start, start + 200))![0];
  return { start, end: start, text: `${indent}# kubeguard-disable-next-line ${finding.ruleId} -- TODO: say why this is acceptable\n` };
}
