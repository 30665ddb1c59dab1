/** @file `--fix` and `--fix-dry-run`: safe fixes only, comments kept, a fixed point in at most 3 passes, a diff that applies. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { MAX_PASSES, fixToFixedPoint } from '../../cli/src/fix';
import { unifiedDiff } from '../../cli/src/unifiedDiff';
import { DEFAULT_SETTINGS } from '../../shared/src/engine/config';
import { lintText } from '../../shared/src/engine/lint';
import { defineRule, type Rule } from '../../shared/src/engine/rule';
import { TempWorkspace } from '../harness/cli';
import { yaml } from '../harness/yaml';

const DEPLOYMENT = yaml`
  # Team web owns this file.
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web   # public site
  spec:
    template:
      spec:
        containers:
          - name: app
            image: k8s.gcr.io/pause:3.9  # pinned for the demo
            securityContext:
              runAsNonRoot: true      # keep
          # The agent below is reviewed separately.
          - name: agent
            image: "nginx:1.27"
            securityContext:
              privileged: true        # needed by the legacy agent
`;

const COMMENTS = DEPLOYMENT.split('\n').filter((line) => line.includes('#')).map((line) => line.slice(line.indexOf('#')));

/** Lines only in `before`, and lines only in `after` (as multisets): what a fix changed, whatever its order. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const count = (text: string) => text.split('\n').reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const a = count(before);
  const b = count(after);
  const only = (x: Map<string, number>, y: Map<string, number>) => [...x].flatMap(([line, n]) => Array<string>(Math.max(0, n - (y.get(line) ?? 0))).fill(line));
  return { removed: only(a, b), added: only(b, a) };
}

describe('kubeguard scan --fix', () => {
  test('rewrites the file with the safe fixes only, keeps every comment, reports what changed and what is left', () => {
    const ws = new TempWorkspace();
    try {
      ws.write('deploy.yaml', DEPLOYMENT);
      const run = ws.cli(['scan', 'deploy.yaml', '--fix']);
      assert.equal(run.status, 1, 'the privileged container (an unsafe fix) is still an error');
      assert.match(run.stderr, /^kubeguard: fixed 2 problems in deploy\.yaml \((image-deprecated-registry, allow-privilege-escalation|allow-privilege-escalation, image-deprecated-registry)\)$/m);
      const fixed = ws.read('deploy.yaml');
      for (const comment of COMMENTS) assert.ok(fixed.includes(comment), `comment kept: ${comment}`);
      assert.deepEqual(changedLines(DEPLOYMENT, fixed), {
        removed: ['          image: k8s.gcr.io/pause:3.9  # pinned for the demo'],
        added: ['          image: registry.k8s.io/pause:3.9  # pinned for the demo', '            allowPrivilegeEscalation: false'],
      });
      assert.doesNotMatch(fixed, /kubeguard-disable|TODO/, 'no suppression comment, no placeholder');
      assert.match(fixed, /privileged: true {8}# needed by the legacy agent/, 'the unsafe fix is not applied');
      // The report is of the fixed file: what is left.
      assert.doesNotMatch(run.stdout, /\[image-deprecated-registry\]/);
      assert.doesNotMatch(run.stdout, /Container "app" .*\[allow-privilege-escalation\]/);
      assert.match(run.stdout, /deploy\.yaml:\d+:\d+ error .* \[privileged-container\]/);

      const again = ws.cli(['scan', 'deploy.yaml', '--fix']);
      assert.equal(ws.read('deploy.yaml'), fixed, 'a second run changes nothing');
      assert.doesNotMatch(again.stderr, /fixed/);
      assert.equal(again.stdout, run.stdout);
    } finally {
      ws.dispose();
    }
  });

  test('--fix-dry-run prints a unified diff that applies to give the --fix result, and writes nothing', () => {
    const dry = new TempWorkspace();
    const real = new TempWorkspace();
    try {
      dry.write('deploy.yaml', DEPLOYMENT);
      real.write('deploy.yaml', DEPLOYMENT);
      const run = dry.cli(['scan', 'deploy.yaml', '--fix-dry-run']);
      assert.equal(run.status, 1, 'the exit code is that of the fixed file');
      assert.equal(dry.read('deploy.yaml'), DEPLOYMENT, 'the file is unchanged');
      assert.match(run.stdout, /^--- a\/deploy\.yaml\n\+\+\+ b\/deploy\.yaml\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
      assert.ok(run.stdout.includes('\n-          image: k8s.gcr.io/pause:3.9  # pinned for the demo\n+          image: registry.k8s.io/pause:3.9  # pinned for the demo\n'), run.stdout);
      assert.ok(run.stdout.includes('\n+            allowPrivilegeEscalation: false\n'), run.stdout);
      assert.match(run.stderr, /would fix 2 problems in 1 file; nothing was written/);

      real.cli(['scan', 'deploy.yaml', '--fix']);
      if (spawnSync('git', ['--version']).status !== 0) return console.log('notice: git not found; the diff is not applied with git apply');
      dry.write('fix.patch', run.stdout);
      const applied = spawnSync('git', ['apply', 'fix.patch'], { cwd: dry.dir, encoding: 'utf8' });
      assert.equal(applied.status, 0, applied.stderr);
      assert.equal(dry.read('deploy.yaml'), real.read('deploy.yaml'));
    } finally {
      dry.dispose();
      real.dispose();
    }
  });

  test('--fix-dry-run with nothing to fix prints no diff', () => {
    const ws = new TempWorkspace();
    try {
      ws.write('agent.yaml', DEPLOYMENT.split('          # The agent')[0]!.replace('k8s.gcr.io', 'registry.k8s.io').replace('runAsNonRoot: true      # keep', 'runAsNonRoot: true\n            allowPrivilegeEscalation: false'));
      const run = ws.cli(['scan', 'agent.yaml', '--fix-dry-run']);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /nothing to fix automatically/);
    } finally {
      ws.dispose();
    }
  });
});

/** Test rules on metadata keys, so the fix loop is tested independently of what the real rules fix. */
function keyRule(id: string, options: { key: string; value: string; safe: boolean; when?: string }): Rule {
  return defineRule({
    meta: { id, title: id, severity: 'warning', category: 'hardening', fixable: options.safe ? 'safe' : 'unsafe', docs: { summary: '.', why: '.', fix: '.', references: [] }, messages: { missing: `metadata has no ${options.key}` } },
    checkObject({ object, report }) {
      const metadata = object.metadata;
      if (!metadata || metadata.has(options.key) || (options.when && !metadata.has(options.when))) return;
      report({ messageId: 'missing', at: object.anchor, fix: { title: `Add ${options.key}`, apply: (editor) => editor.set(metadata, options.key, options.value) } });
    },
  });
}

