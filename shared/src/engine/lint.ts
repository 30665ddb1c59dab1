/** @file The engine: lints one file's text with the registered rules, re-using the results of documents an edit did not touch. */
import type { Node } from 'yaml';
import { YamlEditor, type TextEdit } from '../edits/editor';
import { isJsonText } from '../edits/format';
import { LineIndex } from '../model/lines';
import { spanOf, type Span } from '../model/node';
import { objectsOf, type K8sObject } from '../model/objects';
import { hasDirectives, hasDocumentStart, isLineTerminator, MAX_FILE_BYTES, parseSegment, splitDocuments, splitRange, type Segment } from '../model/parse';
import { editScalarInPlace } from '../model/scalarEdit';
import { textOf, type SourceText } from '../model/sourceText';
import { changedRange, type TextChange } from '../model/textChange';
import { workloadOf } from '../model/workload';
import { allRules } from '../rules';
import { NamespaceIndex, namespacesIn } from '../workspace/namespaces';
import { SameFileObjects } from '../workspace/sameFile';
import { ServiceAccountIndex, serviceAccountsIn } from '../workspace/serviceAccounts';
import type { Settings } from './config';
import { annotationScopes, silencedByAnnotation } from './annotations';
import { applySuppressions, hasSuppressionComment, suppressionEdit } from './suppress';
import { formatMessage, type FixDescriptor, type ReportDescriptor, type Rule, type Severity } from './rule';

export interface Fix {
  readonly title: string;
  /** Safe fixes join fix-all; unsafe ones are offered one at a time. */
  readonly safe: boolean;
  readonly edits: readonly TextEdit[];
  /** Set on the generic "suppress this finding" fix (suppressionFix), which editors offer for every rule finding. */
  readonly suppression?: true;
}

/** One problem, with offsets into the file's text. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly fixes: readonly Fix[];
  /** For findings of PSS-mapped rules: the Pod Security admission check violated. */
  readonly pssCheck?: string;
}

export const MAX_FINDINGS_PER_RULE_AND_OBJECT = 200;

/** Pseudo-rules the engine itself reports. */
export const SYNTAX_RULE_ID = 'yaml-syntax';
export const HELM_RULE_ID = 'helm-template';
export const LIMIT_RULE_ID = 'analysis-limit';

interface ParsedSegment {
  readonly segment: Segment;
  readonly objects: readonly K8sObject[];
  /** Whether the document's text has a `kubeguard-disable` comment (most have none, and then suppressions cost nothing). */
  readonly suppressions: boolean;
}

interface SegmentResult extends ParsedSegment {
  /** Offsets relative to the segment. */
  readonly findings: readonly Finding[];
}

/** A document's result and where the document starts in the file. */
interface PlacedResult {
  readonly result: SegmentResult;
  readonly base: number;
}

export interface FileResult {
  /** The text linted, as one string (from a ChunkedText: joined on first use, so a keystroke's lint never needs it). */
  readonly text: string;
  /** The text as it was given to lintText. */
  readonly source: SourceText;
  readonly lines: LineIndex;
  readonly findings: readonly Finding[];
  readonly objects: readonly K8sObject[];
  /** The documents, each with its place in the file. */
  readonly segments: readonly Segment[];
  /** Rules that threw: logged by the caller, never shown as findings. */
  readonly ruleErrors: readonly string[];
  /**
   * The documents as parsed, each with offsets relative to itself, and where it starts. A document
   * an edit did not touch is the same object in the next result, so callers can cache by it.
   */
  readonly documents?: ReadonlyArray<{ readonly base: number; readonly segment: Segment; readonly objects: readonly K8sObject[] }>;
  /** Through a cache: the text linted before this one (its `source`) and what changed since (null: nothing), so callers need not compare them again. */
  readonly edit?: { readonly before: SourceText; readonly change: TextChange | null };
}

/** A FileResult whose `text` is joined from `source` only when read. */
export function fileResult(source: SourceText, rest: Omit<FileResult, 'text' | 'source'>): FileResult {
  return {
    get text() {
      return textOf(source);
    },
    source,
    ...rest,
  };
}

