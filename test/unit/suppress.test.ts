/** @file Suppression comments: next-line, line, file, expiry, and the findings about bad suppressions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../shared/src/engine/config';
import { lintText, suppressionFix } from '../../shared/src/engine/lint';
import { applyEdits } from '../harness/fixes';
import { ruleById } from '../../shared/src/rules';
import { yaml } from '../harness/yaml';

const pod = (comment: string, lineComment = '') => yaml`
  apiVersion: v1
  kind: Pod
  spec:
    containers:
      - name: c
        securityContext:
          runAsNonRoot: true
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities: {drop: [ALL]}
          ${comment}
          privileged: true ${lineComment}`;

// A fixed rule set: these cases are about suppressions, not about which rules exist.
const rules = ['privileged-container', 'run-as-non-root', 'read-only-root-filesystem'].map((id) => ruleById(id)!);
const lint = (text: string) => lintText(text, { settings: DEFAULT_SETTINGS, today: '2026-11-23', rules }).findings.map((f) => `${f.ruleId}: ${f.message.split('.')[0]}`);

describe('suppressions', () => {
  it('disable-next-line silences the named rule on the next line only', () => {
    assert.deepEqual(lint(pod('# kubeguard-disable-next-line privileged-container -- node debugging tool, reviewed')), []);
  });

  it('disable-line at the end of the line', () => {
    assert.deepEqual(lint(pod('', '# kubeguard-disable-line privileged-container -- CNI agent')), []);
  });

  it('disable-file anywhere, several ids', () => {
    assert.deepEqual(lint(`# kubeguard-disable-file privileged-container, read-only-root-filesystem -- vendored chart\n${pod('')}`), []);
  });

  it('an expired suppression stops applying and says so', () => {
    const out = lint(pod('# kubeguard-disable-next-line privileged-container (until 2026-01-31) -- temporary'));
    assert.equal(out.length, 2);
    assert.match(out[0]!, /^suppression: This suppression expired on 2026-01-31/);
    assert.match(out[1]!, /^privileged-container:/);
  });

  it('a suppression still within its date applies', () => {
    assert.deepEqual(lint(pod('# kubeguard-disable-next-line privileged-container (until 2027-01-31) -- temporary')), []);
  });

  it('reports a missing reason, an unknown id and a suppression that matches nothing', () => {
    assert.deepEqual(lint(pod('# kubeguard-disable-next-line privileged-container')), ['suppression: This suppression gives no reason: add "-- <why this is acceptable>" so reviewers know why the finding is silenced']);
    const unknown = lint(pod('# kubeguard-disable-next-line privileged -- typo'));
    assert.equal(unknown.length, 2);
    assert.match(unknown[0]!, /Unknown rule id "privileged"/);
    const unused = lint(`# kubeguard-disable-next-line run-as-non-root -- not needed\n${pod('')}`);
    assert.ok(unused.some((m) => /matches no finding/.test(m)));
  });

  it('every rule finding has a suppression fix, computed on demand, that inserts the comment above with the line indentation', () => {
    const text = pod('');
    const result = lintText(text, { settings: DEFAULT_SETTINGS, today: '2026-11-23', rules });
    assert.ok(!result.findings[0]!.fixes.some((f) => f.suppression), 'not computed on every lint: editors ask for it');
    const fix = suppressionFix(text, result.lines, result.findings[0]!)!;
    assert.equal(fix.title, 'Suppress privileged-container for this line');
    assert.equal(fix.safe, false);
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.includes('\n        # kubeguard-disable-next-line privileged-container -- TODO: say why this is acceptable\n        privileged: true'));
    assert.deepEqual(lint(fixed), []);
  });
});

describe('suppression grammar (syntaxes/)', () => {
  it('highlights the directive, the rule ids, the expiry and the reason', () => {
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const { join } = require('node:path') as typeof import('node:path');
    const { repoRoot } = require('../harness/corpus') as typeof import('../harness/corpus');
    const grammar = JSON.parse(readFileSync(join(repoRoot(), 'syntaxes', 'kubeguard-suppressions.injection.json'), 'utf8'));
    const match = new RegExp(grammar.repository.directive.match).exec('# kubeguard-disable-next-line run-as-non-root, privileged-container (until 2027-01-31) -- legacy image');
    assert.deepEqual(match?.slice(1), ['kubeguard-disable-next-line', ' run-as-non-root, privileged-container', ' (until 2027-01-31)', '--', 'legacy image']);
    const pkg = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8'));
    assert.ok(pkg.contributes.grammars.some((g: { path: string; injectTo: string[] }) => g.path.endsWith('kubeguard-suppressions.injection.json') && g.injectTo.includes('source.yaml')));
  });
});

describe('annotation suppressions', () => {
  const deployment = (objectAnnotations: string, templateAnnotations: string) => yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      annotations: {${objectAnnotations}}
    spec:
      template:
        metadata:
          annotations: {${templateAnnotations}}
        spec:
          containers:
            - name: app
              securityContext: {privileged: true}
            - name: sidecar
              securityContext: {privileged: true}`;
  const privileged = (text: string) => lintText(text, { settings: DEFAULT_SETTINGS, today: '2026-11-23' }).findings.filter((f) => f.ruleId === 'privileged-container').map((f) => f.message.match(/"(\w+)"/)![1]);

  it('without annotations both containers are reported', () => {
    assert.deepEqual(privileged(deployment('', '')), ['app', 'sidecar']);
  });

  it('kubeguard.io/ignore on the object or on the pod template silences the rule for every container', () => {
    assert.deepEqual(privileged(deployment('kubeguard.io/ignore: "privileged-container"', '')), []);
    assert.deepEqual(privileged(deployment('', 'kubeguard.io/ignore: "run-as-non-root, privileged-container"')), []);
  });

  it('the container-scoped form silences one container only', () => {
    assert.deepEqual(privileged(deployment('', 'kubeguard.io/ignore.sidecar: privileged-container')), ['app']);
  });

  it("honours the peers' annotations through their check ids", () => {
    assert.deepEqual(privileged(deployment('ignore-check.kube-linter.io/privileged-container: "node agent"', '')), []);
    assert.deepEqual(privileged(deployment('checkov.io/skip1: "CKV_K8S_16=node agent"', '')), []);
    assert.deepEqual(privileged(deployment('polaris.fairwinds.com/runAsPrivileged-exempt: "true"', '')), []);
    assert.deepEqual(privileged(deployment('checkov.io/skip1: "CKV_K8S_20=something else"', '')), ['app', 'sidecar']);
  });
});
