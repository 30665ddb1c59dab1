/** @file The options of `kubeguard scan`: output format, CI gates, baseline, fixes and standard input. */

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** `write` rewrites files in place; `dry-run` prints the same changes as a unified diff. */
export type FixMode = 'none' | 'write' | 'dry-run';

export interface ScanOptions {
  readonly paths: readonly string[];
  readonly format: Format;
  /** Exit 1 when more warnings than this are reported (after the baseline has hidden the known ones). */
  readonly maxWarnings: number | undefined;
  /** The path standard input is reported under, and linted as (a file under `templates/` is a Helm template). */
  readonly stdinFilename: string | undefined;
  /** Findings recorded in this file are not reported. */
  readonly baseline: string | undefined;
  /** Record every current finding in this file instead of judging them. */
  readonly writeBaseline: string | undefined;
  readonly fix: FixMode;
  /** The configuration file for every input, instead of each input's nearest `.kubeguard.yaml`. */
  readonly config: string | undefined;
}

type Parsed = ScanOptions | { readonly error: string };

const VALUE_OPTIONS = ['--format', '-f', '--max-warnings', '--stdin-filename', '--baseline', '--write-baseline', '--config', '-c'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** Parses what follows `scan`. Options may come before, between or after the paths; `--` ends them. */
export function parseScanArgs(args: readonly string[]): Parsed {
  const paths: string[] = [];
  let format: Format = 'text';
  let maxWarnings: number | undefined;
  let stdinFilename: string | undefined;
  let baseline: string | undefined;
  let writeBaseline: string | undefined;
  let fix: FixMode = 'none';
  let config: string | undefined;
  let onlyPaths = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    if (arg === '--fix' || arg === '--fix-dry-run') {
      const mode = arg === '--fix' ? 'write' : 'dry-run';
      if (fix !== 'none' && fix !== mode) return { error: '--fix and --fix-dry-run do not combine: choose one' };
      fix = mode;
      continue;
    }
    const name = VALUE_OPTIONS.find((option) => arg === option || arg.startsWith(`${option}=`));
    if (name === undefined) return { error: `unknown option: ${arg}` };
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
    if (value === undefined || value === '') return { error: `${name} needs a value${hint(name)}` };
    switch (name) {
      case '--format':
      case '-f':
        if (!(FORMATS as readonly string[]).includes(value)) return { error: `unknown format: ${value} (expected ${FORMATS.join(', ')})` };
        format = value as Format;
        break;
      case '--max-warnings':
        if (!/^\d+$/.test(value)) return { error: `--max-warnings needs a whole number of warnings, not ${value}` };
        maxWarnings = Number(value);
        break;
      case '--stdin-filename':
        stdinFilename = value;
        break;
      case '--baseline':
        baseline = value;
        break;
      case '--write-baseline':
        writeBaseline = value;
        break;
      case '--config':
      case '-c':
        config = value;
        break;
    }
  }
  if (paths.length === 0) return { error: 'missing path: give at least one file, folder or - for stdin' };
  const conflict = conflictOf({ paths, format, maxWarnings, stdinFilename, baseline, writeBaseline, fix, config });
  if (conflict) return { error: conflict };
  return { paths, format, maxWarnings, stdinFilename, baseline, writeBaseline, fix, config };
}

function hint(option: ValueOption): string {
  if (option === '--format' || option === '-f') return `: ${FORMATS.join(', ')}`;
  if (option === '--max-warnings') return ': a whole number';
  if (option === '--config' || option === '-c') return ': a .kubeguard.yaml file';
  return option === '--stdin-filename' ? ': the path to report standard input as' : ': a file';
}

/** Combinations whose meaning would be a guess are refused rather than half-honoured. */
function conflictOf(options: ScanOptions): string | undefined {
  const stdin = options.paths.includes('-');
  if (options.stdinFilename !== undefined && !stdin) return '--stdin-filename names standard input: use it with - as a path';
  if (options.fix === 'write' && stdin) return '--fix rewrites files in place and cannot rewrite standard input: use --fix-dry-run to see the diff';
  if (options.fix === 'dry-run' && options.format !== 'text') return '--fix-dry-run prints a unified diff: it takes no --format';
  if (options.fix === 'dry-run' && options.writeBaseline !== undefined) return '--write-baseline records findings, and --fix-dry-run changes nothing to record: run --fix first';
  if (options.baseline !== undefined && options.writeBaseline !== undefined) return '--baseline and --write-baseline do not combine: --write-baseline records every current finding (re-run it to refresh a baseline)';
  return undefined;
}