/** The result with other findings (and rule errors), its text still unjoined. */
export function withFindings(result: FileResult, findings: readonly Finding[], ruleErrors = result.ruleErrors): FileResult {
  const { lines, objects, segments, documents, edit } = result;
  return fileResult(result.source, { lines, findings, objects, segments, ruleErrors, documents, edit });
}

/** One document of the file as last linted: where it starts, its text and its parse. */
interface Piece {
  readonly base: number;
  readonly text: string;
  readonly parsed: ParsedSegment;
}

/** The last text linted through a cache: its documents, whether directives kept it whole, and its line index. */
interface LastRun {
  readonly source: SourceText;
  readonly pieces: readonly Piece[];
  readonly whole: boolean;
  readonly lines: LineIndex;
}

/**
 * Remembers a file's documents between runs so an edit re-parses and re-lints only the
 * documents whose text changed. One cache per open file. Parses are kept whatever the settings;
 * findings are dropped when the settings, the rules or the workspace facts a verdict depends on
 * (Namespace labels, same-file ServiceAccounts) change.
 *
 * What changed since the last text is told by a ChunkedText edited from it, or found by comparing
 * the two; only the documents around the difference are looked at again: the others keep their
 * strings, parses and findings (moved by the edit's length), so a keystroke costs the edited
 * document, not the file.
 */
export class LintCache {
  private linted = new Map<string, SegmentResult>();
  private key = '';
  private last: LastRun | undefined;
  private placed = new Map<SegmentResult, Placement>();

  /**
   * `editInPlaceFrom`: documents at least this long take a keystroke inside one scalar value by
   * updating their parse instead of parsing again (see model/scalarEdit.ts); Infinity turns it off.
   */
  constructor(readonly options: { readonly editInPlaceFrom?: number } = {}) {}

  /** @internal */
  lastRun(): LastRun | undefined {
    return this.last;
  }

  /** @internal */
  take(key: string): Map<string, SegmentResult> {
    if (key !== this.key) {
      this.linted = new Map();
      this.key = key;
    }
    return this.linted;
  }

  /** @internal */
  keep(linted: Map<string, SegmentResult>, last: LastRun): void {
    this.linted = linted;
    this.last = last;
  }

  /** @internal The last run's placements: what each document's result became at its place in the file. */
  placements(): Map<SegmentResult, Placement> {
    return this.placed;
  }

  /** @internal */
  keepPlacements(placed: Map<SegmentResult, Placement>): void {
    this.placed = placed;
  }
}

/** A document's result at its place in the file: its segment, objects and findings with offsets into the file. */
interface Placement {
  readonly base: number;
  readonly segment: Segment;
  readonly objects: readonly K8sObject[];
  readonly findings: readonly Finding[];
}

/**
 * The result of a document starting at `base`. The last run's placement is reused when the document
 * did not move, so a keystroke re-creates the findings of the documents after the edit, not of all of them.
 */
function placementOf(result: SegmentResult, base: number, last: Map<SegmentResult, Placement> | undefined): Placement {
  const kept = last?.get(result);
  if (kept && kept.base === base) return kept;
  if (base === result.segment.base) return { base, segment: result.segment, objects: result.objects, findings: result.findings };
  const segment = { ...result.segment, base };
  const move = (offset: number) => offset + base;
  return { base, segment, objects: result.objects.map((o) => ({ ...o, segment })), findings: result.findings.map((f) => moveFinding(f, move)) };
}

/** By default every document takes typing inside a scalar in place: even a 1.5 KB document costs more to parse than to update. */
const EDIT_IN_PLACE_FROM = 0;

