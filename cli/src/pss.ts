/**
 * @file `kubeguard pss <paths...> --level baseline|restricted --version v1.N|latest [--format text|json]`:
 * would these manifests pass a namespace labelled `enforce=<level>:<version>`? Evaluates every
 * pod-bearing object exactly as Pod Security admission does, ignoring Namespace labels (the
 * question names the policy) and every rule setting. From `.kubeguard.yaml` it takes only what
 * belongs to that question: the files it ignores, and its `podSecurity` level and version when
 * the command line names none.
 */
import { LineIndex } from '../../shared/src/model/lines';
import { objectsOf, type K8sObject } from '../../shared/src/model/objects';
import { parseSegment, splitDocuments } from '../../shared/src/model/parse';
import { workloadOf } from '../../shared/src/model/workload';
import { locate } from '../../shared/src/policy/locate';
import { podObject } from '../../shared/src/policy/podSecurity';
import { evaluatePod, isLevel, parseVersion, type PssLevel } from '../../shared/src/pss';
import { podSecurityOf } from '../../shared/src/engine/config';
import { ScanConfig } from './config';
import { collectInputs, readInput, type Input } from './files';
import type { Io } from './main';

const EXIT_OK = 0;
const EXIT_NOT_ALLOWED = 1;
const EXIT_USAGE = 2;

export const PSS_USAGE = `Usage: kubeguard pss <file|folder|-> [more...] [--level baseline|restricted] [--version v1.N|latest] [--format text|json] [--config FILE]

Checks every pod-bearing object (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob, ...)
against a Pod Security Standards level at a policy version, the way Pod Security admission
does: "would these manifests pass a namespace labelled enforce=<level>:<version>?"

Options:
  --level, -l     baseline or restricted (privileged passes everything); default: the
                  podSecurity.level of the file's .kubeguard.yaml, else restricted
  --version       v1.<minor> or latest; default: its podSecurity.version, else latest
  --format, -f    text (default) or json: an array of
                  {file, kind, name, namespace, line, policy, allowed, violations: [{check, message, line}]}
  --config FILE   this .kubeguard.yaml for every input, instead of each one's nearest
  --help, -h      show this help

Files a .kubeguard.yaml ignores are not checked. Its rule settings do not apply here.

Exit status: 0 every object allowed, 1 at least one object not allowed (or a document that
does not parse), 2 bad usage, unreadable input or an invalid configuration file.`;

export interface PssOptions {
  readonly paths: readonly string[];
  /** Undefined: each file's configured level (restricted without one). */
  readonly level?: PssLevel;
  /** Undefined: each file's configured version (latest without one). */
  readonly version?: string;
  readonly format: 'text' | 'json';
  readonly config?: string;
}

/** One pod-bearing object's verdict: the documented JSON shape. */
export interface PssEntry {
  readonly file: string;
  readonly kind: string;
  readonly name: string | null;
  readonly namespace: string | null;
  readonly line: number;
  /** `<level>:<version>`, the policy the object was checked against. */
  readonly policy: string;
  readonly allowed: boolean;
  readonly violations: ReadonlyArray<{ readonly check: string; readonly message: string; readonly line: number }>;
}

export function parsePssArgs(argv: readonly string[]): PssOptions | { help: true } | { error: string } {
  const paths: string[] = [];
  let level: PssLevel | undefined;
  let version: string | undefined;
  let format: 'text' | 'json' = 'text';
  let config: string | undefined;
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') return { help: true };
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? argv[++i];
    if (flag === '--level' || flag === '-l') {
      if (value === undefined || !isLevel(value)) return { error: `--level needs baseline, restricted or privileged${value === undefined ? '' : `, not "${value}"`}` };
      level = value;
    } else if (flag === '--version') {
      if (value === undefined || parseVersion(value).error) return { error: `--version needs v1.<minor> or latest${value === undefined ? '' : `, not "${value}"`}` };
      version = value;
    } else if (flag === '--format' || flag === '-f') {
      if (value !== 'text' && value !== 'json') return { error: `--format needs text or json${value === undefined ? '' : `, not "${value}"`}` };
      format = value;
    } else if (flag === '--config') {
      if (value === undefined) return { error: '--config needs a file' };
      config = value;
    } else {
      return { error: `unknown option: ${flag}` };
    }
  }
  if (paths.length === 0) return { error: 'missing path: give at least one file, folder or - for stdin' };
  return { paths, level, version, format, config };
}

