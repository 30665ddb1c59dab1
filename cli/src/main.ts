/** @file The kubeguard CLI: scans manifests with the same engine as the editor and reports like a compiler. */
import { parseArgs, USAGE } from './args';
import { ScanConfig } from './config';
import { EXIT_OK, EXIT_USAGE } from './exitCodes';
import { collectInputs, readInput, type Input } from './files';
import { runPss } from './pss';
import type { ScanOptions } from './scanArgs';
import { ScanSession } from './scanSession';
import { packageVersion } from './version';
import { ScanWorkspace } from './workspace';

export { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from './exitCodes';

/** Everything the CLI touches of the outside world, so tests can run it in-process. */
export interface Io {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  // `kubeguard pss ...`: Pod Security Standards verdicts per object, its own arguments (pss.ts).
  if (argv[0] === 'pss') return runPss(argv.slice(1), io);
  const command = parseArgs(argv);
  switch (command.kind) {
    case 'help':
      io.stdout(USAGE + '\n');
      return EXIT_OK;
    case 'version':
      io.stdout(packageVersion() + '\n');
      return EXIT_OK;
    case 'usage-error':
      io.stderr(`kubeguard: ${command.message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    case 'scan':
      return scan(command, io);
  }
}

async function scan(options: ScanOptions, io: Io): Promise<number> {
  const { inputs, missing } = await collectInputs(options.paths, io.cwd, options.stdinFilename);
  if (missing.length > 0) {
    io.stderr(missing.map((p) => `kubeguard: no such file or folder: ${p}\n`).join('') + 'Run kubeguard --help for usage.\n');
    return EXIT_USAGE;
  }
  // `.kubeguard.yaml`: settings per input, ignored paths (config.ts). A bad one stops the scan.
  const config = await ScanConfig.load(options.config, inputs, io);
  if (!config) return EXIT_USAGE;
  // Fixes, baseline, output format and exit code: scanSession.ts.
  const session = await ScanSession.open(options, io);
  if (!session) return EXIT_USAGE;
  let unreadable = false;
  const texts = new Map<Input, string>();
  for (const input of inputs) {
    const text = await read(input, io);
    if (text === undefined) unreadable = true;
    else texts.set(input, text);
  }
  // Every input is indexed before any is linted, so cross-file findings see the whole set, as in the editor.
  const workspace = new ScanWorkspace(texts);
  let ignored = 0;
  for (const [input, text] of texts) {
    // Same engine, same settings resolution as the editor: the two never disagree about a file.
    const settings = config.settingsFor(input);
    // Ignored by the configuration: not linted or reported (its objects still count for the other files).
    if (!settings.enable) {
      ignored++;
      continue;
    }
    const lint = (source: string) => workspace.lint(input, source, settings);
    const result = await session.lintFile(input, text, lint);
    for (const failure of result.ruleErrors) io.stderr(`kubeguard: internal error in ${input.display}: ${failure}\n`);
  }
  return session.finish(inputs.length - ignored, unreadable);
}

async function read(input: Input, io: Io): Promise<string | undefined> {
  try {
    return await readInput(input, io.readStdin);
  } catch (error) {
    io.stderr(`kubeguard: cannot read ${input.display}: ${(error as Error).message}\n`);
    return undefined;
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

if (require.main === module) {
  // `kubeguard scan . | head` closes the pipe early: that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  const io: Io = {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin,
  };
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`kubeguard: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
