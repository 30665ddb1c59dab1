/** @file Machine-readable output: a JSON array of problems with exactly the documented keys, 1-based. */
import type { Problem } from '../problems';

export function formatJson(problems: readonly Problem[]): string {
  // Rebuilt key by key so the output keeps its documented shape even if Problem grows.
  const out = problems.map((p) => ({
    file: p.file,
    line: p.line,
    column: p.column,
    endLine: p.endLine,
    endColumn: p.endColumn,
    ruleId: p.ruleId,
    severity: p.severity,
    message: p.message,
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
