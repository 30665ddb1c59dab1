/** @file Workloads held to the Pod Security labels of their Namespace: same file, workspace index, enforce/warn/audit, invalid labels, caching. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../shared/src/engine/config';
import { LintCache, lintText, type Finding } from '../../../shared/src/engine/lint';
import { NamespaceIndex, WorkspaceNamespaces, collectNamespaces } from '../../../shared/src/workspace/namespaces';
import { audited, baseline, enforced, permitted, restricted, warned } from '../../harness/policy';
import { yaml } from '../../harness/yaml';

const namespace = (name: string, labels: Record<string, string>) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: ${JSON.stringify(labels)}\n`;

/** A Deployment with one baseline violation (hostNetwork) and restricted-only ones. */
const deployment = (ns: string | undefined) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web${ns ? `, namespace: ${ns}` : ''}}
  spec:
    template:
      spec:
        hostNetwork: true
        securityContext: {seccompProfile: {type: RuntimeDefault}}
        containers:
          - name: app
            securityContext: {capabilities: {drop: [ALL]}, runAsNonRoot: true}`;

function find(findings: readonly Finding[], ruleId: string): Finding {
  const found = findings.find((f) => f.ruleId === ruleId);
  assert.ok(found, `no ${ruleId} finding among ${findings.map((f) => f.ruleId).join(', ')}`);
  return found;
}

const tail = (f: Finding) => f.message.slice(f.message.lastIndexOf('. ', f.message.length - 2) + 2);

describe('namespace policy', () => {
  it('without a known Namespace: baseline violations are errors, restricted-only ones warnings', () => {
    const { findings } = lintText(deployment('shop'), { settings: DEFAULT_SETTINGS });
    const host = find(findings, 'host-namespaces');
    assert.equal(host.severity, 'error');
    assert.ok(host.message.endsWith(baseline('Deployment')));
    const escalation = find(findings, 'allow-privilege-escalation');
    assert.equal(escalation.severity, 'warning');
    assert.ok(escalation.message.endsWith(restricted('Deployment')));
  });

  it('a Namespace in the same file enforcing baseline: the error names it, for a Pod and for a workload', () => {
    const text = `${namespace('shop', { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.30' })}---\n${deployment('shop')}---\n${yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p, namespace: shop}
      spec: {hostIPC: true, containers: [{name: a}]}`}`;
    const { findings } = lintText(text, { settings: DEFAULT_SETTINGS });
    const [workload, pod] = findings.filter((f) => f.ruleId === 'host-namespaces');
    assert.equal(workload!.severity, 'error');
    assert.ok(workload!.message.endsWith(enforced('shop', 'baseline:v1.30', 'Deployment')), workload!.message);
    assert.match(workload!.message, /Deployment itself is admitted .* but every pod created from its template would be rejected/);
    assert.ok(pod!.message.endsWith(enforced('shop', 'baseline:v1.30')), pod!.message);
    // warn defaults to enforce's level; what restricted alone forbids is admitted: info.
    const escalation = find(findings, 'allow-privilege-escalation');
    assert.equal(escalation.severity, 'info');
    assert.ok(escalation.message.endsWith(permitted('shop')), escalation.message);
  });

  it('a Namespace from another file, through the workspace index', () => {
    const workspace = new WorkspaceNamespaces();
    assert.equal(workspace.update('file:///ns.yaml', namespace('shop', { 'pod-security.kubernetes.io/enforce': 'restricted' })), true);
    const { findings } = lintText(deployment('shop'), { settings: DEFAULT_SETTINGS, namespaces: workspace.index() });
    const escalation = find(findings, 'allow-privilege-escalation');
    assert.equal(escalation.severity, 'error');
    assert.ok(escalation.message.endsWith(enforced('shop', 'restricted:latest', 'Deployment')));
    // Another namespace is not affected.
    assert.equal(find(lintText(deployment('other'), { settings: DEFAULT_SETTINGS, namespaces: workspace.index() }).findings, 'allow-privilege-escalation').severity, 'warning');
  });

  it('the file\'s own Namespace wins over the workspace index', () => {
    const index = new NamespaceIndex(collectNamespaces(namespace('shop', { 'pod-security.kubernetes.io/enforce': 'restricted' }), 'other.yaml'));
    const text = `${namespace('shop', { 'pod-security.kubernetes.io/enforce': 'privileged' })}---\n${deployment('shop')}`;
    const escalation = find(lintText(text, { settings: DEFAULT_SETTINGS, namespaces: index }).findings, 'allow-privilege-escalation');
    assert.equal(escalation.severity, 'info');
  });

  it('warn and audit violations are warnings that say the pod is admitted', () => {
    const labels = { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted', 'pod-security.kubernetes.io/warn-version': 'v1.33' };
    const warn = find(lintText(`${namespace('shop', labels)}---\n${deployment('shop')}`, { settings: DEFAULT_SETTINGS }).findings, 'allow-privilege-escalation');
    assert.equal(warn.severity, 'warning');
    assert.ok(warn.message.endsWith(warned('shop', 'restricted:v1.33')));
    const auditLabels = { 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/audit': 'restricted' };
    const audit = find(lintText(`${namespace('shop', auditLabels)}---\n${deployment('shop')}`, { settings: DEFAULT_SETTINGS }).findings, 'allow-privilege-escalation');
    assert.equal(audit.severity, 'warning');
    assert.ok(audit.message.endsWith(audited('shop', 'restricted:latest')));
  });

  it('an invalid enforce level fails closed (restricted enforced); an invalid warn level fails open', () => {
    const closed = lintText(`${namespace('shop', { 'pod-security.kubernetes.io/enforce': 'restrictd' })}---\n${deployment('shop')}`, { settings: DEFAULT_SETTINGS }).findings;
    assert.equal(find(closed, 'invalid-pod-security-label').severity, 'error');
    assert.match(find(closed, 'invalid-pod-security-label').message, /fails closed/);
    assert.equal(find(closed, 'allow-privilege-escalation').severity, 'error');
    const open = lintText(`${namespace('shop', { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'strict' })}---\n${deployment('shop')}`, { settings: DEFAULT_SETTINGS }).findings;
    assert.match(find(open, 'invalid-pod-security-label').message, /fails open/);
    assert.equal(find(open, 'allow-privilege-escalation').severity, 'info');
  });

  it('a Namespace without an enforce label leaves the default policy in force', () => {
    const text = `${namespace('shop', { 'pod-security.kubernetes.io/warn': 'restricted' })}---\n${deployment('shop')}`;
    const { findings } = lintText(text, { settings: DEFAULT_SETTINGS });
    assert.ok(find(findings, 'host-namespaces').message.endsWith(baseline('Deployment')));
    assert.equal(find(findings, 'namespace-pod-security').severity, 'warning');
  });

  it('the default policy follows the settings', () => {
    const text = deployment(undefined);
    const atBaseline = lintText(text, { settings: normalizeSettings({ podSecurity: { level: 'baseline' } }) }).findings;
    assert.equal(atBaseline.filter((f) => f.ruleId === 'allow-privilege-escalation').length, 0);
    assert.equal(find(atBaseline, 'host-namespaces').severity, 'error');
    const off = lintText(text, { settings: normalizeSettings({ podSecurity: { level: 'privileged' } }) }).findings;
    assert.deepEqual(off.filter((f) => f.pssCheck), []);
  });

  it('a label change re-lints a cached document; an unrelated label change does not', () => {
    const cache = new LintCache();
    const text = deployment('shop');
    const index = (labels: Record<string, string>) => new NamespaceIndex(collectNamespaces(namespace('shop', labels), 'ns.yaml'));
    const first = lintText(text, { settings: DEFAULT_SETTINGS, cache, namespaces: index({ 'pod-security.kubernetes.io/enforce': 'baseline' }) });
    assert.ok(find(first.findings, 'host-namespaces').message.includes('enforces baseline'));
    const second = lintText(text, { settings: DEFAULT_SETTINGS, cache, namespaces: index({ 'pod-security.kubernetes.io/enforce': 'restricted' }) });
    assert.ok(find(second.findings, 'host-namespaces').message.includes('enforces restricted'));
    const a = new NamespaceIndex(collectNamespaces(`apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {team: a, pod-security.kubernetes.io/enforce: baseline}}\n`));
    const b = new NamespaceIndex(collectNamespaces(`apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {team: b, pod-security.kubernetes.io/enforce: baseline}}\n`));
    assert.equal(a.key, b.key);
  });

  it('a Namespace document is re-linted when a workload of the file in it changes', () => {
    const cache = new LintCache();
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: agents}\n';
    const pod = (hostPID: boolean) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: agents}\nspec: {hostPID: ${hostPID}, containers: [{name: a}]}\n`;
    const blocked = lintText(`${ns}---\n${pod(true)}`, { settings: DEFAULT_SETTINGS, cache });
    assert.match(find(blocked.findings, 'namespace-pod-security').message, /would reject Pod\/p/);
    const clear = lintText(`${ns}---\n${pod(false)}`, { settings: DEFAULT_SETTINGS, cache });
    assert.doesNotMatch(find(clear.findings, 'namespace-pod-security').message, /would reject/);
  });

  it('WorkspaceNamespaces reports whether the index changed', () => {
    const workspace = new WorkspaceNamespaces();
    const text = namespace('shop', { 'pod-security.kubernetes.io/enforce': 'baseline' });
    assert.equal(workspace.update('a.yaml', text), true);
    assert.equal(workspace.update('a.yaml', text), false);
    assert.equal(workspace.update('b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n'), false);
    assert.equal(workspace.index().get('shop')?.source, 'a.yaml');
    assert.equal(workspace.delete('a.yaml'), true);
    assert.equal(workspace.index().size, 0);
  });
});

describe('opt-in rules', () => {
  it('a rule with enabledByDefault: false runs only when given a severity', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext: {runAsUser: 100, runAsNonRoot: true}\n  containers: [{name: a}]\n';
    assert.equal(lintText(text, { settings: DEFAULT_SETTINGS }).findings.filter((f) => f.ruleId === 'run-as-high-uid').length, 0);
    assert.equal(lintText(text, { settings: normalizeSettings({ rules: { 'run-as-high-uid': 'warning' } }) }).findings.filter((f) => f.ruleId === 'run-as-high-uid').length, 1);
  });
});

describe('paths through aliases and merges', () => {
  it('a value reached through an alias is reported at the alias, without a fix', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: a
            securityContext: &loose {privileged: true, allowPrivilegeEscalation: true}
          - name: b
            securityContext: *loose`;
    const privileged = lintText(text, { settings: DEFAULT_SETTINGS }).findings.filter((f) => f.ruleId === 'privileged-container');
    assert.equal(privileged.length, 2);
    assert.equal(text.slice(privileged[1]!.start, privileged[1]!.end), '*loose');
    assert.deepEqual(privileged[1]!.fixes.filter((f) => !f.suppression), []);
    assert.equal(privileged[0]!.fixes.filter((f) => !f.suppression).length, 1);
    assert.equal(tail(privileged[0]!), baseline());
  });
});
