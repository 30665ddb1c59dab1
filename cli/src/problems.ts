/** @file A problem as the CLI reports it: 1-based line and column, the shape of `--format json`. */
import type { FileResult } from '../../shared/src/engine/lint';
import type { Severity } from '../../shared/src/engine/rule';
import { objectLabelAt } from './fingerprint';
import type { Input } from './files';

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** The Kubernetes object the problem is in (`Kind/name`), for fingerprints; not part of `--format json`. */
  readonly object: string;
}

/** The problems of one input: what SARIF locations and baseline paths are computed from. */
export interface FileProblems {
  readonly input: Input;
  readonly problems: readonly Problem[];
}

export function problemsOf(file: string, result: FileResult): Problem[] {
  return result.findings
    .map((finding) => {
      const start = result.lines.positionAt(finding.start);
      const end = result.lines.positionAt(finding.end);
      return {
        file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        object: objectLabelAt(result, finding.start),
      };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
