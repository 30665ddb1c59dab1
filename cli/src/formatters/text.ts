/** @file Compiler-style output, one line per problem (`file:line:col severity message [rule-id]`), then a summary. */
import type { Problem } from '../problems';

/** `notes` follow the summary line: what the baseline hid, stale baseline entries, the warning limit. */
export function formatText(problems: readonly Problem[], filesScanned: number, notes: readonly string[] = []): string {
  const lines = problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.message} [${p.ruleId}]`);
  lines.push(summary(problems, filesScanned), ...notes);
  return lines.join('\n') + '\n';
}

export function summary(problems: readonly Problem[], filesScanned: number): string {
  const scanned = `${filesScanned} ${plural(filesScanned, 'file')} scanned`;
  if (problems.length === 0) return `No problems found (${scanned}).`;
  const count = (severity: Problem['severity']) => problems.filter((p) => p.severity === severity).length;
  const parts = [
    `${count('error')} ${plural(count('error'), 'error')}`,
    `${count('warning')} ${plural(count('warning'), 'warning')}`,
    `${count('info')} info`,
    `${count('hint')} ${plural(count('hint'), 'hint')}`,
  ];
  const files = new Set(problems.map((p) => p.file)).size;
  return `${problems.length} ${plural(problems.length, 'problem')} (${parts.join(', ')}) in ${files} of ${scanned}.`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
