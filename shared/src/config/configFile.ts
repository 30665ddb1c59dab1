/**
 * @file `.kubeguard.yaml`: its text parsed and checked against the JSON Schema (schema.ts), with
 * every problem placed on the exact key or value it is about. A file with problems still yields
 * the settings it states correctly; the caller decides whether that is enough (the editor uses
 * them, the CLI refuses to scan). Pure: the server and the CLI read the files.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { PodSecuritySettings, RuleSetting } from '../engine/config';
import { fileResult, type Finding, type FileResult } from '../engine/lint';
import { LineIndex } from '../model/lines';
import { didYouMean } from '../model/securityFields';
import type { PssLevel } from '../pss/types';
import { allRules } from '../rules';
import { configSchema, EDITOR_KEYWORDS, PSS_LEVELS, PSS_VERSION_PATTERN, RULE_SETTINGS } from './schema';

/** The rule id of problems in a configuration file (diagnostic code `config`). */
export const CONFIG_RULE_ID = 'config';

/** A configuration file larger than this is not read (it would be a mistake, not a configuration). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** What a configuration file sets; absent keys leave the lower layer's value (configuration.md, "precedence"). */
export interface SettingsLayer {
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly podSecurity?: Partial<PodSecuritySettings>;
  readonly images?: { readonly trustedRegistries?: readonly string[] };
  readonly runtime?: {
    readonly untrusted?: { readonly namespaces?: readonly string[]; readonly selectors?: readonly string[] };
    readonly sandboxedClasses?: readonly string[];
  };
}

export interface Override {
  /** Globs relative to the configuration file's folder. */
  readonly files: readonly string[];
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

export interface ConfigFile {
  readonly settings: SettingsLayer;
  /** Globs relative to the configuration file's folder. */
  readonly ignore: readonly string[];
  readonly overrides: readonly Override[];
}

export interface ConfigProblem {
  readonly message: string;
  /** Offsets into the configuration file's text. */
  readonly start: number;
  readonly end: number;
}

export interface ParsedConfig {
  /** Undefined when the text is not YAML at all (or too large): then nothing of it applies. */
  readonly config: ConfigFile | undefined;
  readonly problems: readonly ConfigProblem[];
}

export const EMPTY_CONFIG: ConfigFile = Object.freeze({ settings: Object.freeze({}), ignore: Object.freeze([]), overrides: Object.freeze([]) });

const RULE_IDS = new Set(allRules.map((r) => r.meta.id));
const TOP_LEVEL_KEYS = ['rules', 'ignore', 'overrides', 'images', 'podSecurity', 'runtime'];

let validator: ValidateFunction | undefined;

/** Compiled once, on first use: compiling costs a few milliseconds. */
function validate(value: unknown): readonly ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
    ajv.addVocabulary([...EDITOR_KEYWORDS]);
    validator = ajv.compile(configSchema(allRules.map((r) => r.meta)));
  }
  return validator(value) ? [] : (validator.errors ?? []);
}

