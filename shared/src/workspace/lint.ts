/**
 * @file Runs the workspace rules (`checkWorkspace`) for one file against the index, and merges
 * their findings into the file's own lint result. Separate from `lintText` so single-file
 * linting stays exactly as fast as before: this runs after it, and only for files the index
 * says are affected.
 */
import type { Settings } from '../engine/config';
import { isRuleEnabled, moveFinding, withFindings, type FileResult, type Finding, type Fix } from '../engine/lint';
import { formatMessage, type Rule } from '../engine/rule';
import { applyLateSuppressions, SUPPRESSION_RULE_ID, UNUSED_SUPPRESSION_MESSAGE } from '../engine/suppress';
import { LineIndex } from '../model/lines';
import { textOf, type SourceText } from '../model/sourceText';
import { changedRange, mapOffset, type TextChange } from '../model/textChange';
import { factsOf, sameFacts } from './facts';
import { allRules } from '../rules';
import type { FileSource, WorkspaceFixDescriptor, WorkspaceReportDescriptor, WorkspaceView } from './context';
import type { IndexUpdate, WorkspaceIndex } from './index';

/** A fix that creates a file next to the reported one instead of editing it (its `edits` are empty). */
export interface WorkspaceFix extends Fix {
  readonly newFile?: { readonly uri: string; readonly text: string };
}

export interface WorkspaceLintOptions {
  readonly settings: Settings;
  readonly rules?: readonly Rule[];
  /** The file's text: suppression comments apply only when it is given. */
  readonly text?: string;
  /** The parsed file (a lint result): fixes that edit the file are built only when it is given. */
  readonly source?: FileSource;
  /** YYYY-MM-DD, for suppression expiry. */
  readonly today?: string;
}

export interface WorkspaceFileResult {
  /** Offsets into the file's text. */
  readonly findings: readonly Finding[];
  /** Suppression comments that silenced a workspace finding. */
  readonly usedSuppressions: ReadonlyArray<{ start: number; end: number }>;
  readonly ruleErrors: readonly string[];
}

const EMPTY: WorkspaceFileResult = Object.freeze({ findings: [], usedSuppressions: [], ruleErrors: [] });

/** The workspace findings of one file. Records what the rules read, so `index.set` can tell when to ask again. */
export function lintWorkspaceFile(index: WorkspaceIndex, uri: string, options: WorkspaceLintOptions): WorkspaceFileResult {
  const view = index.view(uri);
  const file = index.placed(uri);
  // Every workspace rule reports on an object of the file it checks: no objects, nothing to say.
  if (!options.settings.enable || file.length === 0) return EMPTY;
  const rules = (options.rules ?? allRules).filter((r) => r.checkWorkspace && isRuleEnabled(r, options.settings));
  const enabled = new Set((options.rules ?? allRules).filter((r) => isRuleEnabled(r, options.settings)).map((r) => r.meta.id));
  const findings: Finding[] = [];
  const ruleErrors: string[] = [];
  for (const rule of rules) {
    const report = (descriptor: WorkspaceReportDescriptor<string>) => findings.push(toFinding(rule, uri, descriptor, view, options));
    try {
      rule.checkWorkspace!({ uri, file, workspace: view, settings: options.settings, isEnabled: (id) => enabled.has(id), report });
    } catch (error) {
      ruleErrors.push(`rule ${rule.meta.id} failed on ${uri}: ${(error as Error).stack ?? String(error)}`);
    }
  }
  if (findings.length === 0) return { findings, usedSuppressions: [], ruleErrors };
  let kept = findings.map((f) => withSeverityOverride(f, options.settings));
  let usedSuppressions: Array<{ start: number; end: number }> = [];
  if (options.text !== undefined) {
    const lines = new LineIndex(options.text);
    ({ kept, used: usedSuppressions } = applyLateSuppressions(kept, options.text, lines, options.today ?? new Date().toISOString().slice(0, 10)));
  }
  kept.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return { findings: kept, usedSuppressions, ruleErrors };
}

/**
 * The workspace findings of a file after an edit that changed none of its facts, without running
 * the rules again: the same findings, moved by the edit. Undefined when the edit could change more
 * than positions: it spans lines, touches a comment or a line's indentation, or overlaps a finding,
 * one of its fixes or a suppression the findings used.
 */
export function moveWorkspaceResult(previous: WorkspaceFileResult, before: SourceText, after: SourceText, known?: TextChange | null): WorkspaceFileResult | undefined {
  const change = known === undefined ? changedRange(textOf(before), textOf(after)) : known;
  if (!change) return previous;
  const lineStart = before.lastIndexOf('\n', change.start - 1) + 1;
  const lineEnd = (end: number, text: SourceText) => (text.indexOf('\n', end) + 1 || text.length + 1) - 1;
  const oldLine = before.slice(lineStart, lineEnd(change.oldEnd, before));
  const newLine = after.slice(lineStart, lineEnd(change.newEnd, after));
  // One line, no comment on it, and not inside its indentation (which can move a key to another map).
  if (oldLine.includes('\n') || newLine.includes('\n') || oldLine.includes('#') || newLine.includes('#') || /^[ \t-]*$/.test(before.slice(lineStart, change.start))) return undefined;
  const touches = (start: number, end: number) => start <= change.oldEnd && end >= change.start;
  for (const finding of previous.findings) {
    if (touches(finding.start, finding.end)) return undefined;
    for (const fix of finding.fixes) for (const edit of fix.edits) if (touches(edit.start, edit.end)) return undefined;
  }
  if (previous.usedSuppressions.some((s) => touches(s.start, s.end))) return undefined;
  const move = (offset: number) => mapOffset(change, offset);
  const findings = previous.findings.map((f) => moveFinding(f, move));
  return { findings, usedSuppressions: previous.usedSuppressions.map((s) => ({ start: move(s.start), end: move(s.end) })), ruleErrors: previous.ruleErrors };
}

