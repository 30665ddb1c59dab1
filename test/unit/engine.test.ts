/** @file The engine end to end on one file: documents, kinds, YAML 1.1, syntax problems, Helm, limits, incremental re-use. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../shared/src/engine/config';
import { HELM_RULE_ID, LIMIT_RULE_ID, LintCache, lintText, SYNTAX_RULE_ID } from '../../shared/src/engine/lint';
import { defineRule } from '../../shared/src/engine/rule';
import { nestingDepth, nestsDeeperThan } from '../../shared/src/model/parse';
import { ruleById } from '../../shared/src/rules';
import { random } from '../harness/random';
import { yaml } from '../harness/yaml';

// The engine's behaviour is what is under test, so a fixed rule set keeps these cases independent of new rules.
const FOUNDATION = ['allow-privilege-escalation', 'capabilities-drop-all', 'dangerous-capabilities', 'missing-security-context', 'privileged-container', 'read-only-root-filesystem', 'run-as-non-root'];
const foundationRules = FOUNDATION.map((id) => ruleById(id)!);
const lint = (text: string, settings = DEFAULT_SETTINGS) => lintText(text, { settings, rules: foundationRules });
const ids = (text: string) => lint(text).findings.map((f) => f.ruleId);

const privilegedPod = (name: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: ${name}}
  spec:
    containers:
      - name: c
        securityContext: {privileged: true, runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}`;

describe('engine', () => {
  it('finds every pod-bearing kind, including custom resources that embed a pod template', () => {
    const kinds: Array<[string, string, string]> = [
      ['apps/v1', 'Deployment', 'spec:\n  template:\n    spec:\n'],
      ['apps/v1', 'ReplicaSet', 'spec:\n  template:\n    spec:\n'],
      ['apps/v1', 'DaemonSet', 'spec:\n  template:\n    spec:\n'],
      ['apps/v1', 'StatefulSet', 'spec:\n  template:\n    spec:\n'],
      ['v1', 'ReplicationController', 'spec:\n  template:\n    spec:\n'],
      ['v1', 'PodTemplate', 'template:\n  spec:\n'],
      ['batch/v1', 'Job', 'spec:\n  template:\n    spec:\n'],
      ['batch/v1', 'CronJob', 'spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n'],
      ['argoproj.io/v1alpha1', 'Rollout', 'spec:\n  template:\n    spec:\n'],
      ['keda.sh/v1alpha1', 'ScaledJob', 'spec:\n  jobTargetRef:\n    template:\n      spec:\n'],
    ];
    for (const [apiVersion, kind, path] of kinds) {
      const depth = path.trimEnd().split('\n').length * 2;
      const text = `apiVersion: ${apiVersion}\nkind: ${kind}\n${path}${' '.repeat(depth)}containers: [{name: c, securityContext: {privileged: true}}]\n`;
      assert.ok(ids(text).includes('privileged-container'), kind);
    }
    assert.ok(!ids('apiVersion: example.com/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: [{name: c, securityContext: {privileged: true}}]\n').includes('privileged-container'), 'a Deployment of another API group is not a workload');
  });

  it('reads YAML 1.1 booleans as kubectl does', () => {
    for (const word of ['yes', 'Yes', 'on', 'ON', 'y', 'true']) {
      const text = privilegedPod('p').replace('privileged: true', `privileged: ${word}`);
      assert.deepEqual(ids(text), ['privileged-container'], word);
    }
    assert.deepEqual(ids(privilegedPod('p').replace('privileged: true', 'privileged: no')), []);
  });

  it('lints every document and every List item, and places findings in the right document', () => {
    const text = `${privilegedPod('a')}---\n${privilegedPod('b')}---\napiVersion: v1\nkind: List\nitems:\n${privilegedPod('c').replace(/^/gm, '  ').replace(/^  apiVersion/, '- apiVersion')}`;
    const result = lint(text);
    assert.equal(result.objects.length, 3);
    const lines = result.findings.map((f) => result.lines.positionAt(f.start).line + 1);
    assert.deepEqual(lines, [7, 15, 26]);
  });

  it('reports a syntax error in one document and still lints the others', () => {
    const text = `${privilegedPod('a')}---\napiVersion: v1\nkind: Pod\nmetadata: {name: [broken\n---\n${privilegedPod('c')}`;
    const result = lint(text);
    const syntax = result.findings.filter((f) => f.ruleId === SYNTAX_RULE_ID);
    assert.ok(syntax.length >= 1);
    assert.equal(syntax[0]!.severity, 'error');
    assert.match(syntax[0]!.message, /YAML syntax error/);
    assert.equal(result.findings.filter((f) => f.ruleId === 'privileged-container').length, 2);
  });

  it('gives YAML that is not Kubernetes nothing at all, broken or not', () => {
    assert.deepEqual(ids('name: CI\non:\n  push:\njobs:\n  build:\n    runs-on: ubuntu-latest\n    container: {options: --privileged}\n'), []);
    assert.deepEqual(ids('services:\n  web:\n    privileged: true\n    cap_add: [SYS_ADMIN]\n'), []);
    assert.deepEqual(ids('a: [unclosed\n'), []);
    assert.deepEqual(ids('\u0000\u0001\u0002binary\uFFFD junk'), []);
  });

  it('explains a Helm template once instead of reporting syntax errors', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\n  labels:\n    {{- include "app.labels" . | nindent 4 }}\n';
    const findings = lint(text).findings;
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity]), [[HELM_RULE_ID, 'info']]);
  });

  it('does not mistake {{ }} inside string values for Helm', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: alerts}\ndata:\n  rule: "{{ $labels.instance }} is down"\n';
    assert.deepEqual(ids(text), []);
  });

  it('refuses pathological nesting and huge files with a clear notice, without throwing', () => {
    const deep = `apiVersion: v1\nkind: ConfigMap\ndata: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const result = lint(deep);
    assert.match(result.findings.map((f) => f.message).join('\n'), /nests deeper/);
    const huge = lint(`apiVersion: v1\nkind: ConfigMap\ndata:\n  x: "${'a'.repeat(17 * 1024 * 1024)}"\n`);
    assert.deepEqual(huge.findings.map((f) => f.ruleId), [LIMIT_RULE_ID]);
  });

  it('refuses nesting that ends the file without a line break (`- - - …`)', () => {
    const deep = `apiVersion: v1\nkind: ConfigMap\ndata:\n${' -'.repeat(5000)}`;
    assert.match(lint(deep).findings.map((f) => f.message).join('\n'), /nests deeper/);
  });

  it('rules nesting out by its quick bound only when the exact count agrees (2,000 random texts, small limits)', () => {
    const next = random(11);
    const parts = ['[', '{', ']', '}', ' ', '-', '\n', 'a', ': ', '  - '];
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: Math.floor(next() * 60) }, () => parts[Math.floor(next() * parts.length)]!).join('');
      const limit = Math.floor(next() * 8);
      assert.equal(nestsDeeperThan(text, limit), nestingDepth(text) > limit, `${JSON.stringify(text)} limit ${limit}`);
    }
  });

  it('keeps syntax messages short and their number bounded, however long the broken line', () => {
    // yaml quotes the offending source in its message: a 5,000-character line made a 5,000-character diagnostic.
    const longLine = `apiVersion: v1\nkind: Pod\nspec: "a"}'|${'a'.repeat(5000)}'\n`;
    const messages = lint(longLine).findings.filter((f) => f.ruleId === SYNTAX_RULE_ID).map((f) => f.message);
    assert.ok(messages.length > 0);
    for (const m of messages) assert.ok(m.length < 400, `message of ${m.length} characters`);
    // A broken line of a million characters: problems are capped per document (an out-of-memory before).
    const noisy = lintText(`apiVersion: v1\nkind: Pod\nspec: ${'] '.repeat(200_000)}\n`, { settings: DEFAULT_SETTINGS, rules: foundationRules });
    assert.ok(noisy.segments.every((s) => s.problems.length <= 100));
  });

  it('survives an alias bomb', () => {
    const bomb = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: &a ["x","x","x","x","x","x","x","x","x"]\n  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n';
    assert.doesNotThrow(() => lint(bomb));
  });

  it('honours per-rule settings: off and severity overrides', () => {
    const text = privilegedPod('p');
    assert.deepEqual(lint(text, normalizeSettings({ rules: { 'privileged-container': 'off' } })).findings, []);
    assert.equal(lint(text, normalizeSettings({ rules: { 'privileged-container': 'warning' } })).findings[0]!.severity, 'warning');
    assert.deepEqual(lint(text, normalizeSettings({ enable: false })).findings, []);
    assert.deepEqual(normalizeSettings({ rules: { x: 'loud', y: false }, enable: 'no' }), { ...normalizeSettings({}), rules: { y: 'off' } });
  });

  it('contains a rule that throws: logged, and the other rules still report', () => {
    const broken = defineRule({ meta: { id: 'broken', title: 'Broken', severity: 'error', category: 'hardening', docs: { summary: '.', why: '.', fix: '.', references: [] }, messages: { m: 'm' } }, checkWorkload() { throw new Error('boom'); } });
    const result = lintText(privilegedPod('p'), { settings: DEFAULT_SETTINGS, rules: [broken, ...foundationRules] });
    assert.equal(result.ruleErrors.length, 1);
    assert.match(result.ruleErrors[0]!, /rule broken failed on Pod\/p: Error: boom/);
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['privileged-container']);
  });

  it('re-parses only the documents an edit changed', () => {
    let parsed = 0;
    const counting = defineRule({ meta: { id: 'count', title: 'Count', severity: 'info', category: 'hardening', docs: { summary: '.', why: '.', fix: '.', references: [] }, messages: { m: 'm' } }, checkObject() { parsed++; } });
    const cache = new LintCache();
    const text = `${privilegedPod('a')}---\n${privilegedPod('b')}---\n${privilegedPod('c')}`;
    lintText(text, { settings: DEFAULT_SETTINGS, cache, rules: [counting] });
    assert.equal(parsed, 3);
    const edited = text.replace('name: b', 'name: bb');
    const result = lintText(edited, { settings: DEFAULT_SETTINGS, cache, rules: [counting] });
    assert.equal(parsed, 4, 'only the edited document is linted again');
    assert.deepEqual(result.objects.map((o) => o.name), ['a', 'bb', 'c']);
  });
});