/** Parses and checks a configuration file. Never throws: whatever goes wrong is a problem at a place in the text. */
export function parseConfigFile(text: string): ParsedConfig {
  if (text.length > MAX_CONFIG_BYTES) return { config: undefined, problems: [{ message: `This configuration file is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB; kubeguard does not read it.`, start: 0, end: 0 }] };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, logLevel: 'error', uniqueKeys: true });
  } catch (error) {
    return { config: undefined, problems: [{ message: `kubeguard could not parse this configuration file: ${(error as Error).message}`, start: 0, end: 0 }] };
  }
  if (doc.errors.length > 0) {
    const problems = doc.errors.slice(0, 20).map((e) => ({ message: `YAML syntax error: ${firstLine(e.message)} The configuration file is not used until it parses.`, ...widen(text, e.pos[0], Math.max(e.pos[0], e.pos[1])) }));
    return { config: undefined, problems: clampAll(problems, text.length) };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    return { config: undefined, problems: [{ message: `kubeguard could not read this configuration file: ${(error as Error).message}`, start: 0, end: 0 }] };
  }
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate(value)) {
    const problem = problemOf(doc, text, error);
    const key = `${problem.start}:${problem.end}:${problem.message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  problems.sort((a, b) => a.start - b.start);
  return { config: configOf(value), problems: clampAll(problems, text.length) };
}

/**
 * The lint result of a configuration file as an editor shows it: one `config` error per problem,
 * and no Kubernetes findings (it is not a manifest).
 */
export function lintConfigText(text: string): FileResult {
  const findings: Finding[] = parseConfigFile(text).problems.map((p) => ({ ruleId: CONFIG_RULE_ID, severity: 'error', message: p.message, start: p.start, end: p.end, fixes: [] }));
  return fileResult(text, { lines: new LineIndex(text), findings, objects: [], segments: [], ruleErrors: [] });
}

/** `file:line:column: message` lines for a terminal (1-based, as compilers print them). */
export function formatConfigProblems(display: string, text: string, problems: readonly ConfigProblem[]): string {
  const lines = new LineIndex(text);
  return problems.map((p) => {
    const { line, character } = lines.positionAt(p.start);
    return `${display}:${line + 1}:${character + 1}: ${p.message}\n`;
  }).join('');
}

// ---- From the validated value to settings ----

/** Takes what is well-formed and leaves out the rest (which has been reported). */
function configOf(value: unknown): ConfigFile {
  const root = record(value);
  if (!root) return EMPTY_CONFIG;
  const settings: { -readonly [K in keyof SettingsLayer]: SettingsLayer[K] } = {};
  const rules = rulesOf(root.rules);
  if (rules) settings.rules = rules;
  const pss = record(root.podSecurity);
  if (pss) {
    const podSecurity: { -readonly [K in keyof PodSecuritySettings]?: PodSecuritySettings[K] } = {};
    if (typeof pss.level === 'string' && (PSS_LEVELS as readonly string[]).includes(pss.level)) podSecurity.level = pss.level as PssLevel;
    if (typeof pss.version === 'string' && new RegExp(PSS_VERSION_PATTERN).test(pss.version)) podSecurity.version = pss.version;
    if (typeof pss.minimumUid === 'number' && Number.isInteger(pss.minimumUid) && pss.minimumUid >= 0 && pss.minimumUid <= 2147483647) podSecurity.minimumUid = pss.minimumUid;
    settings.podSecurity = podSecurity;
  }
  const images = record(root.images);
  const trustedRegistries = strings(images?.trustedRegistries);
  if (trustedRegistries) settings.images = { trustedRegistries };
  const runtime = record(root.runtime);
  if (runtime) {
    const untrusted = record(runtime.untrusted);
    const namespaces = strings(untrusted?.namespaces);
    const selectors = strings(untrusted?.selectors);
    const sandboxedClasses = strings(runtime.sandboxedClasses);
    settings.runtime = {
      ...(untrusted ? { untrusted: { ...(namespaces ? { namespaces } : {}), ...(selectors ? { selectors } : {}) } } : {}),
      ...(sandboxedClasses ? { sandboxedClasses } : {}),
    };
  }
  const overrides: Override[] = [];
  if (Array.isArray(root.overrides)) {
    for (const item of root.overrides) {
      const entry = record(item);
      const files = strings(entry?.files)?.filter((f) => f !== '');
      if (!entry || !files?.length) continue;
      overrides.push({ files, rules: rulesOf(entry.rules) ?? {} });
    }
  }
  return { settings, ignore: strings(root.ignore)?.filter((g) => g !== '') ?? [], overrides };
}

function rulesOf(value: unknown): Record<string, RuleSetting> | undefined {
  const input = record(value);
  if (!input) return undefined;
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(input)) {
    if (RULE_IDS.has(id) && typeof setting === 'string' && (RULE_SETTINGS as readonly string[]).includes(setting)) rules[id] = setting as RuleSetting;
  }
  return rules;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The strings of a list (trimmed, blanks left out); undefined when it is not a list. */
function strings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v !== '');
}

// ---- Problems: a message per schema error, placed on its node ----

type PathSegment = string | number;

function problemOf(doc: Document.Parsed, text: string, error: ErrorObject): ConfigProblem {
  const path = segmentsOf(error.instancePath);
  const found = locate(doc, path);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    const pair = found.node && isMap(found.node) ? (found.node.items as Array<Pair<Node, Node | null>>).find((p) => keyText(p) === key) : undefined;
    const span = pair?.key ? spanOf(pair.key as Node, text) : lineSpan(found.node ?? found.key, text);
    return { message: unknownKeyMessage(path, key, error.parentSchema), ...span };
  }
  const span = found.node && isCollection(found.node) ? lineSpan(found.key ?? found.node, text) : spanOf(found.node ?? found.key, text);
  return { message: messageOf(path, error), ...span };
}

function unknownKeyMessage(path: readonly PathSegment[], key: string, parent: unknown): string {
  const known = Object.keys(record(record(parent)?.properties) ?? {});
  const where = path.length ? describePath(path) : undefined;
  if (path[path.length - 1] === 'rules') {
    const suggestion = didYouMean(key, RULE_IDS);
    return `Unknown rule id "${key}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} The rule ids are listed in docs/rules.`;
  }
  const suggestion = didYouMean(key, known);
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
  if (!where) return `Unknown setting "${key}".${hint} A .kubeguard.yaml takes ${TOP_LEVEL_KEYS.join(', ')}.`;
  return `${where} has no setting "${key}".${hint} It takes ${known.join(', ')}.`;
}

