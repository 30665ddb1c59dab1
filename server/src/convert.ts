/** @file The one place where the core's offsets, Findings and Fixes become LSP Ranges, Diagnostics and TextEdits (and back). */
import {
  DiagnosticSeverity,
  TextDocumentEdit,
  type CodeDescription,
  type Diagnostic,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Finding } from '../../shared/src/engine/lint';
import type { Severity } from '../../shared/src/engine/rule';
import { ruleUrl } from '../../shared/src/docs/render';
import { ruleById } from '../../shared/src/rules';

/** Both the core's LineIndex and a TextDocument fit: UTF-16 offsets ↔ zero-based line/character. */
export interface PositionMapper {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/** A core edit: replace `[start, end)` of the linted text. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export const SOURCE = 'kubeguard';

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(positions: PositionMapper, start: number, end: number): Range {
  return { start: positions.positionAt(start), end: positions.positionAt(end) };
}

export function fromRange(positions: PositionMapper, range: Range): { start: number; end: number } {
  return { start: positions.offsetAt(range.start), end: positions.offsetAt(range.end) };
}

/**
 * No `data`: the rule id is the `code`, and a code action request is matched to its finding by rule id and
 * range (diagnosticKey). Every byte here is serialised again for each diagnostic on each keystroke.
 */
export function toDiagnostic(finding: Finding, positions: PositionMapper): Diagnostic {
  const range = toRange(positions, finding.start, finding.end);
  const severity = SEVERITIES[finding.severity] ?? DiagnosticSeverity.Warning;
  const codeDescription = codeDescriptionOf(finding.ruleId);
  // Pseudo rules (yaml-syntax, helm-template, analysis-limit) have no page to link to.
  return codeDescription
    ? { range, severity, source: SOURCE, code: finding.ruleId, codeDescription, message: finding.message }
    : { range, severity, source: SOURCE, code: finding.ruleId, message: finding.message };
}

/** One frozen link per rule, shared by all its diagnostics. */
const codeDescriptions = new Map<string, CodeDescription | undefined>();
function codeDescriptionOf(ruleId: string): CodeDescription | undefined {
  if (!codeDescriptions.has(ruleId)) {
    const rule = ruleById(ruleId);
    codeDescriptions.set(ruleId, rule ? Object.freeze({ href: ruleUrl(rule.meta) }) : undefined);
  }
  return codeDescriptions.get(ruleId);
}

/**
 * How a code action request's diagnostic is matched to a finding: rule id plus exact range.
 * Messages are for people and may change wording; they are never part of the key.
 */
export function diagnosticKey(ruleId: string, range: Range): string {
  return `${ruleId}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The rule id of one of our diagnostics as the client sends it back, or undefined for someone else's. */
export function ruleIdOf(diagnostic: Diagnostic): string | undefined {
  if (diagnostic.source !== undefined && diagnostic.source !== SOURCE) return undefined;
  return typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
}

export function toTextEdits(positions: PositionMapper, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((edit) => ({ range: toRange(positions, edit.start, edit.end), newText: edit.text }));
}

/**
 * A WorkspaceEdit for one document. Versioned `documentChanges` where the client supports them,
 * so an edit computed for version N is refused once the user has typed on; plain `changes` otherwise.
 */
export function toWorkspaceEdit(uri: string, version: number, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  return versioned ? { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] } : { changes: { [uri]: edits } };
}