/** What is remembered of an open file between its lints (see openFileWorkspaceFindings). */
export interface OpenFileMemory {
  /** The lint result its facts were last read from. */
  result?: FileResult;
  /** Its last workspace findings and the text and settings they are for; the caller drops them when something the file reads changes. */
  workspace?: { readonly source: SourceText; readonly settings: string; readonly result: WorkspaceFileResult };
}

/**
 * An open file's new lint: records its facts in the index and returns its workspace findings
 * (undefined until the index is `ready`), doing no more than the edit needs. Most keystrokes
 * change no fact (a tag, a description): then the index, and every file reading it, stay as they
 * are, and the file's own workspace findings are moved with the text instead of computed again.
 * `changed` hears of each index update, for the caller to re-check the files it affects.
 */
export function openFileWorkspaceFindings(
  index: WorkspaceIndex,
  uri: string,
  result: FileResult,
  settings: Settings,
  memory: OpenFileMemory,
  ready: boolean,
  changed: (update: IndexUpdate) => void,
): WorkspaceFileResult | undefined {
  const unchanged = ready && memory.result !== undefined && sameFacts(uri, memory.result, result);
  memory.result = result;
  let update = unchanged ? undefined : index.set(uri, factsOf(uri, result));
  if (update) changed(update);
  if (!ready) return undefined;
  const settingsKey = `${JSON.stringify(settings)}|${new Date().toISOString().slice(0, 10)}`;
  const last = memory.workspace;
  // The lint already compared the texts when it ran from the text these findings are for.
  const known = last && result.edit?.before === last.source ? result.edit.change : undefined;
  let workspace = last && !update?.ownChanged && last.settings === settingsKey ? moveWorkspaceResult(last.result, last.source, result.source, known) : undefined;
  if (!workspace) {
    // The rules read this file's records from the index: they must have today's positions.
    if (!update) changed((update = index.set(uri, factsOf(uri, result))));
    workspace = lintWorkspaceFile(index, uri, { settings, text: result.text, source: result });
  }
  memory.workspace = { source: result.source, settings: settingsKey, result: workspace };
  return workspace;
}

/** The file's lint result with its workspace findings added (in order), minus "unused suppression" notes the workspace findings used. */
export function mergeWorkspaceFindings(result: FileResult, workspace: WorkspaceFileResult): FileResult {
  if (workspace.findings.length === 0 && workspace.usedSuppressions.length === 0) return result;
  const used = new Set(workspace.usedSuppressions.map((s) => `${s.start}:${s.end}`));
  const own = result.findings.filter((f) => !(f.ruleId === SUPPRESSION_RULE_ID && f.message === UNUSED_SUPPRESSION_MESSAGE && used.has(`${f.start}:${f.end}`)));
  const findings = [...own, ...workspace.findings].sort((a, b) => a.start - b.start);
  return withFindings(result, findings, [...result.ruleErrors, ...workspace.ruleErrors]);
}

function toFinding(rule: Rule, uri: string, descriptor: WorkspaceReportDescriptor<string>, view: WorkspaceView, options: WorkspaceLintOptions): Finding {
  const list: readonly WorkspaceFixDescriptor[] = descriptor.fix === undefined ? [] : Array.isArray(descriptor.fix) ? descriptor.fix : [descriptor.fix as WorkspaceFixDescriptor];
  const fixes: WorkspaceFix[] = [];
  for (const fix of list) {
    const safe = fix.safe ?? rule.meta.fixable === 'safe';
    if (fix.edits && options.source) {
      const edits = fix.edits(options.source);
      if (edits?.length) fixes.push({ title: fix.title, safe, edits });
    }
    if (fix.newFile) fixes.push({ title: fix.title, safe, edits: [], newFile: { uri: freeName(uri, fix.newFile.name, view), text: fix.newFile.text } });
  }
  const template = rule.meta.messages[descriptor.messageId] ?? descriptor.messageId;
  return { ruleId: rule.meta.id, severity: descriptor.severity ?? rule.meta.severity, message: formatMessage(template, descriptor.data), start: descriptor.at.start, end: descriptor.at.end, fixes };
}

/** `name` beside `uri`, with -2, -3… before the extension while the workspace already has that file. */
function freeName(uri: string, name: string, view: WorkspaceView): string {
  const base = new URL(name, uri).href;
  const dot = base.lastIndexOf('.');
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, dot)}-${n}${base.slice(dot)}`;
    if (!view.hasFile(candidate)) return candidate;
  }
  return base;
}

function withSeverityOverride(finding: Finding, settings: Settings): Finding {
  const override = settings.rules[finding.ruleId];
  return override && override !== 'off' && override !== finding.severity ? { ...finding, severity: override } : finding;
}