function messageOf(path: readonly PathSegment[], error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const where = path.length ? describePath(path) : 'The configuration';
  const schema = record(error.parentSchema) ?? {};
  const data = error.data;
  switch (error.keyword) {
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof data === 'string' ? didYouMean(data, allowed) : undefined;
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
      if (path[path.length - 2] === 'rules') return `${JSON.stringify(data)} is not a setting for rule ${String(path[path.length - 1])}: use ${orList(allowed)}.${hint}`;
      return `${where} must be ${orList(allowed)}, not ${JSON.stringify(data)}.${hint}`;
    }
    case 'type': {
      if (!path.length) return `A .kubeguard.yaml must be a mapping of settings (${TOP_LEVEL_KEYS.join(', ')}), not ${describeValue(data)}.`;
      return `${where} must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}, not ${describeValue(data)}.`;
    }
    case 'required': {
      const missing = String(params.missingProperty);
      if (path[0] === 'overrides' && missing === 'files') return `${where} needs "files": the globs (relative to this file's folder) it applies to.`;
      return `${where} needs "${missing}".`;
    }
    case 'pattern':
      return `${where} must be ${typeof schema.patternErrorMessage === 'string' ? schema.patternErrorMessage : `a string matching ${String(params.pattern)}`}, not ${JSON.stringify(data)}.`;
    case 'minimum':
    case 'maximum':
      return `${where} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}, not ${JSON.stringify(data)}.`;
    case 'minItems':
      return `${where} must list at least ${String(params.limit)} ${Number(params.limit) === 1 ? 'entry' : 'entries'}.`;
    case 'minLength':
      return `${where} must not be empty.`;
    default:
      return `${where} ${error.message ?? 'is not valid'}.`;
  }
}

/** `podSecurity.level`, `overrides[1].files[0]`, `rules.privileged-container`. */
function describePath(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function orList(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** What a value is, for "…, not a list". */
function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `the string "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return value === null ? 'empty' : Array.isArray(value) ? 'a list' : 'a mapping';
    default:
      return typeof value;
  }
}

/** How the schema's type names read in a message ("must be a list"). */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  array: 'a list',
  object: 'a mapping (key: value)',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

function segmentsOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath.slice(1).split('/').map((s) => {
    const decoded = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(decoded) ? Number(decoded) : decoded;
  });
}

/** The node at a path, and the key of the pair that holds it (if a map holds it); as deep as the path resolves. */
function locate(doc: Document.Parsed, path: readonly PathSegment[]): { node: Node | undefined; key: Node | undefined } {
  let node = deref(doc, doc.contents as Node | null);
  let key: Node | undefined;
  for (const segment of path) {
    if (!node) break;
    if (isMap(node)) {
      const pair = (node.items as Array<Pair<Node, Node | null>>).find((p) => keyText(p) === String(segment));
      if (!pair) break;
      key = pair.key as Node;
      node = deref(doc, pair.value);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) break;
      key = undefined;
      node = deref(doc, isPair(item) ? (item.key as Node) : (item as Node));
    } else {
      break;
    }
  }
  return { node: node ?? undefined, key };
}

function deref(doc: Document.Parsed, node: Node | null | undefined): Node | undefined {
  if (node && isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? node;
  return node ?? undefined;
}

function keyText(pair: Pair<Node, Node | null>): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function spanOf(node: Node | undefined, text: string): { start: number; end: number } {
  if (!node?.range) return { start: 0, end: Math.max(0, text.indexOf('\n')) };
  return { start: node.range[0], end: node.range[1] };
}

/** A collection's span would cover many lines: its first line says where it is. */
function lineSpan(node: Node | undefined, text: string): { start: number; end: number } {
  const { start, end } = spanOf(node, text);
  const newline = text.indexOf('\n', start);
  return { start, end: newline === -1 || newline > end ? end : text[newline - 1] === '\r' ? newline - 1 : newline };
}

/** yaml points some errors at one character (a duplicate key's first letter): cover the whole word. */
function widen(text: string, start: number, end: number): { start: number; end: number } {
  if (end - start > 1 || !/[^\s:,[\]{}#]/.test(text[start] ?? ' ')) return { start, end };
  let wide = start;
  while (wide < text.length && wide - start < 200 && /[^\s:,[\]{}#]/.test(text[wide]!)) wide++;
  return { start, end: wide };
}

function clampAll(problems: ConfigProblem[], length: number): ConfigProblem[] {
  return problems.map((p) => {
    const start = Math.min(Math.max(p.start, 0), length);
    return { ...p, start, end: Math.min(Math.max(p.end, start), length) };
  });
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  const clipped = line.length > 200 ? line.slice(0, 200) + '…' : line;
  return /[.!?]$/.test(clipped) ? clipped : clipped + '.';
}
