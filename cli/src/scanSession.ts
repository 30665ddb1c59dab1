/**
 * @file What `kubeguard scan` does with each file's lint result: apply fixes (`--fix`,
 * `--fix-dry-run`), hide baselined findings, write a baseline, print the chosen format and decide
 * the exit code (errors, `--max-warnings`). main.ts reads and lints; this file does the rest, so
 * the two can change independently.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FileResult } from '../../shared/src/engine/lint';
import { Baseline, serializeBaseline } from './baseline';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from './exitCodes';
import type { Input } from './files';
import { fixToFixedPoint, type AppliedFix } from './fix';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText, summary } from './formatters/text';
import { problemsOf, type FileProblems, type Problem } from './problems';
import type { ScanOptions } from './scanArgs';
import { unifiedDiff } from './unifiedDiff';
import { packageVersion } from './version';

/** The part of main's Io this needs. */
export interface SessionIo {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export class ScanSession {
  private readonly files: FileProblems[] = [];
  private readonly diffs: string[] = [];
  private fixedProblems = 0;
  private fixedFiles = 0;
  private writeFailed = false;

  private constructor(
    private readonly options: ScanOptions,
    private readonly io: SessionIo,
    private readonly baseline: Baseline | undefined,
  ) {}

  /** Undefined (after saying why on stderr) when the baseline file cannot be used: exit 2. */
  static async open(options: ScanOptions, io: SessionIo): Promise<ScanSession | undefined> {
    if (options.baseline === undefined) return new ScanSession(options, io, undefined);
    try {
      return new ScanSession(options, io, await Baseline.read(options.baseline, io.cwd));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `no such file: ${options.baseline}` : (error as Error).message;
      io.stderr(`kubeguard: cannot use the baseline: ${reason}\nCreate one with: kubeguard scan <paths> --write-baseline ${options.baseline}\n`);
      return undefined;
    }
  }

  /** Lints one input with `lint`, fixing it first when asked; returns the result that is reported. */
  async lintFile(input: Input, text: string, lint: (text: string) => FileResult): Promise<FileResult> {
    let result = lint(text);
    if (this.options.fix !== 'none') {
      const outcome = fixToFixedPoint(result, lint);
      // When the fixed text cannot be written, the file on disk is still the original: report that.
      if (outcome.applied.length === 0 || (await this.recordFix(input, text, outcome.result.text, outcome.applied))) result = outcome.result;
    }
    this.files.push({ input, problems: problemsOf(input.display, result) });
    return result;
  }

  /** False when the fixed text could not be written. */
  private async recordFix(input: Input, before: string, after: string, applied: readonly AppliedFix[]): Promise<boolean> {
    if (this.options.fix === 'dry-run') {
      this.diffs.push(unifiedDiff(before, after, input.display));
    } else if (input.kind === 'file') {
      try {
        await writeKeepingBom(input.absolute, after);
      } catch (error) {
        this.writeFailed = true;
        this.io.stderr(`kubeguard: cannot write ${input.display}: ${(error as Error).message}\n`);
        return false;
      }
    }
    this.fixedProblems += applied.length;
    this.fixedFiles++;
    const verb = this.options.fix === 'dry-run' ? 'would fix' : 'fixed';
    this.io.stderr(`kubeguard: ${verb} ${count(applied.length, 'problem')} in ${input.display} (${describe(applied)})\n`);
    return true;
  }

  /** Prints the report and returns the exit code. */
  async finish(filesScanned: number, unreadable: boolean): Promise<number> {
    if (this.options.writeBaseline !== undefined) return this.writeBaseline(unreadable);
    const shown = this.baseline ? this.files.map(({ input, problems }) => ({ input, problems: this.baseline!.filter(input, problems) })) : this.files;
    const problems = shown.flatMap((file) => file.problems);
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.filter((p) => p.severity === 'warning').length;
    const tooManyWarnings = this.options.maxWarnings !== undefined && warnings > this.options.maxWarnings;
    const notes = this.notes(warnings, tooManyWarnings);
    this.print(shown, problems, filesScanned, notes);
    if (unreadable || this.writeFailed) return EXIT_USAGE;
    return errors > 0 || tooManyWarnings ? EXIT_ERRORS : EXIT_OK;
  }

