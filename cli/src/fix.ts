/**
 * @file `--fix`: applies every fix that needs no human input, lints again and repeats, up to three
 * passes, until nothing fixable is left. "No human input" means: marked safe (it cannot break a
 * working workload), not the generic suppression comment, and not leaving a placeholder such as
 * `TODO` for someone to fill in.
 */
import type { TextEdit } from '../../shared/src/edits/editor';
import { withFileLineBreaks } from '../../shared/src/edits/lineBreaks';
import { SYNTAX_RULE_ID, type FileResult, type Finding, type Fix } from '../../shared/src/engine/lint';

/** One fix can uncover another (a key it adds is then checked by another rule); three passes settle every case we know. */
export const MAX_PASSES = 3;

/** Text a person must replace: TODO-style markers and `<angle-bracket>` slots. */
const PLACEHOLDER = /\b(?:TODO|FIXME|TBD|CHANGEME|CHANGE_ME|REPLACE_ME)\b|<[A-Za-z][\w.-]*>/;

export interface AppliedFix {
  readonly ruleId: string;
  readonly title: string;
}

export interface FixOutcome {
  /** The lint result of the fixed text (the input's own when nothing applied). */
  readonly result: FileResult;
  readonly applied: readonly AppliedFix[];
}

/** The fix `--fix` applies for a finding, if any: the first one that needs no human input. */
export function automaticFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.safe && !fix.suppression && fix.edits.length > 0 && !fix.edits.some((edit) => PLACEHOLDER.test(edit.text)));
}

export function fixToFixedPoint(initial: FileResult, lint: (text: string) => FileResult): FixOutcome {
  let result = initial;
  const applied: AppliedFix[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const chosen = chooseFixes(result.findings);
    if (chosen.length === 0) break;
    // In a CRLF file the lines a fix adds get CRLF too, exactly as the editor's fixes do.
    const text = applyEdits(result.text, withFileLineBreaks(result.text, chosen.flatMap((c) => c.fix.edits)));
    if (text === result.text) break;
    const next = lint(text);
    // A pass that leaves the file parsing worse than before is dropped, whichever fix caused it.
    if (syntaxErrors(next) > syntaxErrors(result)) break;
    applied.push(...chosen.map(({ finding, fix }) => ({ ruleId: finding.ruleId, title: fix.title })));
    result = next;
  }
  return { result, applied };
}

/**
 * One automatic fix per finding, in document order, leaving out any fix that touches text an
 * earlier one changes (two inserts at one offset count as touching: their order would be a guess);
 * the next pass picks up what was left out.
 */
function chooseFixes(findings: readonly Finding[]): Array<{ finding: Finding; fix: Fix }> {
  const taken: TextEdit[] = [];
  const chosen: Array<{ finding: Finding; fix: Fix }> = [];
  for (const finding of findings) {
    const fix = automaticFix(finding);
    if (!fix || fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    // The edits of one fix must not overlap each other either.
    if (fix.edits.some((edit, i) => fix.edits.some((other, j) => i !== j && overlaps(edit, other)))) continue;
    taken.push(...fix.edits);
    chosen.push({ finding, fix });
  }
  return chosen;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

/** Applies non-overlapping edits in one pass over the text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function syntaxErrors(result: FileResult): number {
  return result.findings.filter((finding) => finding.ruleId === SYNTAX_RULE_ID).length;
}
