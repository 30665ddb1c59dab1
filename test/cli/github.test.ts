/** @file `--format github` (workflow commands, escaped as the Actions runner expects), `--max-warnings`, stdin, exit codes. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { escapeData, escapeProperty } from '../../cli/src/formatters/github';
import { TempWorkspace } from '../harness/cli';
import { yaml } from '../harness/yaml';

const PRIVILEGED = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: scratch
  spec:
    containers:
      - name: app
        image: nginx:1.27
        securityContext:
          privileged: true
`;
const WARNINGS_ONLY = PRIVILEGED.replace('privileged: true', 'privileged: false');

/** What the Actions runner does with a command line: split at the first `::` after the properties, then unescape. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  const properties = Object.fromEntries(match[2]!.split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), unescape(pair.slice(pair.indexOf('=') + 1))]));
  return { command: match[1]!, properties, message: unescape(match[3]!) };
}

describe('--format github', () => {
  const ws = new TempWorkspace();
  before(() => {
    ws.write('privileged.yaml', PRIVILEGED);
    ws.write('warnings.yaml', WARNINGS_ONLY);
  });
  after(() => ws.dispose());

  test('escaping follows the runner: % CR LF in messages, and also : and , in properties', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('dir/a,b:c%d.yaml'), 'dir/a%2Cb%3Ac%25d.yaml');
    assert.equal(escapeProperty('%2C'), '%252C', 'an already-escaped look-alike is escaped again, so it unescapes to itself');
  });

  test('one command per problem with file, line, col, endLine, endColumn and title; then the summary', () => {
    const { status, stdout } = ws.cli(['scan', 'privileged.yaml', '--format', 'github']);
    assert.equal(status, 1);
    const lines = stdout.trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::')).map(parseCommand);
    assert.ok(commands.length > 1);
    for (const c of commands) {
      assert.ok(['error', 'warning', 'notice'].includes(c.command), c.command);
      assert.deepEqual(Object.keys(c.properties), ['file', 'line', 'col', 'endLine', 'endColumn', 'title']);
      assert.equal(c.properties.file, 'privileged.yaml');
    }
    const privileged = commands.find((c) => c.properties.title!.endsWith('(privileged-container)'))!;
    assert.equal(privileged.command, 'error');
    assert.deepEqual([privileged.properties.line, privileged.properties.col, privileged.properties.endLine, privileged.properties.endColumn], ['10', '21', '10', '25']);
    assert.match(privileged.message, /^Container "app" runs privileged/);
    assert.match(lines[lines.length - 1]!, /^\d+ problems \(1 error, .*\) in 1 of 1 file scanned\.$/);
  });

  test('a file name and messages with commas, colons and percent signs survive the round trip', () => {
    const weird = PRIVILEGED.replace('name: scratch', 'name: "a,b:c%d"');
    const { stdout } = ws.cli(['scan', '-', '--stdin-filename', 'odd dir/x,y:z%.yaml', '--format', 'github'], weird);
    const commands = stdout.split('\n').filter((l) => l.startsWith('::')).map(parseCommand);
    assert.ok(commands.length > 0);
    for (const c of commands) assert.equal(c.properties.file, 'odd dir/x,y:z%.yaml');
    assert.ok(commands.some((c) => c.message.includes('"a,b:c%d"')), 'the message is unescaped back to the original');
  });
});

describe('--max-warnings, stdin and exit codes', () => {
  const ws = new TempWorkspace();
  let warnings = 0;
  before(() => {
    ws.write('privileged.yaml', PRIVILEGED);
    ws.write('warnings.yaml', WARNINGS_ONLY);
    const problems = JSON.parse(ws.cli(['scan', 'warnings.yaml', '--format', 'json']).stdout) as Array<{ severity: string }>;
    warnings = problems.filter((p) => p.severity === 'warning').length;
    assert.ok(warnings >= 2, 'the fixture has warnings');
    assert.ok(problems.every((p) => p.severity !== 'error'), 'and no error');
  });
  after(() => ws.dispose());

  test('exit 1 only when the warnings exceed the limit, with the reason in the summary', () => {
    assert.equal(ws.cli(['scan', 'warnings.yaml']).status, 0, 'no limit: warnings pass');
    assert.equal(ws.cli(['scan', 'warnings.yaml', '--max-warnings', String(warnings)]).status, 0, 'exactly at the limit passes');
    const over = ws.cli(['scan', 'warnings.yaml', `--max-warnings=${warnings - 1}`]);
    assert.equal(over.status, 1);
    assert.match(over.stdout, new RegExp(`^${warnings} warnings, more than --max-warnings ${warnings - 1} allows\\.$`, 'm'));
    const json = ws.cli(['scan', 'warnings.yaml', '--max-warnings', '0', '--format', 'json']);
    assert.equal(json.status, 1);
    assert.doesNotThrow(() => JSON.parse(json.stdout), 'the note goes to stderr, so stdout stays JSON');
    assert.match(json.stderr, /more than --max-warnings 0/);
    assert.equal(ws.cli(['scan', 'privileged.yaml', '--max-warnings', '1000']).status, 1, 'errors fail whatever the limit');
  });

  test('- reads standard input, reported under --stdin-filename', () => {
    const { status, stdout } = ws.cli(['scan', '-', '--stdin-filename', 'k8s/pod.yaml'], PRIVILEGED);
    assert.equal(status, 1);
    assert.match(stdout, /^k8s\/pod\.yaml:10:21 error Container "app" runs privileged/m);
    assert.match(ws.cli(['scan', '-'], PRIVILEGED).stdout, /^<stdin>:10:21 error/m);
  });

  test('bad usage exits 2 with a reason', () => {
    const cases: Array<[string[], RegExp]> = [
      [['scan', 'warnings.yaml', '--max-warnings', 'many'], /--max-warnings needs a whole number/],
      [['scan', 'warnings.yaml', '--max-warnings', '-1'], /--max-warnings needs a value|--max-warnings needs a whole number/],
      [['scan', 'warnings.yaml', '--format', 'xml'], /unknown format: xml \(expected text, json, sarif, github\)/],
      [['scan', 'warnings.yaml', '--stdin-filename', 'x.yaml'], /--stdin-filename names standard input/],
      [['scan', '-', '--fix'], /--fix rewrites files in place and cannot rewrite standard input/],
      [['scan', 'warnings.yaml', '--fix', '--fix-dry-run'], /do not combine/],
      [['scan', 'warnings.yaml', '--fix-dry-run', '--format', 'json'], /--fix-dry-run prints a unified diff/],
      [['scan', 'warnings.yaml', '--baseline', 'a.json', '--write-baseline', 'b.json'], /--baseline and --write-baseline do not combine/],
      [['scan', 'warnings.yaml', '--baseline'], /--baseline needs a value/],
    ];
    for (const [args, reason] of cases) {
      const run = ws.cli(args, '');
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stdout, '', args.join(' '));
      assert.match(run.stderr, reason, args.join(' '));
    }
  });

  test('--help documents the new options and every exit code', () => {
    const { status, stdout } = ws.cli(['--help']);
    assert.equal(status, 0);
    for (const option of ['--format', 'sarif', 'github', '--max-warnings', '--stdin-filename', '--baseline', '--write-baseline', '--fix', '--fix-dry-run']) assert.ok(stdout.includes(option), option);
    assert.match(stdout, /Exit status:\n {2}0 .+\n {2}1 .+\n {2}2 .+/);
  });
});