/** Evaluates the pod-bearing objects of one file. */
export function checkText(file: string, text: string, level: PssLevel, version: string): { entries: PssEntry[]; unparsed: number } {
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.positionAt(offset).line + 1;
  const entries: PssEntry[] = [];
  let unparsed = 0;
  for (const piece of splitDocuments(text)) {
    const segment = parseSegment(piece.base, piece.text);
    if (segment.problems.length > 0) {
      unparsed++;
      continue;
    }
    for (const object of objectsOf(segment)) {
      const workload = workloadOf(object);
      const pod = workload && podObject(workload);
      if (!workload || pod === undefined) continue;
      const result = evaluatePod(pod, level, version);
      entries.push({
        file,
        kind: object.kind,
        name: object.name ?? null,
        namespace: object.namespace ?? null,
        line: lineOf(piece.base + startOf(object)),
        policy: `${level}:${version}`,
        allowed: result.allowed,
        violations: result.violations.map((violation) => {
          const first = violation.findings[0];
          const at = first ? locate(workload, first.path) : undefined;
          const node = at ? (at.found ? at.valueNode : at.keyNode) : object.anchor;
          return { check: violation.check, message: violation.message, line: lineOf(piece.base + (node.range?.[0] ?? 0)) };
        }),
      });
    }
  }
  return { entries, unparsed };
}

function startOf(object: K8sObject): number {
  return object.map.node.range?.[0] ?? object.anchor.range?.[0] ?? 0;
}

/** `policy`: what the summary names when no object was checked. */
export function formatPssText(entries: readonly PssEntry[], policy: string): string {
  const out: string[] = [];
  for (const e of entries) {
    const who = `${e.kind} ${e.name ?? '(unnamed)'}${e.namespace ? ` in namespace ${e.namespace}` : ''}`;
    if (e.allowed) {
      out.push(`${e.file}:${e.line} ${who}: passes ${e.policy}`);
      continue;
    }
    const pods = e.kind === 'Pod' ? 'would be rejected' : 'its pods would be rejected';
    out.push(`${e.file}:${e.line} ${who}: fails ${e.policy} (${pods})`);
    for (const v of e.violations) out.push(`  ${e.file}:${v.line} ${v.check}: ${v.message}`);
  }
  const failed = entries.filter((e) => !e.allowed).length;
  const policies = new Set(entries.map((e) => e.policy));
  const against = policies.size > 1 ? 'their files\' policies' : (entries[0]?.policy ?? policy);
  out.push(`${entries.length} pod-bearing object${entries.length === 1 ? '' : 's'} checked against ${against}: ${entries.length - failed} pass, ${failed} fail.`);
  return out.join('\n') + '\n';
}

export function formatPssJson(entries: readonly PssEntry[]): string {
  // Rebuilt key by key so the output keeps its documented shape.
  const out = entries.map((e) => ({
    file: e.file,
    kind: e.kind,
    name: e.name,
    namespace: e.namespace,
    line: e.line,
    policy: e.policy,
    allowed: e.allowed,
    violations: e.violations.map((v) => ({ check: v.check, message: v.message, line: v.line })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}

export async function runPss(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parsePssArgs(argv);
  if ('help' in parsed) {
    io.stdout(PSS_USAGE + '\n');
    return EXIT_OK;
  }
  if ('error' in parsed) {
    io.stderr(`kubeguard pss: ${parsed.error}\n\n${PSS_USAGE}\n`);
    return EXIT_USAGE;
  }
  const { inputs, missing } = await collectInputs(parsed.paths, io.cwd);
  if (missing.length > 0) {
    io.stderr(missing.map((p) => `kubeguard pss: no such file or folder: ${p}\n`).join(''));
    return EXIT_USAGE;
  }
  const config = await ScanConfig.load(parsed.config, inputs, io);
  if (!config) return EXIT_USAGE;
  const policyOf = (input: Input) => {
    const configured = podSecurityOf(config.settingsFor(input));
    return { level: parsed.level ?? configured.level, version: parsed.version ?? configured.version };
  };
  const entries: PssEntry[] = [];
  let unreadable = false;
  let unparsed = false;
  for (const input of inputs) {
    if (!config.settingsFor(input).enable) continue; // ignored by its .kubeguard.yaml
    const text = await read(input, io);
    if (text === undefined) {
      unreadable = true;
      continue;
    }
    const { level, version } = policyOf(input);
    const result = checkText(input.display, text, level, version);
    if (result.unparsed > 0) {
      unparsed = true;
      io.stderr(`kubeguard pss: ${input.display}: ${result.unparsed} document(s) are not valid YAML and were not checked\n`);
    }
    entries.push(...result.entries);
  }
  const fallback = inputs[0] ? policyOf(inputs[0]) : { level: parsed.level ?? 'restricted', version: parsed.version ?? 'latest' };
  io.stdout(parsed.format === 'json' ? formatPssJson(entries) : formatPssText(entries, `${fallback.level}:${fallback.version}`));
  if (unreadable) return EXIT_USAGE;
  return unparsed || entries.some((e) => !e.allowed) ? EXIT_NOT_ALLOWED : EXIT_OK;
}

async function read(input: Input, io: Io): Promise<string | undefined> {
  try {
    return await readInput(input, io.readStdin);
  } catch (error) {
    io.stderr(`kubeguard pss: cannot read ${input.display}: ${(error as Error).message}\n`);
    return undefined;
  }
}