const HELM_ACTION = /\{\{-?\s*(?:\.|\$|include\b|template\b|if\b|else\b|end\b|range\b|with\b|define\b|toYaml\b|tpl\b|required\b|default\b|printf\b|quote\b|-)/;

export interface LintOptions {
  readonly settings: Settings;
  readonly cache?: LintCache;
  /** Used to recognise Helm chart templates by path. */
  readonly fileName?: string;
  readonly rules?: readonly Rule[];
  /** YYYY-MM-DD, for suppression expiry; today by default. */
  readonly today?: string;
  /**
   * Namespaces declared elsewhere in the workspace. A workload whose `metadata.namespace` names
   * one with an `enforce` label is held to that namespace's Pod Security labels instead of the
   * default policy. The file's own Namespace manifests always count, and take precedence.
   */
  readonly namespaces?: NamespaceIndex;
  /**
   * False when the text is not the next version of the document but a variant of it (a fix-all
   * pass): the cache then never updates a parse in place, so earlier results stay intact.
   */
  readonly inPlace?: boolean;
}

export function lintText(text: SourceText, options: LintOptions): FileResult {
  const rules = options.rules ?? allRules;
  if (!options.settings.enable) return fileResult(text, { lines: new LineIndex(text), findings: [], objects: [], segments: [], ruleErrors: [] });
  if (text.length > MAX_FILE_BYTES) {
    const limit: Finding = { ruleId: LIMIT_RULE_ID, severity: 'info', message: `This file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; kubeguard does not analyse files this large.`, start: 0, end: 0, fixes: [] };
    return fileResult(text, { lines: new LineIndex(text), findings: [limit], objects: [], segments: [], ruleErrors: [] });
  }
  // Pass 1: parse (or reuse) every document, so facts one document declares for another are known.
  const { pieces, whole, change } = documentsOf(text, options.cache, options.inPlace !== false);
  const last = options.cache?.lastRun();
  const lines = last && change !== undefined ? (change ? LineIndex.afterEdit(last.lines, text, change) : last.lines) : new LineIndex(text);
  const fileObjects = pieces.flatMap((p) => p.parsed.objects);
  const facts: Facts = {
    namespaces: (options.namespaces ?? NamespaceIndex.EMPTY).overriddenBy(namespacesIn(fileObjects, options.fileName)),
    serviceAccounts: new ServiceAccountIndex(serviceAccountsIn(fileObjects)),
    sameFile: new SameFileObjects(fileObjects),
  };
  // Pass 2: lint the documents whose text, settings or facts changed.
  const ruleIds = ruleIdsOf(rules);
  const key = `${JSON.stringify(options.settings)}|${ruleIds.key}|${facts.namespaces.key}|${facts.serviceAccounts.key}`;
  const previous = options.cache?.take(key) ?? new Map<string, SegmentResult>();
  const next = new Map<string, SegmentResult>();
  const ruleErrors: string[] = [];
  const results: PlacedResult[] = [];
  for (const piece of pieces) {
    // A Namespace's findings depend on the workloads of the file that run in it.
    const declared = namespacesDeclared(piece.parsed.objects);
    const dependencies = declared ? facts.sameFile.dependencyKey(declared) : '';
    const cacheKey = dependencies ? `${piece.text}\u0000${dependencies}` : piece.text;
    let result = previous.get(cacheKey) ?? next.get(cacheKey);
    if (!result) result = lintSegment(piece.parsed, rules, options.settings, facts, ruleErrors);
    next.set(cacheKey, result);
    results.push({ result, base: piece.base });
  }
  options.cache?.keep(next, { source: text, pieces, whole, lines });

  const findings: Finding[] = [];
  const objects: K8sObject[] = [];
  const segments: Segment[] = [];
  const lastPlacements = options.cache?.placements();
  const placements = new Map<SegmentResult, Placement>();
  for (const r of results) {
    const placement = placementOf(r.result, r.base, lastPlacements);
    placements.set(r.result, placement);
    segments.push(placement.segment);
    for (const o of placement.objects) objects.push(o);
    for (const f of placement.findings) findings.push(f);
  }
  options.cache?.keepPlacements(placements);
  findings.push(...syntaxFindings(text, results, objects.length > 0, options.fileName));
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const visible = applySuppressions(findings, text, lines, ruleIds.known, today, pieces.some((p) => p.parsed.suppressions));
  const documents = results.map((r) => ({ base: r.base, segment: r.result.segment, objects: r.result.objects }));
  const edit = last && change !== undefined ? { before: last.source, change } : undefined;
  return fileResult(text, { lines, findings: applySeverities(visible, options.settings, text.length), objects, segments, ruleErrors, documents, edit });
}

/** The ids of a rule list (allRules, as a rule, for the life of the process): as a cache key, and with the syntax pseudo-rule as the ids a suppression may name. */
const ruleIdsByList = new WeakMap<readonly Rule[], { readonly key: string; readonly known: ReadonlySet<string> }>();

/**
 * Computed once per list rather than on every lint: besides the work, mapping the list in lintText
 * gave V8 a reason to throw away lintText's optimised code while the user typed.
 */
function ruleIdsOf(rules: readonly Rule[]): { readonly key: string; readonly known: ReadonlySet<string> } {
  let ids = ruleIdsByList.get(rules);
  if (!ids) {
    const list = rules.map((r) => r.meta.id);
    ids = { key: list.join(','), known: new Set([...list, SYNTAX_RULE_ID]) };
    ruleIdsByList.set(rules, ids);
  }
  return ids;
}

/** The names of the Namespaces a document declares, if any. */
function namespacesDeclared(objects: readonly K8sObject[]): string[] | undefined {
  let names: string[] | undefined;
  for (const object of objects) if (object.kind === 'Namespace' && object.name) (names ??= []).push(object.name);
  return names;
}

/**
 * The file's documents, each parsed. With a cache, only the document an edit falls in is parsed
 * again (or updated in place); when the edit touches a `---` line, or spans documents, those
 * documents and one neighbour on each side are split again, since a boundary may have moved. The
 * rest are the last run's pieces, moved by the edit.
 */
function documentsOf(text: SourceText, cache: LintCache | undefined, inPlace: boolean): { pieces: Piece[]; whole: boolean; change?: TextChange | null } {
  const last = cache?.lastRun();
  // Last run's parses by text, for a document that only moved (pasted elsewhere, a neighbour deleted): built when first needed.
  let known: Map<string, ParsedSegment> | undefined;
  const parse = (piece: { base: number; text: string }): Piece => {
    known ??= new Map(last?.pieces.map((p) => [p.text, p.parsed]));
    return { ...piece, parsed: known.get(piece.text) ?? parseDocument(piece.text) };
  };
  if (!last || last.whole || last.pieces.length === 0) {
    const whole = hasDirectives(textOf(text));
    return { pieces: (whole ? [{ base: 0, text: textOf(text) }] : splitDocuments(textOf(text))).map(parse), whole };
  }
  const change = changeBetween(last.source, text);
  if (!change) return { pieces: [...last.pieces], whole: false, change: null };
  const old = last.pieces;
  const delta = change.newEnd - change.oldEnd;
  const moved = (p: Piece): Piece => ({ base: p.base + delta, text: p.text, parsed: p.parsed });
  const alone = documentEditedAlone(text, change, old, last.source.length);
  if (alone) {
    const { index, text: edited } = alone;
    const before = old[index]!;
    const piece = { base: before.base, text: edited };
    const middle = edited === before.text ? before : ((inPlace && editInPlace(before, piece, change, old, cache!.options.editInPlaceFrom ?? EDIT_IN_PLACE_FROM)) || parse(piece));
    return { pieces: [...old.slice(0, index), middle, ...old.slice(index + 1).map(moved)], whole: false, change };
  }
  const first = Math.max(0, indexAt(old, change.start) - 1);
  const lastTouched = Math.min(old.length - 1, indexAt(old, change.oldEnd) + 1);
  const from = old[first]!.base;
  const to = (lastTouched + 1 < old.length ? old[lastTouched + 1]!.base : last.source.length) + delta;
  const around = text.slice(from, to);
  if (hasDirectives(around)) return { pieces: [{ base: 0, text: textOf(text) }].map(parse), whole: true, change };
  const region = splitRange(around, 0, around.length).map((piece) => ({ base: piece.base + from, text: piece.text }));
  const replaced = old.slice(first, lastTouched + 1);
  const same = region.map((piece, i) => replaced.length === region.length && replaced[i]!.text === piece.text);
  // In place only when exactly one document changed: then no other document of the new text can be
  // the old text of that one, and nothing still in use holds the parse it updates.
  const single = replaced.length === region.length && same.filter((s) => !s).length === 1;
  const middle = region.map((piece, i): Piece => {
    const before = replaced[i];
    if (same[i]) return { base: piece.base, text: before!.text, parsed: before!.parsed };
    if (single && inPlace) {
      const edited = editInPlace(before!, piece, change, old, cache!.options.editInPlaceFrom ?? EDIT_IN_PLACE_FROM);
      if (edited) return edited;
    }
    return parse(piece);
  });
  return { pieces: [...old.slice(0, first), ...middle, ...old.slice(lastTouched + 1).map(moved)], whole: false, change };
}

/** What changed between two texts: told by a ChunkedText edited from the other, else found by comparing them. */
function changeBetween(before: SourceText, after: SourceText): TextChange | null | undefined {
  if (typeof before !== 'string' && typeof after !== 'string') {
    const told = after.changeSince(before.id);
    if (told !== undefined) return told;
  }
  return changedRange(textOf(before), textOf(after));
}

/** A `---` line or a directive: a line the edit touched that is one, before or after, can move a document boundary. */
function hasBoundaryLine(lines: string): boolean {
  return hasDocumentStart(lines) || hasDirectives(lines);
}

/**
 * The usual keystroke: an edit inside one document that leaves every boundary where it was (no line
 * it touched is, or becomes, a `---` or `%` line). Then that document's new text is its old text
 * with the edit applied, and the file is not split again; in a 4 MB bundle of 700 KB documents
 * this is the difference between re-reading one document and three.
 */
function documentEditedAlone(text: SourceText, change: TextChange, old: readonly Piece[], oldLength: number): { index: number; text: string } | undefined {
  const index = indexAt(old, change.start);
  const piece = old[index]!;
  const end = index + 1 < old.length ? old[index + 1]!.base : oldLength;
  if (change.start < piece.base || (change.oldEnd >= end && end !== oldLength)) return undefined;
  const start = change.start - piece.base;
  const oldEnd = change.oldEnd - piece.base;
  const lineStart = lineStartAt(piece.text, start);
  const lineEnd = lineEndAt(piece.text, oldEnd);
  const inserted = text.slice(change.start, change.newEnd);
  const oldLines = piece.text.slice(lineStart, lineEnd);
  const newLines = piece.text.slice(lineStart, start) + inserted + piece.text.slice(oldEnd, lineEnd);
  if (hasBoundaryLine(oldLines) || hasBoundaryLine(newLines)) return undefined;
  return { index, text: piece.text.slice(0, start) + inserted + piece.text.slice(oldEnd) };
}

/** Start of the line holding `offset` (line breaks as a multiline regular expression sees them). */
function lineStartAt(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && !isLineTerminator(text.charCodeAt(at - 1))) at--;
  return at;
}

/** End of the line holding `offset`, before its line break. */
function lineEndAt(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && !isLineTerminator(text.charCodeAt(at))) at++;
  return at;
}

