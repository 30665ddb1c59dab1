/** @file Runs the built CLI (dist/cli.js) the way a user does, in a temporary folder the test fills with files. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './root';

export const CLI = path.join(repoRoot(), 'dist', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export class TempWorkspace {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'kubeguard-ci-'));

  write(relative: string, text: string): string {
    const file = path.join(this.dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  read(relative: string): string {
    return readFileSync(path.join(this.dir, relative), 'utf8');
  }

  /** `kubeguard <args>` with this folder as the working directory. */
  cli(args: readonly string[], input?: string): CliRun {
    return runCli(args, this.dir, input);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function runCli(args: readonly string[], cwd: string, input?: string): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
