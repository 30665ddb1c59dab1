/** @file The index's dependency tracking, kustomization namespaces, Pod Security Namespaces, and merging with suppressions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../shared/src/engine/config';
import { lintText } from '../../shared/src/engine/lint';
import { SUPPRESSION_RULE_ID } from '../../shared/src/engine/suppress';
import { factsOf, indexText } from '../../shared/src/workspace/facts';
import { WorkspaceIndex } from '../../shared/src/workspace/index';
import { lintWorkspaceFile, mergeWorkspaceFindings } from '../../shared/src/workspace/lint';
import { ROOT } from '../harness/workspaceTester';
import { deployment, namespace, networkPolicy } from './fixtures';

function indexed(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [path, text] of Object.entries(files)) index.set(ROOT + path, indexText(ROOT + path, text));
  for (const path of Object.keys(files)) lintWorkspaceFile(index, ROOT + path, { settings: DEFAULT_SETTINGS });
  return index;
}

const names = (uris: Iterable<string>) => [...uris].map((u) => u.slice(ROOT.length)).sort();

describe('workspace index', () => {
  const files = {
    'ns.yaml': namespace('shop'),
    'web.yaml': deployment('web', { namespace: 'shop' }),
    'api.yaml': deployment('api', { namespace: 'shop' }),
    'other.yaml': deployment('x', { namespace: 'other' }),
    'np.yaml': networkPolicy('web', 'shop', ['podSelector: {matchLabels: {app: web}}']),
    'config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\ndata: {a: b}\n',
  };

  it('records what each check read', () => {
    const index = indexed(files);
    assert.ok(index.readsOf(ROOT + 'web.yaml').includes('networkPolicy:shop'));
    assert.ok(!index.readsOf(ROOT + 'other.yaml').includes('networkPolicy:shop'));
    assert.deepEqual(index.readsOf(ROOT + 'config.yaml'), [], 'a file without facts reads nothing');
  });

  it('a changed policy re-checks the files that read the namespace\'s policies, not the others', () => {
    const index = indexed(files);
    const update = index.set(ROOT + 'np.yaml', indexText(ROOT + 'np.yaml', files['np.yaml'].replace('app: web', 'app: api')));
    assert.deepEqual(names(update.affected), ['api.yaml', 'np.yaml', 'ns.yaml', 'web.yaml']);
  });

  it('an edit that only moves text (a comment) re-checks only the edited file', () => {
    const index = indexed(files);
    const update = index.set(ROOT + 'np.yaml', indexText(ROOT + 'np.yaml', '# owned by team-a\n' + files['np.yaml']));
    assert.deepEqual(names(update.affected), ['np.yaml']);
    // …and the moved positions are current for the next check of that file.
    const findings = lintWorkspaceFile(index, ROOT + 'np.yaml', { settings: DEFAULT_SETTINGS }).findings;
    assert.ok(findings.every((f) => f.start > '# owned by team-a\n'.length));
  });

  it('a kustomization moving a file to another namespace re-checks it and the readers of both namespaces', () => {
    const index = indexed({ ...files, 'kustomization.yaml': 'resources: [web.yaml]\n' });
    const update = index.set(ROOT + 'kustomization.yaml', indexText(ROOT + 'kustomization.yaml', 'namespace: other\nresources: [web.yaml]\n'));
    assert.ok(names(update.affected).includes('web.yaml'));
    assert.ok(names(update.affected).includes('other.yaml'), 'the namespace it moved into');
    assert.ok(names(update.affected).includes('np.yaml'), 'the namespace it left: its policy now selects nothing');
    assert.ok(!names(update.affected).includes('api.yaml'), 'api.yaml read nothing about shop\'s workloads');
    assert.equal(index.placed(ROOT + 'web.yaml')[0]!.namespace, 'other');
  });

  it('two overlays giving one base different namespaces: the base keeps its own', () => {
    const index = indexed({ 'base/app.yaml': deployment('web', { namespace: 'dev' }), 'prod/kustomization.yaml': 'namespace: prod\nresources: [../base]\n', 'stage/kustomization.yaml': 'namespace: stage\nresources: [../base/]\n' });
    assert.equal(index.placed(ROOT + 'base/app.yaml')[0]!.namespace, 'dev');
  });

  it('a file a kustomization names as a patch contributes nothing, until it is no longer named', () => {
    const index = indexed({ ...files, 'kustomization.yaml': 'resources: [web.yaml]\n' });
    const named = index.set(ROOT + 'kustomization.yaml', indexText(ROOT + 'kustomization.yaml', 'resources: [api.yaml]\npatches: [{path: web.yaml}]\n'));
    assert.deepEqual(index.placed(ROOT + 'web.yaml'), []);
    assert.ok(names(named.affected).includes('web.yaml') && names(named.affected).includes('ns.yaml'));
    index.set(ROOT + 'kustomization.yaml', indexText(ROOT + 'kustomization.yaml', 'resources: [web.yaml]\n'));
    assert.equal(index.placed(ROOT + 'web.yaml').length, 1);
  });

  it('deleting a file re-checks its readers and forgets it', () => {
    const index = indexed(files);
    const update = index.delete(ROOT + 'np.yaml');
    assert.deepEqual(names(update.affected), ['api.yaml', 'ns.yaml', 'web.yaml']);
    assert.equal(index.has(ROOT + 'np.yaml'), false);
  });

  it('Namespace Pod Security labels feed LintOptions.namespaces, and say when they change', () => {
    const index = indexed(files);
    assert.equal(index.namespaces().get('shop')?.name, 'shop');
    const labelled = namespace('shop', 'pod-security.kubernetes.io/enforce: baseline');
    assert.equal(index.set(ROOT + 'ns.yaml', indexText(ROOT + 'ns.yaml', labelled)).namespacesChanged, true);
    assert.deepEqual(index.namespaces().get('shop')?.labels, { 'pod-security.kubernetes.io/enforce': 'baseline' });
    assert.equal(index.set(ROOT + 'ns.yaml', indexText(ROOT + 'ns.yaml', '# moved\n' + labelled)).namespacesChanged, false);
  });

  it('the fast indexer skips documents of kinds no fact comes from, and still reads the rest', () => {
    const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: x}\nspec: {group: [unclosed\n';
    const facts = indexText(ROOT + 'mixed.yaml', [crd, deployment('web')].join('---\n'));
    assert.deepEqual(facts.map((f) => f.kind), ['Deployment'], 'the broken CRD was not even parsed');
  });
});

describe('workspace findings in a lint result', () => {
  it('a suppression comment silences a workspace finding, and the file\'s own lint no longer calls it unused', () => {
    const text = 'apiVersion: v1\n# kubeguard-disable-next-line network-policy-default-deny -- platform team owns policies\nkind: Namespace\nmetadata: {name: shop}\n';
    const index = new WorkspaceIndex();
    const own = lintText(text, { settings: DEFAULT_SETTINGS });
    assert.ok(own.findings.some((f) => f.ruleId === SUPPRESSION_RULE_ID), 'lintText alone sees an unused suppression');
    index.set(ROOT + 'ns.yaml', factsOf(ROOT + 'ns.yaml', own));
    index.set(ROOT + 'app.yaml', indexText(ROOT + 'app.yaml', deployment('web', { namespace: 'shop' })));
    const merged = mergeWorkspaceFindings(own, lintWorkspaceFile(index, ROOT + 'ns.yaml', { settings: DEFAULT_SETTINGS, text, source: own }));
    assert.deepEqual(merged.findings.filter((f) => f.ruleId === 'network-policy-default-deny' || f.ruleId === SUPPRESSION_RULE_ID), []);
    assert.ok(merged.findings.some((f) => f.ruleId === 'namespace-resource-quota'), 'other workspace findings stay');
  });

  it('settings turn workspace rules off and change their severity', () => {
    const index = indexed({ 'app.yaml': deployment('web', { namespace: 'shop' }) });
    const settings = { ...DEFAULT_SETTINGS, rules: { 'network-policy-default-deny': 'off' as const, 'namespace-resource-quota': 'error' as const } };
    const findings = lintWorkspaceFile(index, ROOT + 'app.yaml', { settings }).findings;
    assert.ok(!findings.some((f) => f.ruleId === 'network-policy-default-deny'));
    assert.equal(findings.find((f) => f.ruleId === 'namespace-resource-quota')?.severity, 'error');
    assert.deepEqual(lintWorkspaceFile(index, ROOT + 'app.yaml', { settings: { ...DEFAULT_SETTINGS, enable: false } }).findings, []);
  });

  it('the new-file fix never names a file the workspace has', () => {
    const index = indexed({ 'ns.yaml': namespace('shop'), 'app.yaml': deployment('web', { namespace: 'shop' }), 'network-policy-default-deny-shop.yaml': 'a: 1\n' });
    const finding = lintWorkspaceFile(index, ROOT + 'ns.yaml', { settings: DEFAULT_SETTINGS }).findings.find((f) => f.ruleId === 'network-policy-default-deny')!;
    const created = finding.fixes.map((f) => (f as { newFile?: { uri: string } }).newFile?.uri).filter(Boolean);
    assert.deepEqual(created, [ROOT + 'network-policy-default-deny-shop-2.yaml']);
  });
});