function parseDocument(text: string): ParsedSegment {
  const segment = parseSegment(0, text);
  return { segment, objects: segment.problems.length === 0 ? objectsOf(segment) : [], suppressions: hasSuppressionComment(text) };
}

/** The index of the piece holding `offset` (the last one starting at or before it). */
function indexAt(pieces: readonly Piece[], offset: number): number {
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pieces[mid]!.base <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A big document edited inside one scalar: update its parse (the old one is no longer used by anything that is kept). */
function editInPlace(before: Piece, piece: { base: number; text: string }, change: TextChange, old: readonly Piece[], minimum: number): Piece | undefined {
  if (piece.text.length < minimum || piece.base !== before.base || change.start < piece.base || change.newEnd > piece.base + piece.text.length) return undefined;
  // Two identical documents can share one parse, or one lint result (cached by text, holding the
  // parse of the first of them): updating it would change the other one too.
  if (old.some((p) => p !== before && (p.parsed === before.parsed || p.text === before.text))) return undefined;
  const relative = { start: change.start - piece.base, oldEnd: change.oldEnd - piece.base, newEnd: change.newEnd - piece.base };
  const segment = editScalarInPlace(before.parsed.segment, piece.text, relative);
  if (!segment) return undefined;
  return { base: piece.base, text: piece.text, parsed: { segment, objects: objectsOf(segment), suppressions: hasSuppressionComment(piece.text) } };
}

/** What one document may know about the others and the workspace. */
interface Facts {
  readonly namespaces: NamespaceIndex;
  readonly serviceAccounts: ServiceAccountIndex;
  readonly sameFile: SameFileObjects;
}

/** Whether a rule runs: a severity in the settings turns it on (even an opt-in rule), 'off' turns it off. */
export function isRuleEnabled(rule: Rule, settings: Settings): boolean {
  const setting = settings.rules[rule.meta.id];
  return setting === undefined ? rule.meta.enabledByDefault !== false : setting !== 'off';
}

function lintSegment(parsed: ParsedSegment, rules: readonly Rule[], settings: Settings, facts: Facts, ruleErrors: string[]): SegmentResult {
  const { segment, objects } = parsed;
  const findings: Finding[] = [];
  const enabled = new Set(rules.filter((r) => isRuleEnabled(r, settings)).map((r) => r.meta.id));
  const isEnabled = (id: string) => enabled.has(id);
  const { namespaces, serviceAccounts, sameFile } = facts;
  for (const object of objects) {
    const workload = workloadOf(object);
    const firstOfObject = findings.length;
    for (const rule of rules) {
      if (!isEnabled(rule.meta.id) || (!rule.checkObject && !(rule.checkWorkload && workload))) continue;
      // Past a few hundred findings of one rule in one object (13,000 unknown keys, say) more add only noise and time.
      let reported = 0;
      const report = (descriptor: ReportDescriptor<string>) => {
        if (++reported <= MAX_FINDINGS_PER_RULE_AND_OBJECT) findings.push(toFinding(rule, segment, descriptor));
      };
      try {
        rule.checkObject?.({ object, settings, namespaces, serviceAccounts, sameFile, isEnabled, report });
        if (workload) rule.checkWorkload?.({ object, workload, settings, namespaces, serviceAccounts, sameFile, isEnabled, report });
      } catch (error) {
        ruleErrors.push(`rule ${rule.meta.id} failed on ${object.kind}/${object.name ?? '?'}: ${(error as Error).stack ?? String(error)}`);
      }
    }
    const scopes = annotationScopes(object, workload, rules);
    if (scopes.length) {
      const own = findings.splice(firstOfObject);
      findings.push(...own.filter((f) => !silencedByAnnotation(scopes, f.ruleId, f.start)));
    }
  }
  findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return { ...parsed, findings };
}

function toFinding(rule: Rule, segment: Segment, descriptor: ReportDescriptor<string>): Finding {
  const span = isSpan(descriptor.at) ? descriptor.at : (spanOf(descriptor.at as Node) ?? { start: 0, end: 0 });
  const fixDescriptors: readonly FixDescriptor[] = descriptor.fix === undefined ? [] : Array.isArray(descriptor.fix) ? descriptor.fix : [descriptor.fix as FixDescriptor];
  const fixes: Fix[] = [];
  for (const fix of fixDescriptors) {
    const editor = new YamlEditor(segment);
    fix.apply(editor);
    if (editor.edits.length) fixes.push({ title: fix.title, safe: fix.safe ?? rule.meta.fixable === 'safe', edits: editor.edits });
  }
  const template = rule.meta.messages[descriptor.messageId] ?? descriptor.messageId;
  const finding: Finding = {
    ruleId: rule.meta.id,
    severity: descriptor.severity ?? rule.meta.severity,
    message: formatMessage(template, descriptor.data),
    start: span.start,
    end: span.end,
    fixes,
  };
  return descriptor.pssCheck ? { ...finding, pssCheck: descriptor.pssCheck } : finding;
}

function isSpan(at: unknown): at is Span {
  return typeof at === 'object' && at !== null && typeof (at as Span).start === 'number' && !('range' in at);
}

/**
 * A copy of a finding with every offset (its own and its fixes' edits) passed through `move`.
 * Spelled out rather than spread: it runs for every finding an edit moves, on every keystroke.
 */
export function moveFinding(finding: Finding, move: (offset: number) => number): Finding {
  const fixes = finding.fixes.length === 0 ? finding.fixes : finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ start: move(e.start), end: move(e.end), text: e.text })) }));
  const moved: Finding = { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, start: move(finding.start), end: move(finding.end), fixes };
  return finding.pssCheck === undefined ? moved : { ...moved, pssCheck: finding.pssCheck };
}

