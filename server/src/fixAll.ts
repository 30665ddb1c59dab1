/** @file Fix all: apply every safe fix, lint again, repeat to a fixed point (at most 3 passes), answer with the minimal edits from old to new text. */
import { withFileLineBreaks } from '../../shared/src/edits/lineBreaks';
import { SYNTAX_RULE_ID, type FileResult, type Finding } from '../../shared/src/engine/lint';
import type { OffsetEdit } from './convert';
import type { DocumentStore, LintState } from './documents';
import { applyEdits, diffTexts } from './textDiff';

/** The code action kind editors ask for on save (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.kubeguard';
export const FIX_ALL_COMMAND = 'kubeguard.fixAll';
export const FIX_ALL_TITLE = 'Fix all auto-fixable problems';

/** One fix can uncover another (a new key another rule then checks); three passes settle every case we know. */
const MAX_PASSES = 3;

export interface FixAllResult {
  /** The document version the edits apply to. */
  readonly state: LintState;
  /** Offsets into `state.result.text`; empty when there is nothing safe to fix. */
  readonly edits: OffsetEdit[];
}

export async function computeFixAll(documents: DocumentStore, uri: string): Promise<FixAllResult | undefined> {
  const state = await documents.lint(uri);
  if (!state) return undefined;
  let result: FileResult = state.result;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = safeEdits(result.findings);
    if (edits.length === 0) break;
    // In a CRLF file the lines the fixes add get CRLF too, as with the CLI's --fix.
    const text = applyEdits(result.text, withFileLineBreaks(result.text, edits));
    if (text === result.text) break;
    const next = documents.relint(state, text);
    // A pass whose output parses worse than its input is dropped, whatever fix caused it.
    if (syntaxErrors(next) > syntaxErrors(result)) break;
    result = next;
  }
  return { state, edits: diffTexts(state.result.text, result.text) };
}

/**
 * The first safe fix of each finding, in document order, leaving out any fix that touches text an
 * earlier one already changes (two inserts at one offset count as touching: their order would be a guess).
 */
function safeEdits(findings: readonly Finding[]): OffsetEdit[] {
  const taken: OffsetEdit[] = [];
  for (const finding of findings) {
    // The suppression comment is not among a finding's fixes (codeActions.ts adds it), and is never safe.
    const fix = finding.fixes.find((f) => f.safe);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

function syntaxErrors(result: FileResult): number {
  return result.findings.filter((f) => f.ruleId === SYNTAX_RULE_ID).length;
}
