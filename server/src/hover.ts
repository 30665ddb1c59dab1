/** @file Hover: explains the findings under the cursor. Further sources (e.g. security keys without findings) plug into HOVER_SOURCES. */
import { MarkupKind, type Connection, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { keyHover } from '../../shared/src/docs/keys';
import { renderHover } from '../../shared/src/docs/render';
import { ruleById } from '../../shared/src/rules';
import type { ServerContext } from './context';
import { toRange } from './convert';
import type { LintState } from './documents';
import { guard } from './log';

/** One section of a hover, with the text span it is about (offsets into the linted text). */
export interface HoverPart {
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}

/** Something that has Markdown to say about an offset of a linted document; [] when it has nothing. */
export type HoverSource = (state: LintState, offset: number) => readonly HoverPart[];

/** Findings whose range holds the offset, each explained by its rule's docs. */
export const findingHovers: HoverSource = (state, offset) => {
  const parts: HoverPart[] = [];
  for (const finding of state.result.findings) {
    if (offset < finding.start || offset > finding.end) continue;
    const rule = ruleById(finding.ruleId);
    // Pseudo rules (yaml-syntax, helm-template, analysis-limit) have no docs page: their message says it all.
    parts.push({ markdown: rule ? renderHover(rule.meta, finding.message) : finding.message, start: finding.start, end: finding.end });
  }
  return parts;
};

/** Security-relevant keys (privileged, hostNetwork, verbs, ...) explained even when nothing is wrong with them. */
export const keyHovers: HoverSource = (state, offset) => {
  if (state.result.findings.some((f) => offset >= f.start && offset <= f.end)) return [];
  const segment = [...state.result.segments].reverse().find((s) => s.base <= offset);
  if (!segment) return [];
  const part = keyHover(segment, offset - segment.base, (id) => ruleById(id)?.meta);
  return part ? [{ markdown: part.markdown, start: part.start + segment.base, end: part.end + segment.base }] : [];
};

/** The extension point: sources run in order and their parts are joined by a rule. */
export const HOVER_SOURCES: readonly HoverSource[] = [findingHovers, keyHovers];

export function registerHover(connection: Connection, context: ServerContext, sources: readonly HoverSource[] = HOVER_SOURCES): void {
  const { documents, features, log } = context;
  connection.onHover(guard(log, 'textDocument/hover', null, async (params: HoverParams): Promise<Hover | null> => {
    const state = await documents.lint(params.textDocument.uri);
    if (!state) return null;
    const offset = state.positions.offsetAt(params.position);
    const parts = sources.flatMap((source) => source(state, offset));
    if (parts.length === 0) return null;
    const first = parts[0]!;
    return {
      // Clients without Markdown get the same text raw: still readable, and better than nothing.
      contents: { kind: features.markdownHover ? MarkupKind.Markdown : MarkupKind.PlainText, value: parts.map((p) => p.markdown).join('\n\n---\n\n') },
      range: toRange(state.positions, first.start, first.end),
    };
  }));
}
