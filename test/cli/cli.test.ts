/** @file The CLI as a user runs it: `node dist/cli.js scan ...` on temp files, checking output, JSON shape and exit codes. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from '../harness/root';

const CLI = path.join(repoRoot(), 'dist', 'cli.js');

const PRIVILEGED = `apiVersion: v1
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

/** Warnings and infos, but no error. */
const WARNINGS_ONLY = PRIVILEGED.replace('privileged: true', 'privileged: false');

const HARDENED = `apiVersion: v1
kind: Pod
metadata:
  name: hardened
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe('kubeguard CLI', () => {
  let dir: string;

  const write = (relative: string, text: string) => {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const cli = (args: string[], input?: string): Run => {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, input, encoding: 'utf8', timeout: 30_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kubeguard-cli-'));
    write('privileged.yaml', PRIVILEGED);
    write('warnings.yaml', WARNINGS_ONLY);
    write('hardened.yaml', HARDENED);
    write('config.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: app\ndata:\n  mode: production\n');
    write('tree/apps/web.yml', PRIVILEGED);
    write('tree/apps/pod.json', JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { containers: [{ name: 'app', image: 'x', securityContext: { privileged: true } }] } }, null, 2));
    write('tree/apps/package.json', JSON.stringify({ name: 'not-kubernetes', version: '1.0.0' }));
    write('tree/ci.yaml', 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n');
    write('tree/notes.txt', PRIVILEGED);
    write('tree/node_modules/dep/pod.yaml', PRIVILEGED);
    write('tree/.hidden/pod.yaml', PRIVILEGED);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('text output: file:line:col severity message [rule-id], then a summary; exit 1 on an error', () => {
    const { status, stdout, stderr } = cli(['scan', 'privileged.yaml']);
    assert.equal(status, 1, stderr);
    const lines = stdout.trimEnd().split('\n');
    // The message's wording belongs to the rule (and its tests); the CLI's part is the shape around it.
    assert.ok(lines.some((line) => /^privileged\.yaml:10:21 error Container "app" runs privileged: .+ \[privileged-container\]$/.test(line)), stdout);
    for (const line of lines.slice(0, -1)) assert.match(line, /^privileged\.yaml:\d+:\d+ (error|warning|info|hint) .+ \[[a-z-]+\]$/);
    assert.match(lines[lines.length - 1]!, /^\d+ problems \(1 error, \d+ warnings?, \d+ info, \d+ hints?\) in 1 of 1 file scanned\.$/);
  });

  test('JSON output has exactly the documented keys and types, 1-based', () => {
    const { status, stdout } = cli(['scan', 'privileged.yaml', '--format', 'json']);
    assert.equal(status, 1);
    const problems = JSON.parse(stdout) as Array<Record<string, unknown>>;
    assert.ok(Array.isArray(problems) && problems.length > 1);
    for (const p of problems) {
      assert.deepEqual(Object.keys(p), ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message']);
      for (const key of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(p[key]) && (p[key] as number) >= 1, `${key}: ${String(p[key])}`);
      for (const key of ['file', 'ruleId', 'message']) assert.equal(typeof p[key], 'string');
      assert.ok(['error', 'warning', 'info', 'hint'].includes(p.severity as string));
    }
    const { message, ...located } = problems.find((p) => p.ruleId === 'privileged-container')!;
    assert.deepEqual(located, { file: 'privileged.yaml', line: 10, column: 21, endLine: 10, endColumn: 25, ruleId: 'privileged-container', severity: 'error' });
    assert.match(message as string, /^Container "app" runs privileged: /);
  });

  test('exit 0 with warnings only, and on a file with no problem', () => {
    const warnings = cli(['scan', 'warnings.yaml']);
    assert.equal(warnings.status, 0);
    assert.match(warnings.stdout, /warning/);
    // The hardened pod still draws hardening notes as rules are added, but never an error.
    const hardened = cli(['scan', 'hardened.yaml', '--format=json']);
    assert.equal(hardened.status, 0);
    assert.ok((JSON.parse(hardened.stdout) as Array<{ severity: string }>).every((p) => p.severity !== 'error'));
    const clean = cli(['scan', 'config.yaml', '--format=json']);
    assert.equal(clean.status, 0);
    assert.deepEqual(JSON.parse(clean.stdout), []);
    assert.equal(cli(['scan', 'config.yaml']).stdout, 'No problems found (1 file scanned).\n');
  });

  test('exit 2 with the usage on stderr for bad usage', () => {
    for (const args of [[], ['lint', 'x.yaml'], ['scan'], ['scan', '--frmat', 'json', 'privileged.yaml'], ['scan', '--format', 'xml', 'privileged.yaml'], ['scan', 'privileged.yaml', '--format']]) {
      const { status, stdout, stderr } = cli(args);
      assert.equal(status, 2, `kubeguard ${args.join(' ')}`);
      assert.equal(stdout, '', `kubeguard ${args.join(' ')}`);
      assert.match(stderr, /Usage: kubeguard scan/, `kubeguard ${args.join(' ')}`);
    }
    const missing = cli(['scan', 'does-not-exist.yaml']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file or folder: does-not-exist\.yaml/);
  });

  test('--help and --version', () => {
    const help = cli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: kubeguard scan/);
    const version = cli(['--version']);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\S*\n$/);
  });

  test('- reads a manifest from stdin', () => {
    const { status, stdout } = cli(['scan', '-', '--format', 'json'], PRIVILEGED);
    assert.equal(status, 1);
    const problems = JSON.parse(stdout) as Array<{ file: string; ruleId: string; line: number }>;
    assert.ok(problems.every((p) => p.file === '<stdin>'));
    assert.ok(problems.some((p) => p.ruleId === 'privileged-container' && p.line === 10));
  });

  test('folders: recurse into *.yaml, *.yml and *.json, skipping node_modules and dot-folders', () => {
    const { status, stdout } = cli(['scan', 'tree', '--format', 'json']);
    assert.equal(status, 1);
    const problems = JSON.parse(stdout) as Array<{ file: string; ruleId: string }>;
    const files = [...new Set(problems.map((p) => p.file))].sort();
    assert.deepEqual(files, [path.join('tree', 'apps', 'pod.json'), path.join('tree', 'apps', 'web.yml')]);
    // package.json and the workflow were scanned and found not to be Kubernetes: 4 files in the summary.
    assert.match(cli(['scan', 'tree']).stdout, /in 2 of 4 files scanned\.\n$/);
  });

  test('a folder and a file inside it are scanned once', () => {
    const { stdout } = cli(['scan', 'tree/apps/web.yml', 'tree', '--format', 'json']);
    const problems = JSON.parse(stdout) as Array<{ file: string; ruleId: string }>;
    assert.equal(problems.filter((p) => p.ruleId === 'privileged-container').length, 2);
  });
});
