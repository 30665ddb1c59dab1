/**
 * @file `.kubeguard.yaml` in `kubeguard scan`: found beside or above the inputs (up to the working
 * directory), or named with --config; rules, overrides and ignore globs apply; an invalid file
 * stops the scan with its problems on stderr and exit 2.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli, TempWorkspace } from '../harness/cli';

const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true${extra}
`;

interface JsonProblem {
  file: string;
  ruleId: string;
  severity: string;
}

describe('kubeguard scan with .kubeguard.yaml', () => {
  let ws: TempWorkspace;
  const json = (args: string[], cwd?: string) => {
    const run = cwd ? runCli([...args, '--format', 'json'], path.join(ws.dir, cwd)) : ws.cli([...args, '--format', 'json']);
    return { ...run, problems: run.stdout ? (JSON.parse(run.stdout) as JsonProblem[]) : [] };
  };
  const rulesOf = (problems: JsonProblem[], file: string) => problems.filter((p) => p.file === file).map((p) => p.ruleId);

  before(() => {
    ws = new TempWorkspace();
    ws.write('repo/.kubeguard.yaml', [
      '# project settings',
      'rules:',
      '  privileged-container: off',
      '  image-digest: error',
      'ignore:',
      '  - vendor/**',
      'overrides:',
      '  - files: ["charts/**"]',
      '    rules: {privileged-container: warning, image-digest: off}',
      '',
    ].join('\n'));
    ws.write('repo/apps/web.yaml', pod('web'));
    ws.write('repo/charts/db/pod.yaml', pod('db'));
    ws.write('repo/vendor/thing/pod.yaml', pod('vendored'));
    ws.write('other/pod.yaml', pod('other'));
    ws.write('bad/.kubeguard.yaml', 'rules:\n  privileged-contaner: off\n  image-tag: of\n');
    ws.write('bad/pod.yaml', pod('bad'));
    ws.write('explicit.yaml', 'rules: {privileged-container: hint}\n');
  });
  after(() => ws.dispose());

  test('rules from the file apply; ignored paths are neither reported nor counted; the file itself is not a manifest', () => {
    const { status, problems, stderr } = json(['scan', 'repo']);
    assert.equal(status, 1, stderr);
    const web = rulesOf(problems, 'repo/apps/web.yaml');
    assert.ok(!web.includes('privileged-container'), `turned off: ${web}`);
    assert.equal(problems.find((p) => p.file === 'repo/apps/web.yaml' && p.ruleId === 'image-digest')?.severity, 'error', 'a severity from the file (the exit code follows it)');
    assert.ok(!problems.some((p) => p.file.includes('vendor')), 'vendor/** is ignored');
    assert.ok(!problems.some((p) => p.file.endsWith('.kubeguard.yaml')));
    const text = ws.cli(['scan', 'repo']);
    assert.match(text.stdout, /in \d of 2 files scanned\.\n$/, 'two files: web and the chart (vendor ignored, the config file is not a manifest)');
  });

  test('overrides: the chart gets its own rule settings', () => {
    const { problems } = json(['scan', 'repo']);
    const chart = problems.filter((p) => p.file === 'repo/charts/db/pod.yaml');
    assert.equal(chart.find((p) => p.ruleId === 'privileged-container')?.severity, 'warning');
    assert.ok(!chart.some((p) => p.ruleId === 'image-digest'));
  });

  test('a file above the scanned folder applies, up to the working directory', () => {
    const { problems } = json(['scan', 'repo/apps']);
    assert.ok(problems.length > 0 && !problems.some((p) => p.ruleId === 'privileged-container'), JSON.stringify(problems.map((p) => p.ruleId)));
    const outside = json(['scan', 'pod.yaml'], 'other');
    assert.ok(outside.problems.some((p) => p.ruleId === 'privileged-container'), 'no configuration file: defaults');
  });

  test('--config FILE applies to every input, its globs relative to its folder', () => {
    const { problems, stderr } = json(['scan', 'other', 'repo/apps', '--config', 'explicit.yaml']);
    assert.equal(stderr, '');
    const privileged = problems.filter((p) => p.ruleId === 'privileged-container');
    assert.deepEqual(privileged.map((p) => [p.file, p.severity]), [['other/pod.yaml', 'hint'], ['repo/apps/web.yaml', 'hint']]);
  });

  test('an invalid configuration file: problems on stderr with file:line:column, nothing scanned, exit 2', () => {
    const run = ws.cli(['scan', 'bad']);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^bad\/\.kubeguard\.yaml:2:3: Unknown rule id "privileged-contaner"\. Did you mean "privileged-container"\?/m);
    assert.match(run.stderr, /^bad\/\.kubeguard\.yaml:3:14: "of" is not a setting for rule image-tag/m);
    assert.match(run.stderr, /not a valid configuration \(2 problems\); nothing was scanned/);
  });

  test('--config naming a missing file: exit 2', () => {
    const run = ws.cli(['scan', 'other', '--config', 'nope.yaml']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--config: no such file: nope\.yaml/);
    assert.match(ws.cli(['scan', 'other', '--config']).stderr, /--config needs a value/);
  });

  test('standard input with --stdin-filename is placed by that path (ignore and overrides apply)', () => {
    const ignored = ws.cli(['scan', '-', '--stdin-filename', 'repo/vendor/x.yaml', '--format', 'json'], pod('piped'));
    assert.equal(ignored.status, 0, ignored.stderr);
    assert.deepEqual(JSON.parse(ignored.stdout), []);
    const chart = JSON.parse(ws.cli(['scan', '-', '--stdin-filename', 'repo/charts/x.yaml', '--format', 'json'], pod('piped')).stdout) as JsonProblem[];
    assert.equal(chart.find((p) => p.ruleId === 'privileged-container')?.severity, 'warning');
  });
});
