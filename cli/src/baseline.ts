/**
 * @file Baselines, so a legacy repository adopts kubeguard and fails only on new findings:
 * `--write-baseline FILE` records every current finding by fingerprint (rule, file, object,
 * message; never a line number, so unrelated edits do not invalidate it) and `--baseline FILE`
 * hides the findings recorded there. Recorded findings that are gone are counted as stale.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findingHash, portableRelative } from './fingerprint';
import { STDIN_NAME, type Input } from './files';
import type { FileProblems, Problem } from './problems';

export const BASELINE_VERSION = 1;

/** One recorded finding. Everything but the fingerprint is there for the humans reviewing the file. */
export interface BaselineEntry {
  readonly fingerprint: string;
  readonly file: string;
  readonly ruleId: string;
  readonly object: string;
  readonly message: string;
}

interface BaselineDocument {
  readonly kubeguardBaseline: number;
  readonly comment?: string;
  readonly findings: readonly BaselineEntry[];
}

/** Paths in a baseline are relative to the baseline's own folder, so it works from any working directory. */
function fileKey(input: Input, baselineDir: string): string {
  return input.absolute === undefined ? input.display : portableRelative(baselineDir, input.absolute);
}

function entryOf(problem: Problem, file: string): BaselineEntry {
  const fields = { ruleId: problem.ruleId, file, object: problem.object, message: problem.message };
  return { fingerprint: findingHash(fields), ...fields };
}

export function serializeBaseline(files: readonly FileProblems[], baselineFile: string): { text: string; count: number } {
  const dir = path.dirname(path.resolve(baselineFile));
  const findings = files
    .flatMap(({ input, problems }) => problems.map((problem) => entryOf(problem, fileKey(input, dir))))
    // Sorted by what a reviewer reads, so regenerating a baseline gives a small, readable diff.
    .sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.object, b.object) || compare(a.message, b.message));
  const document: BaselineDocument = {
    kubeguardBaseline: BASELINE_VERSION,
    comment: 'Findings accepted when kubeguard was adopted: `kubeguard scan --baseline <this file>` reports only findings not listed here. Regenerate with --write-baseline to drop the fixed ones.',
    findings,
  };
  return { text: JSON.stringify(document, null, 2) + '\n', count: findings.length };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class Baseline {
  /** Fingerprint → how many such findings are recorded and not yet matched (one finding matches one entry). */
  private readonly remaining = new Map<string, { file: string; count: number }>();
  private hiddenCount = 0;
  private readonly scannedFiles = new Set<string>();

  private constructor(
    readonly file: string,
    private readonly dir: string,
    entries: readonly BaselineEntry[],
  ) {
    for (const entry of entries) {
      const slot = this.remaining.get(entry.fingerprint);
      if (slot) slot.count++;
      else this.remaining.set(entry.fingerprint, { file: entry.file, count: 1 });
    }
  }

  /** Reads a baseline; the error's message says what is wrong with the file. */
  static async read(file: string, cwd: string): Promise<Baseline> {
    const absolute = path.resolve(cwd, file);
    const text = await fs.readFile(absolute, 'utf8');
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new Error(`${file} is not JSON: ${(error as Error).message}`);
    }
    if (!isBaselineDocument(document)) throw new Error(`${file} is not a kubeguard baseline (expected {"kubeguardBaseline": ${BASELINE_VERSION}, "findings": [...]}, as --write-baseline writes)`);
    return new Baseline(file, path.dirname(absolute), document.findings);
  }

  /** The problems of one input that the baseline does not record. */
  filter(input: Input, problems: readonly Problem[]): Problem[] {
    const key = fileKey(input, this.dir);
    this.scannedFiles.add(key);
    return problems.filter((problem) => {
      const slot = this.remaining.get(entryOf(problem, key).fingerprint);
      if (!slot || slot.count === 0) return true;
      slot.count--;
      this.hiddenCount++;
      return false;
    });
  }

  get hidden(): number {
    return this.hiddenCount;
  }

  /**
   * Recorded findings not found again: in a file this scan read, or in a file that no longer exists.
   * Entries for files outside this scan are not judged, so scanning one folder does not call the rest stale.
   */
  get stale(): number {
    let stale = 0;
    for (const { file, count } of this.remaining.values()) {
      if (count === 0) continue;
      if (this.scannedFiles.has(file) || (file !== STDIN_NAME && !existsSync(path.resolve(this.dir, file)))) stale += count;
    }
    return stale;
  }
}

function isBaselineDocument(value: unknown): value is BaselineDocument {
  if (typeof value !== 'object' || value === null) return false;
  const document = value as Record<string, unknown>;
  if (document.kubeguardBaseline !== BASELINE_VERSION || !Array.isArray(document.findings)) return false;
  return document.findings.every((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return false;
    const fields = entry as Record<string, unknown>;
    return ['fingerprint', 'file', 'ruleId', 'object', 'message'].every((key) => typeof fields[key] === 'string');
  });
}
