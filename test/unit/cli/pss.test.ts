/** @file `kubeguard pss`: per-object verdicts at a level and version, the JSON shape, lines, exit codes. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run as runCli } from '../../../cli/src/main';
import { runPss } from '../../../cli/src/pss';
import { yaml } from '../../harness/yaml';

const DEPLOYMENT = yaml`
  # a comment before the object
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      spec:
        securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
        containers:
          - name: app
            securityContext:
              allowPrivilegeEscalation: true
              capabilities: {drop: [ALL]}`;

const HARDENED_POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: ok}
  spec:
    securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
    containers:
      - name: app
        securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}`;

const RUN_AS_ROOT = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: root}
  spec:
    securityContext: {runAsNonRoot: true, runAsUser: 0, seccompProfile: {type: RuntimeDefault}}
    containers:
      - name: app
        securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}`;

let dir = '';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runPss(argv, { cwd: dir, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => HARDENED_POD });
  return { code, stdout, stderr };
}

describe('kubeguard pss', () => {
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kubeguard-pss-'));
    mkdirSync(path.join(dir, 'manifests'));
    writeFileSync(path.join(dir, 'manifests', 'web.yaml'), `${DEPLOYMENT}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n`);
    writeFileSync(path.join(dir, 'manifests', 'ok.yaml'), HARDENED_POD);
    writeFileSync(path.join(dir, 'root.yaml'), RUN_AS_ROOT);
    writeFileSync(path.join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: Pod\nspec: [\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('JSON: one entry per pod-bearing object, with 1-based lines', async () => {
    const { code, stdout } = await run('manifests', '--level', 'restricted', '--version', 'v1.30', '--format', 'json');
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(stdout), [
      { file: path.join('manifests', 'ok.yaml'), kind: 'Pod', name: 'ok', namespace: null, line: 1, policy: 'restricted:v1.30', allowed: true, violations: [] },
      {
        file: path.join('manifests', 'web.yaml'),
        kind: 'Deployment',
        name: 'web',
        namespace: 'shop',
        line: 2,
        policy: 'restricted:v1.30',
        allowed: false,
        violations: [{ check: 'allowPrivilegeEscalation', message: 'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)', line: 12 }],
      },
    ]);
  });

  it('the same manifests pass baseline', async () => {
    const { code, stdout } = await run('manifests', '--level=baseline', '--format=json');
    assert.equal(code, 0);
    assert.ok((JSON.parse(stdout) as Array<{ allowed: boolean }>).every((e) => e.allowed));
  });

  it('the version matters: runAsUser 0 is checked from v1.23', async () => {
    const before23 = await run('root.yaml', '--version', 'v1.22', '-f', 'json');
    assert.equal(before23.code, 0);
    const from23 = await run('root.yaml', '--version', 'v1.23', '-f', 'json');
    assert.equal(from23.code, 1);
    const [entry] = JSON.parse(from23.stdout) as Array<{ violations: Array<{ check: string; line: number }> }>;
    assert.deepEqual(entry!.violations.map((v) => [v.check, v.line]), [['runAsUser', 5]]);
  });

  it('text output names the object, the policy and each failed check with its line', async () => {
    const { code, stdout } = await run('manifests/web.yaml', '-l', 'restricted');
    assert.equal(code, 1);
    assert.equal(stdout, [
      `${path.join('manifests', 'web.yaml')}:2 Deployment web in namespace shop: fails restricted:latest (its pods would be rejected)`,
      `  ${path.join('manifests', 'web.yaml')}:12 allowPrivilegeEscalation: allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)`,
      '1 pod-bearing object checked against restricted:latest: 0 pass, 1 fail.',
      '',
    ].join('\n'));
  });

  it('reads standard input', async () => {
    const { code, stdout } = await run('-', '--format', 'json');
    assert.equal(code, 0);
    assert.equal((JSON.parse(stdout) as Array<{ file: string }>)[0]!.file, '<stdin>');
  });

  it('a document that does not parse is not a pass', async () => {
    const { code, stderr } = await run('broken.yaml');
    assert.equal(code, 1);
    assert.match(stderr, /broken\.yaml: 1 document\(s\) are not valid YAML/);
  });

  it('bad usage exits 2', async () => {
    for (const argv of [['manifests', '--level', 'strict'], ['manifests', '--version', 'v1.x'], ['manifests', '--format', 'xml'], ['--level', 'baseline'], ['manifests', '--bogus'], ['missing-folder']]) {
      const { code, stderr } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.ok(stderr.length > 0);
    }
    const help = await run('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: kubeguard pss/);
  });

  it('takes the policy and the ignored files from .kubeguard.yaml; the command line wins', async () => {
    mkdirSync(path.join(dir, 'team', 'vendor'), { recursive: true });
    writeFileSync(path.join(dir, 'team', '.kubeguard.yaml'), 'podSecurity:\n  level: baseline\n  version: v1.30\nignore: [vendor]\nrules:\n  privileged-container: off\n');
    writeFileSync(path.join(dir, 'team', 'web.yaml'), DEPLOYMENT);
    writeFileSync(path.join(dir, 'team', 'vendor', 'root.yaml'), RUN_AS_ROOT);
    const configured = await run('team', '--format', 'json');
    assert.equal(configured.code, 0, configured.stderr);
    assert.deepEqual((JSON.parse(configured.stdout) as Array<{ name: string; policy: string; allowed: boolean }>).map((e) => [e.name, e.policy, e.allowed]), [['web', 'baseline:v1.30', true]], 'vendor/ is ignored');
    const flagged = await run('team', '--level', 'restricted', '--format', 'json');
    assert.equal(flagged.code, 1);
    assert.deepEqual((JSON.parse(flagged.stdout) as Array<{ policy: string }>).map((e) => e.policy), ['restricted:v1.30'], 'the flag replaces the level, the file still gives the version');
    // Two inputs under different policies: the summary says so.
    const mixed = await run('team/web.yaml', 'manifests/ok.yaml');
    assert.match(mixed.stdout, /Deployment web in namespace shop: passes baseline:v1\.30/);
    assert.match(mixed.stdout, /passes restricted:latest/);
    assert.match(mixed.stdout, /2 pod-bearing objects checked against their files' policies: 2 pass, 0 fail\./);
  });

  it('--config names the file for every input; an invalid one stops with exit 2', async () => {
    writeFileSync(path.join(dir, 'baseline.yaml'), 'podSecurity: {level: baseline}\n');
    const named = await run('manifests/web.yaml', '--config', 'baseline.yaml', '--format', 'json');
    assert.equal(named.code, 0);
    assert.equal((JSON.parse(named.stdout) as Array<{ policy: string }>)[0]!.policy, 'baseline:latest');
    writeFileSync(path.join(dir, 'bad.yaml'), 'podSecurity: {level: strict}\n');
    const bad = await run('manifests/web.yaml', '--config', 'bad.yaml');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.yaml:1:\d+/);
    assert.equal(bad.stdout, '');
  });

  it('is dispatched by the kubeguard command line', async () => {
    let stdout = '';
    const code = await runCli(['pss', 'root.yaml', '--version', 'v1.23', '--format', 'json'], { cwd: dir, stdout: (t) => void (stdout += t), stderr: () => undefined, readStdin: async () => '' });
    assert.equal(code, 1);
    assert.equal((JSON.parse(stdout) as Array<{ name: string }>)[0]!.name, 'root');
  });
});