const counter = defineRule({
  meta: { id: 'counter', title: 'counter', severity: 'warning', category: 'hardening', fixable: 'safe', docs: { summary: '.', why: '.', fix: '.', references: [] }, messages: { low: 'count is low' } },
  checkObject({ object, report }) {
    const metadata = object.metadata;
    const entry = metadata?.get('count');
    const count = metadata?.scalar('count');
    if (!metadata || !entry || typeof count !== 'number' || count >= 100) return;
    // Each fix moves one step: a rule that never settles, to show the loop stops.
    report({ messageId: 'low', at: entry.keyNode!, fix: { title: 'Count up', apply: (editor) => editor.set(metadata, 'count', count + 1) } });
  },
});

const lintWith = (rules: readonly Rule[]) => (text: string) => lintText(text, { settings: DEFAULT_SETTINGS, rules });

describe('fixToFixedPoint', () => {
  const source = '# header\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm   # keep me\n';

  test('re-lints and applies the fixes a previous pass uncovered; never unsafe, placeholder or suppression fixes', () => {
    const rules = [
      keyRule('second', { key: 'second', value: 'two', safe: true, when: 'first' }),
      keyRule('first', { key: 'first', value: 'one', safe: true }),
      keyRule('owner', { key: 'owner', value: 'TODO: name the owning team', safe: true }),
      keyRule('slot', { key: 'slot', value: '<registry>', safe: true }),
      keyRule('risky', { key: 'risky', value: 'yes', safe: false }),
    ];
    const lint = lintWith(rules);
    const { result, applied } = fixToFixedPoint(lint(source), lint);
    assert.deepEqual(applied.map((a) => a.ruleId), ['first', 'second']);
    assert.match(result.text, /^# header\n/);
    assert.match(result.text, /name: cm {3}# keep me\n/);
    assert.match(result.text, /first: one/);
    assert.match(result.text, /second: two/);
    assert.doesNotMatch(result.text, /owner|slot|risky|kubeguard-disable/);
    assert.deepEqual(result.findings.map((f) => f.ruleId).sort(), ['owner', 'risky', 'slot']);
    assert.deepEqual(fixToFixedPoint(result, lint).applied, [], 'a fixed point: nothing more to apply');
  });

  test(`stops after ${MAX_PASSES} passes when the fixes never settle`, () => {
    const lint = lintWith([counter]);
    const { result, applied } = fixToFixedPoint(lint(source.replace('name: cm', 'name: cm\n  count: 0')), lint);
    assert.equal(applied.length, MAX_PASSES);
    assert.match(result.text, new RegExp(`count: ${MAX_PASSES}\\b`));
  });

  test('keeps CRLF line endings in a CRLF file', () => {
    const lint = lintWith([keyRule('first', { key: 'first', value: 'one', safe: true })]);
    const crlf = source.replace(/\n/g, '\r\n');
    const { result } = fixToFixedPoint(lint(crlf), lint);
    assert.match(result.text, /first: one\r\n/);
    assert.doesNotMatch(result.text, /[^\r]\n/);
  });
});

describe('unifiedDiff', () => {
  test('hunks with three lines of context, 1-based ranges, merged when close', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const after = before.replace('line 2\n', 'line two\n').replace('line 4\n', 'line 4\nline 4.5\n').replace('line 18\n', '');
    assert.equal(
      unifiedDiff(before, after, 'f.yaml'),
      [
        '--- a/f.yaml',
        '+++ b/f.yaml',
        '@@ -1,7 +1,8 @@',
        ' line 1',
        '-line 2',
        '+line two',
        ' line 3',
        ' line 4',
        '+line 4.5',
        ' line 5',
        ' line 6',
        ' line 7',
        '@@ -15,6 +16,5 @@',
        ' line 15',
        ' line 16',
        ' line 17',
        '-line 18',
        ' line 19',
        ' line 20',
        '',
      ].join('\n'),
    );
  });

  test('equal texts give no diff; a missing final newline is marked', () => {
    assert.equal(unifiedDiff('a\n', 'a\n', 'x'), '');
    assert.equal(unifiedDiff('a\nb', 'a\nc', 'x'), '--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
    assert.equal(unifiedDiff('', 'new\n', 'x'), '--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+new\n');
  });
});
