/** @file The command line, parsed: `kubeguard scan <paths...> [options]`, `--help`, `--version`. */
import { parseScanArgs, type ScanOptions } from './scanArgs';

export { FORMATS, type Format } from './scanArgs';

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  /** The scan options live in scanArgs.ts. */
  | ({ readonly kind: 'scan' } & ScanOptions)
  /** Bad usage: the message goes to stderr with the usage text, and the exit code is 2. */
  | { readonly kind: 'usage-error'; readonly message: string };

export const USAGE = `Usage: kubeguard scan <file|folder|-> [more...] [options]

Lints Kubernetes manifests for security problems.

  <file>          a YAML or JSON manifest (any name)
  <folder>        every *.yaml, *.yml and *.json below it, skipping node_modules and dot-folders
  -               read one manifest from standard input

Output:
  --format, -f FORMAT     text (default): file:line:col severity message [rule-id], then a summary
                          json: an array of {file, line, column, endLine, endColumn, ruleId, severity, message}
                          sarif: SARIF 2.1.0 with rule help, for GitHub code scanning and SARIF viewers
                          github: GitHub Actions workflow commands (annotations on the changed lines)
  --stdin-filename PATH   the path to report standard input as, and to lint it as

Configuration:
  --config, -c FILE       use FILE for every input; by default each input uses the nearest
                          .kubeguard.yaml (or .kubeguard.yml) in its folder or above, up to the
                          working directory (see docs/configuration.md)

CI:
  --max-warnings N        also fail when more than N warnings are reported
  --baseline FILE         report only findings not recorded in FILE (stale entries are counted)
  --write-baseline FILE   record every current finding in FILE, report nothing, exit 0

Fixes (safe fixes only: never a suppression comment or a fix that leaves a placeholder to fill in):
  --fix                   apply them in place (up to 3 passes), then report what is left
  --fix-dry-run           print them as a unified diff and change nothing

  --help, -h              show this help
  --version, -v           show the version

Exit status:
  0  no error-severity problem (and no more warnings than --max-warnings)
  1  at least one error-severity problem, or more warnings than --max-warnings
  2  bad usage, an input or baseline file that cannot be read, or an invalid configuration file`;

export function parseArgs(argv: readonly string[]): Command {
  // Help and version win wherever they appear, as in most CLIs.
  if (argv.some((a) => a === '--help' || a === '-h')) return { kind: 'help' };
  if (argv.some((a) => a === '--version' || a === '-v')) return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command === undefined) return { kind: 'usage-error', message: 'missing command' };
  if (command !== 'scan') return { kind: 'usage-error', message: command.startsWith('-') ? `unknown option: ${command}` : `unknown command: ${command}` };

  const scan = parseScanArgs(rest);
  return 'error' in scan ? { kind: 'usage-error', message: scan.error } : { kind: 'scan', ...scan };
}