/**
 * Syntax problems are shown only for files that are Kubernetes manifests; a Helm template gets
 * one informational note instead of a wall of errors about its `{{ }}` actions.
 */
function syntaxFindings(source: SourceText, results: readonly PlacedResult[], hasObjects: boolean, fileName: string | undefined): Finding[] {
  const broken = results.filter((r) => r.result.segment.problems.length > 0);
  if (broken.length === 0) return [];
  const text = textOf(source);
  const looksKubernetes = hasObjects || /^\s*(?:apiVersion|kind)\s*:/m.test(text);
  if (!looksKubernetes) return [];
  const helm = HELM_ACTION.test(text) || /(?:^|[\\/])templates[\\/][^\\/]+$/.test(fileName ?? '');
  if (helm) {
    const at = text.search(/\{\{/);
    const first = broken[0]!;
    return [{
      ruleId: HELM_RULE_ID,
      severity: 'info',
      message: `Helm template: ${broken.length} of ${results.length} document(s) contain template actions and are not valid YAML until rendered, so kubeguard skipped them. Lint the rendered output (helm template ... | kubeguard scan -) to check them.`,
      start: at >= 0 ? at : first.base,
      end: at >= 0 ? at + 2 : first.base,
      fixes: [],
    }];
  }
  const out: Finding[] = [];
  for (const r of broken) {
    for (const p of r.result.segment.problems.slice(0, 5)) {
      out.push({ ruleId: SYNTAX_RULE_ID, severity: 'error', message: `YAML syntax error: ${p.message} The rest of this document is not checked until it parses.`, start: p.start + r.base, end: Math.max(p.end, p.start) + r.base, fixes: [] });
    }
  }
  return out;
}

/**
 * The last-resort fix for a rule finding: a suppression comment on the line above. Computed when an
 * editor asks for the finding's fixes, not on every lint. None in JSON, which has no comments, and
 * none for the engine's own notes (syntax, Helm, size).
 */
export function suppressionFix(text: string, lines: LineIndex, finding: Finding): Fix | undefined {
  if (finding.ruleId === SYNTAX_RULE_ID || finding.ruleId === HELM_RULE_ID || finding.ruleId === LIMIT_RULE_ID) return undefined;
  if (isJsonText(text)) return undefined;
  return { title: `Suppress ${finding.ruleId} for this line`, safe: false, suppression: true, edits: [suppressionEdit(text, lines, finding)] };
}

/** Applies per-rule severity overrides, and keeps every range inside the text (a parser error may point one past the end). */
function applySeverities(findings: Finding[], settings: Settings, length: number): Finding[] {
  return findings.map((f) => {
    const override = settings.rules[f.ruleId];
    const severity = override && override !== 'off' ? override : f.severity;
    const start = Math.min(Math.max(f.start, 0), length);
    const end = Math.min(Math.max(f.end, start), length);
    return severity === f.severity && start === f.start && end === f.end ? f : { ...f, severity, start, end };
  });
}