  private print(shown: readonly FileProblems[], problems: readonly Problem[], filesScanned: number, notes: readonly string[]): void {
    const toStderr = () => notes.forEach((note) => this.io.stderr(`kubeguard: ${note}\n`));
    switch (this.options.fix === 'dry-run' ? 'diff' : this.options.format) {
      case 'diff':
        this.io.stdout(this.diffs.join(''));
        this.io.stderr(this.fixedFiles === 0 ? 'kubeguard: nothing to fix automatically; nothing was written.\n' : `kubeguard: --fix-dry-run: would fix ${count(this.fixedProblems, 'problem')} in ${count(this.fixedFiles, 'file')}; nothing was written.\n`);
        this.io.stderr(`kubeguard: after these fixes: ${summary(problems, filesScanned)}\n`);
        return toStderr();
      case 'text':
        return this.io.stdout(formatText(problems, filesScanned, notes));
      case 'json':
        this.io.stdout(formatJson(problems));
        return toStderr();
      case 'sarif':
        this.io.stdout(formatSarif(shown, { root: this.io.cwd, toolVersion: packageVersion(), baselineApplied: this.baseline !== undefined }));
        return toStderr();
      case 'github':
        return this.io.stdout(formatGithub(problems, [summary(problems, filesScanned), ...notes]));
    }
  }

  private notes(warnings: number, tooManyWarnings: boolean): string[] {
    const notes: string[] = [];
    if (this.baseline) {
      const { file, hidden, stale } = this.baseline;
      let note = `Baseline ${file}: ${count(hidden, 'known finding')} not shown.`;
      if (stale > 0) note += ` ${count(stale, 'recorded finding')} no longer found (fixed or changed): refresh the baseline with --write-baseline ${file}.`;
      notes.push(note);
    }
    if (tooManyWarnings) notes.push(`${count(warnings, 'warning')}, more than --max-warnings ${this.options.maxWarnings} allows.`);
    return notes;
  }

  private async writeBaseline(unreadable: boolean): Promise<number> {
    const file = this.options.writeBaseline!;
    // A baseline missing the findings of an unreadable file would let them through later as "new"; write none.
    if (unreadable || this.writeFailed) {
      this.io.stderr(`kubeguard: ${file} was not written: some inputs could not be read or fixed.\n`);
      return EXIT_USAGE;
    }
    const { text, count: recorded } = serializeBaseline(this.files, file);
    try {
      await fs.writeFile(path.resolve(this.io.cwd, file), text);
    } catch (error) {
      this.io.stderr(`kubeguard: cannot write the baseline ${file}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    this.io.stderr(`kubeguard: wrote ${count(recorded, 'finding')} to ${file}; scans with --baseline ${file} report only findings not in it.\n`);
    return EXIT_OK;
  }
}

/** The file is read without its byte-order mark (columns must match the editor's); put it back. */
async function writeKeepingBom(file: string, text: string): Promise<void> {
  const head = await fs.readFile(file, { encoding: 'utf8', flag: 'r' }).catch(() => '');
  await fs.writeFile(file, head.charCodeAt(0) === 0xfeff ? '\ufeff' + text : text);
}

function describe(applied: readonly AppliedFix[]): string {
  const byRule = new Map<string, number>();
  for (const fix of applied) byRule.set(fix.ruleId, (byRule.get(fix.ruleId) ?? 0) + 1);
  return [...byRule].map(([ruleId, n]) => (n === 1 ? ruleId : `${ruleId} ×${n}`)).join(', ');
}

function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
