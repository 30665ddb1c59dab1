/** @file Project-owned PSS evaluator tests on inline YAML pods: checks at both levels and version edges, labels, paths, malformed input. */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';

import {
  ALL_CHECKS,
  BASELINE_ALLOWED_CAPABILITIES,
  type CheckId,
  type Finding,
  LATEST_VERSION,
  type PssLevel,
  type PssResult,
  RESTRICTED_ALLOWED_VOLUME_TYPES,
  activeChecks,
  allowedSeLinuxTypes,
  allowedSysctls,
  compareVersion,
  evaluatePod,
  findingPathProblem,
  formatPolicy,
  formatViolations,
  overridingCheck,
  parseLevel,
  parseVersion,
  policyFromNamespaceLabels,
  resolveVersion,
} from '../../../shared/src/pss';

function yamlPod(text: string): unknown {
  return parse(text, { version: '1.1', merge: true });
}

/** A pod that passes restricted at every version. */
const COMPLIANT = `
apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  initContainers:
  - name: init
    image: busybox
    securityContext:
      allowPrivilegeEscalation: false
      capabilities:
        drop: [ALL]
  containers:
  - name: app
    image: nginx
    securityContext:
      allowPrivilegeEscalation: false
      capabilities:
        drop: [ALL]
`;

type Json = Record<string, any>;

/** The compliant pod with one edit applied, so each test states only what it breaks. */
function compliantWith(edit: (pod: Json) => void): Json {
  const pod = yamlPod(COMPLIANT) as Json;
  edit(pod);
  return pod;
}

function run(pod: unknown, level: PssLevel, version: string): PssResult {
  const result = evaluatePod(pod, level, version);
  for (const violation of result.violations) {
    for (const finding of violation.findings) {
      const problem = findingPathProblem(pod, finding);
      assert.equal(problem, undefined, `${violation.check} ${JSON.stringify(finding.path)}: ${problem}`);
    }
  }
  return result;
}

function failedChecks(pod: unknown, level: PssLevel, version: string): CheckId[] {
  return run(pod, level, version).violations.map((violation) => violation.check).sort();
}

function findingsOf(pod: unknown, level: PssLevel, version: string, check: CheckId): readonly Finding[] {
  const violation = run(pod, level, version).violations.find((v) => v.check === check);
  assert.ok(violation, `expected ${check} to fail at ${level}:${version}`);
  return violation.findings;
}

describe('baseline checks', () => {
  test('the compliant pod passes every level at every version', () => {
    for (let minor = 0; minor <= LATEST_VERSION.minor; minor++) {
      for (const level of ['privileged', 'baseline', 'restricted'] as const) {
        assert.deepEqual(failedChecks(yamlPod(COMPLIANT), level, `v1.${minor}`), [], `${level} v1.${minor}`);
      }
    }
  });

  test('hostNamespaces: message and one finding per namespace', () => {
    const pod = yamlPod(`
spec:
  hostNetwork: true
  hostIPC: false
  hostPID: true
  containers: [{name: app, image: nginx}]
`);
    const result = run(pod, 'baseline', 'latest');
    assert.deepEqual(result.violations.map((v) => v.message), ['host namespaces (hostNetwork=true, hostPID=true)']);
    assert.deepEqual(result.violations[0].findings.map((f) => f.path), [['spec', 'hostNetwork'], ['spec', 'hostPID']]);
    assert.deepEqual(failedChecks(compliantWith((p) => { p.spec.hostNetwork = true; }), 'restricted', 'v1.37'), ['hostNamespaces']);
  });

  test('privileged: every container list, including ephemeral containers', () => {
    const pod = yamlPod(`
spec:
  containers:
  - name: app
    securityContext: {privileged: true}
  ephemeralContainers:
  - name: debug
  - name: shell
    securityContext: {privileged: true}
`);
    const result = run(pod, 'baseline', 'v1.0');
    assert.equal(result.violations[0].message, 'privileged (containers "app", "shell" must not set securityContext.privileged=true)');
    assert.deepEqual(result.violations[0].findings.map((f) => f.path), [
      ['spec', 'containers', 0, 'securityContext', 'privileged'],
      ['spec', 'ephemeralContainers', 1, 'securityContext', 'privileged'],
    ]);
    const single = run(yamlPod('spec: {containers: [{name: app, securityContext: {privileged: true}}]}'), 'baseline', 'latest');
    assert.equal(single.violations[0].message, 'privileged (container "app" must not set securityContext.privileged=true)');
  });

  test('capabilities_baseline: NET_RAW is not in the default set; restricted switches check at v1.22', () => {
    const pod = compliantWith((p) => {
      p.spec.initContainers.push({ name: 'second', image: 'x', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['CHOWN', 'KILL', 'NET_RAW'] } } });
    });
    assert.deepEqual(findingsOf(pod, 'baseline', 'v1.0', 'capabilities_baseline').map((f) => f.path), [
      ['spec', 'initContainers', 1, 'securityContext', 'capabilities', 'add', 2],
    ]);
    assert.deepEqual(failedChecks(pod, 'restricted', 'v1.21'), ['capabilities_baseline']);
    assert.deepEqual(failedChecks(pod, 'restricted', 'v1.22'), ['capabilities_restricted']);
    assert.deepEqual(failedChecks(compliantWith((p) => { p.spec.containers[0].securityContext.capabilities.add = ['CHOWN']; }), 'baseline', 'latest'), []);
  });

  test('hostPathVolumes at baseline becomes restrictedVolumes at restricted', () => {
    const pod = compliantWith((p) => {
      p.spec.volumes = [{ name: 'a', emptyDir: {} }, { name: 'b', configMap: { name: 'c' } }, { name: 'c', secret: { secretName: 's' } }, { name: 'host', hostPath: { path: '/' } }];
    });
    const baseline = run(pod, 'baseline', 'latest');
    assert.deepEqual(baseline.violations.map((v) => v.message), ['hostPath volumes (volume "host")']);
    assert.deepEqual(baseline.violations[0].findings[0].path, ['spec', 'volumes', 3, 'hostPath']);
    const restricted = run(pod, 'restricted', 'latest');
    assert.deepEqual(restricted.violations.map((v) => v.message), ['restricted volume types (volume "host" uses restricted volume type "hostPath")']);
    assert.deepEqual(restricted.violations[0].findings[0].path, ['spec', 'volumes', 3, 'hostPath']);
  });

  test('hostPorts: zero is fine, anything else is not', () => {
    const pod = yamlPod(`
spec:
  containers:
  - name: web
    ports:
    - containerPort: 80
      hostPort: 0
    - containerPort: 443
      hostPort: 8443
`);
    const result = run(pod, 'baseline', 'latest');
    assert.equal(result.violations[0].message, 'hostPort (container "web" uses hostPort 8443)');
    assert.deepEqual(result.violations[0].findings[0].path, ['spec', 'containers', 0, 'ports', 1, 'hostPort']);
  });

  test('appArmorProfile: field and annotation', () => {
    const fieldPod = compliantWith((p) => { p.spec.containers[0].securityContext.appArmorProfile = { type: 'Unconfined' }; });
    assert.equal(run(fieldPod, 'baseline', 'v1.0').violations[0].message,
      'forbidden AppArmor profile (container "app" must not set AppArmor profile type to "Unconfined")');
    const annotated = yamlPod(`
metadata:
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
    container.apparmor.security.beta.kubernetes.io/other: localhost/custom
spec:
  containers: [{name: app}]
`);
    assert.deepEqual(findingsOf(annotated, 'baseline', 'latest', 'appArmorProfile').map((f) => f.path), [
      ['metadata', 'annotations', 'container.apparmor.security.beta.kubernetes.io/app'],
    ]);
    const allowed = compliantWith((p) => { p.spec.securityContext.appArmorProfile = { type: 'Localhost', localhostProfile: 'x' }; });
    assert.deepEqual(failedChecks(allowed, 'restricted', 'latest'), []);
  });

  test('seLinuxOptions: container_engine_t allowed from v1.31; user and role never', () => {
    const engine = compliantWith((p) => { p.spec.securityContext.seLinuxOptions = { type: 'container_engine_t' }; });
    assert.deepEqual(failedChecks(engine, 'baseline', 'v1.30'), ['seLinuxOptions']);
    assert.deepEqual(failedChecks(engine, 'baseline', 'v1.31'), []);
    const userAndRole = compliantWith((p) => { p.spec.containers[0].securityContext.seLinuxOptions = { user: 'system_u', role: 'sysadm_r', level: 's0' }; });
    const violation = run(userAndRole, 'restricted', 'latest').violations[0];
    assert.equal(violation.message, 'seLinuxOptions (container "app" set forbidden securityContext.seLinuxOptions: user may not be set; role may not be set)');
    assert.deepEqual(violation.findings.map((f) => f.path.at(-1)), ['user', 'role']);
  });

  test('procMount: hostUsers:false relaxes baseline from v1.35, never restricted', () => {
    const unmasked = (hostUsers: boolean) => compliantWith((p) => {
      p.spec.hostUsers = hostUsers;
      p.spec.containers[0].securityContext.procMount = 'Unmasked';
    });
    assert.deepEqual(failedChecks(unmasked(false), 'baseline', 'v1.34'), ['procMount']);
    assert.deepEqual(failedChecks(unmasked(false), 'baseline', 'v1.35'), []);
    assert.deepEqual(failedChecks(unmasked(true), 'baseline', 'v1.35'), ['procMount']);
    assert.deepEqual(failedChecks(unmasked(false), 'restricted', 'v1.34'), ['procMount']);
    assert.deepEqual(failedChecks(unmasked(false), 'restricted', 'v1.35'), ['procMount_restricted']);
    assert.deepEqual(failedChecks(compliantWith((p) => { p.spec.containers[0].securityContext.procMount = 'Default'; }), 'restricted', 'latest'), []);
  });

  test('seccompProfile_baseline: annotations before v1.19, fields after', () => {
    const annotated = compliantWith((p) => { p.metadata.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' }; });
    assert.deepEqual(failedChecks(annotated, 'baseline', 'v1.18'), ['seccompProfile_baseline']);
    assert.deepEqual(failedChecks(annotated, 'restricted', 'v1.18'), ['seccompProfile_baseline']);
    assert.deepEqual(failedChecks(annotated, 'baseline', 'v1.19'), []);
    const unconfined = compliantWith((p) => { p.spec.containers[0].securityContext.seccompProfile = { type: 'Unconfined' }; });
    assert.deepEqual(failedChecks(unconfined, 'baseline', 'v1.18'), []);
    assert.deepEqual(failedChecks(unconfined, 'baseline', 'v1.19'), ['seccompProfile_baseline']);
    assert.deepEqual(failedChecks(unconfined, 'restricted', 'v1.19'), ['seccompProfile_restricted']);
    assert.deepEqual(findingsOf(unconfined, 'baseline', 'latest', 'seccompProfile_baseline')[0].path,
      ['spec', 'containers', 0, 'securityContext', 'seccompProfile', 'type']);
  });

  test('sysctls: the allow-list grows at v1.27, v1.29, v1.32 and v1.37', () => {
    const edges: [string, number][] = [
      ['net.ipv4.ip_local_reserved_ports', 27],
      ['net.ipv4.tcp_keepalive_time', 29],
      ['net.ipv4.tcp_fin_timeout', 29],
      ['net.ipv4.tcp_rmem', 32],
      ['net.ipv4.tcp_slow_start_after_idle', 37],
      ['net.ipv4.tcp_notsent_lowat', 37],
    ];
    for (const [name, minor] of edges) {
      const pod = compliantWith((p) => { p.spec.securityContext.sysctls = [{ name: 'kernel.shm_rmid_forced', value: '1' }, { name, value: '1' }]; });
      assert.deepEqual(failedChecks(pod, 'baseline', `v1.${minor - 1}`), ['sysctls'], `${name} before v1.${minor}`);
      assert.deepEqual(failedChecks(pod, 'baseline', `v1.${minor}`), [], `${name} at v1.${minor}`);
    }
    const bad = compliantWith((p) => { p.spec.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '1' }]; });
    const violation = run(bad, 'baseline', 'latest').violations[0];
    assert.equal(violation.message, 'forbidden sysctls (kernel.msgmax)');
    assert.deepEqual(violation.findings[0].path, ['spec', 'securityContext', 'sysctls', 0, 'name']);
  });

  test('windowsHostProcess: pod and container level', () => {
    const pod = yamlPod(`
spec:
  securityContext: {windowsOptions: {hostProcess: true}}
  containers: [{name: app, securityContext: {windowsOptions: {hostProcess: true}}}]
`);
    assert.equal(run(pod, 'baseline', 'latest').violations[0].message,
      'hostProcess (pod and container "app" must not set securityContext.windowsOptions.hostProcess=true)');
  });

  test('hostProbesAndHostLifecycle: only from v1.34, and even loopback hosts fail', () => {
    const pod = compliantWith((p) => {
      p.spec.containers[0].livenessProbe = { httpGet: { host: '127.0.0.1', port: 8080 } };
      p.spec.initContainers[0].lifecycle = { preStop: { tcpSocket: { host: 'db', port: 5432 } } };
    });
    assert.deepEqual(failedChecks(pod, 'baseline', 'v1.33'), []);
    const violation = run(pod, 'baseline', 'v1.34').violations[0];
    assert.equal(violation.message, 'probe or lifecycle host (containers "app", "init" use probe or lifecycle hosts "127.0.0.1", "db")');
    assert.deepEqual(violation.findings.map((f) => f.path), [
      ['spec', 'initContainers', 0, 'lifecycle', 'preStop', 'tcpSocket', 'host'],
      ['spec', 'containers', 0, 'livenessProbe', 'httpGet', 'host'],
    ]);
    assert.deepEqual(failedChecks(compliantWith((p) => { p.spec.containers[0].readinessProbe = { httpGet: { port: 80, host: '' } }; }), 'restricted', 'latest'), []);
  });
});

describe('restricted checks', () => {
  test('restrictedVolumes: allowed types, forbidden types, sourceless and unknown volumes', () => {
    for (const type of RESTRICTED_ALLOWED_VOLUME_TYPES) {
      assert.deepEqual(failedChecks(compliantWith((p) => { p.spec.volumes = [{ name: 'v', [type]: {} }]; }), 'restricted', 'v1.0'), [], type);
    }
    const nfs = compliantWith((p) => { p.spec.volumes = [{ name: 'share', nfs: { server: 's', path: '/' } }]; });
    assert.deepEqual(failedChecks(nfs, 'baseline', 'latest'), []);
    assert.deepEqual(findingsOf(nfs, 'restricted', 'latest', 'restrictedVolumes')[0].path, ['spec', 'volumes', 0, 'nfs']);
    // The API server defaults a volume with no source to emptyDir before admission.
    assert.deepEqual(failedChecks(compliantWith((p) => { p.spec.volumes = [{ name: 'bare' }]; }), 'restricted', 'latest'), []);
    const unknown = run(compliantWith((p) => { p.spec.volumes = [{ name: 'odd', fancyDisk: { id: 1 } }]; }), 'restricted', 'latest');
    assert.equal(unknown.violations[0].message, 'restricted volume types (volume "odd" uses restricted volume type "unknown")');
  });

  test('allowPrivilegeEscalation: from v1.8; a missing value points where it belongs', () => {
    const pod = yamlPod(`
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: a
    securityContext: {capabilities: {drop: [ALL]}}
  - name: b
    securityContext: {allowPrivilegeEscalation: true, capabilities: {drop: [ALL]}}
`);
    assert.deepEqual(failedChecks(pod, 'restricted', 'v1.7'), []);
    const violation = run(pod, 'restricted', 'v1.8').violations[0];
    assert.equal(violation.message, 'allowPrivilegeEscalation != false (containers "a", "b" must set securityContext.allowPrivilegeEscalation=false)');
    assert.deepEqual(violation.findings.map((f) => [f.path, f.missing ?? false]), [
      [['spec', 'containers', 0, 'securityContext', 'allowPrivilegeEscalation'], true],
      [['spec', 'containers', 1, 'securityContext', 'allowPrivilegeEscalation'], false],
    ]);
  });

  test('Windows pods are exempt from allowPrivilegeEscalation, capabilities and seccomp from v1.25', () => {
    const windows = yamlPod(`
spec:
  os: {name: windows}
  securityContext: {runAsNonRoot: true}
  containers: [{name: app, image: servercore}]
`);
    assert.deepEqual(failedChecks(windows, 'restricted', 'v1.24'), ['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']);
    assert.deepEqual(failedChecks(windows, 'restricted', 'v1.25'), []);
    const linux = yamlPod(`
spec:
  os: {name: linux}
  securityContext: {runAsNonRoot: true}
  containers: [{name: app}]
`);
    assert.deepEqual(failedChecks(linux, 'restricted', 'v1.25'), ['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']);
  });

  test('runAsNonRoot: unset everywhere points at the pod-level field; false anywhere is explicit', () => {
    const unset = compliantWith((p) => { delete p.spec.securityContext.runAsNonRoot; });
    const violation = run(unset, 'restricted', 'v1.0').violations[0];
    assert.equal(violation.message, 'runAsNonRoot != true (pod or containers "init", "app" must set securityContext.runAsNonRoot=true)');
    assert.deepEqual(violation.findings, [{
      path: ['spec', 'securityContext', 'runAsNonRoot'],
      missing: true,
      detail: 'pod or containers "init", "app" must set securityContext.runAsNonRoot=true',
    }]);
    const perContainer = compliantWith((p) => {
      delete p.spec.securityContext.runAsNonRoot;
      for (const c of [...p.spec.initContainers, ...p.spec.containers]) c.securityContext.runAsNonRoot = true;
    });
    assert.deepEqual(failedChecks(perContainer, 'restricted', 'latest'), []);
    const explicitFalse = compliantWith((p) => { p.spec.containers[0].securityContext.runAsNonRoot = false; });
    assert.equal(run(explicitFalse, 'restricted', 'latest').violations[0].message,
      'runAsNonRoot != true (container "app" must not set securityContext.runAsNonRoot=false)');
  });

  test('runAsUser: 0 allowed at restricted v1.22, forbidden from v1.23, relaxed by hostUsers:false from v1.35', () => {
    const root = compliantWith((p) => { p.spec.securityContext.runAsUser = 0; });
    assert.deepEqual(failedChecks(root, 'restricted', 'v1.22'), []);
    assert.deepEqual(failedChecks(root, 'restricted', 'v1.23'), ['runAsUser']);
    assert.equal(run(root, 'restricted', 'v1.23').violations[0].message, 'runAsUser=0 (pod must not set runAsUser=0)');
    assert.deepEqual(failedChecks(root, 'baseline', 'latest'), []);
    const userNamespaced = compliantWith((p) => {
      p.spec.hostUsers = false;
      p.spec.securityContext.runAsUser = 0;
      p.spec.securityContext.runAsNonRoot = false;
    });
    assert.deepEqual(failedChecks(userNamespaced, 'restricted', 'v1.34'), ['runAsNonRoot', 'runAsUser']);
    assert.deepEqual(failedChecks(userNamespaced, 'restricted', 'v1.35'), []);
  });

  test('seccompProfile_restricted: from v1.19; unset points at the pod-level type', () => {
    const unset = compliantWith((p) => { delete p.spec.securityContext.seccompProfile; });
    assert.deepEqual(failedChecks(unset, 'restricted', 'v1.18'), []);
    const violation = run(unset, 'restricted', 'v1.19').violations[0];
    assert.equal(violation.message,
      'seccompProfile (pod or containers "init", "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")');
    assert.deepEqual(violation.findings.map((f) => [f.path, f.missing]), [[['spec', 'securityContext', 'seccompProfile', 'type'], true]]);
    const containersOnly = compliantWith((p) => {
      delete p.spec.securityContext.seccompProfile;
      for (const c of [...p.spec.initContainers, ...p.spec.containers]) c.securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'p.json' };
    });
    assert.deepEqual(failedChecks(containersOnly, 'restricted', 'latest'), []);
  });

  test('capabilities_restricted: drop must contain ALL, add only NET_BIND_SERVICE', () => {
    const pod = compliantWith((p) => {
      p.spec.initContainers[0].securityContext.capabilities = { drop: ['NET_RAW'], add: ['NET_BIND_SERVICE'] };
      delete p.spec.containers[0].securityContext.capabilities;
      p.spec.containers.push({ name: 'extra', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE', 'SYS_TIME'] } } });
    });
    const violation = run(pod, 'restricted', 'v1.22').violations[0];
    assert.equal(violation.message,
      'unrestricted capabilities (containers "init", "app" must set securityContext.capabilities.drop=["ALL"]; container "extra" must not include "SYS_TIME" in securityContext.capabilities.add)');
    assert.deepEqual(violation.findings.map((f) => [f.path, f.missing ?? false]), [
      [['spec', 'initContainers', 0, 'securityContext', 'capabilities', 'drop', 1], true],
      [['spec', 'containers', 0, 'securityContext', 'capabilities', 'drop'], true],
      [['spec', 'containers', 1, 'securityContext', 'capabilities', 'add', 1], false],
    ]);
  });

  test('privileged level runs no checks', () => {
    const pod = yamlPod('spec: {hostPID: true, containers: [{name: x, securityContext: {privileged: true}}]}');
    assert.deepEqual(run(pod, 'privileged', 'latest'), { allowed: true, version: LATEST_VERSION, violations: [] });
  });
});

describe('versions, registry and allow-lists', () => {
  test('parseVersion and resolveVersion follow PSA', () => {
    assert.deepEqual(parseVersion('v1.23'), { version: { major: 1, minor: 23 } });
    assert.deepEqual(parseVersion('latest'), { version: 'latest' });
    for (const bad of ['v1.x', 'v1', '1.23', 'v2.0', 'v1.01', 'v1.', '', 'Latest']) {
      assert.equal(parseVersion(bad).version, 'latest', bad);
      assert.equal(parseVersion(bad).error, 'must be "latest" or "v1.x"', bad);
    }
    assert.deepEqual(resolveVersion('latest'), LATEST_VERSION);
    assert.deepEqual(resolveVersion('v1.99'), LATEST_VERSION);
    assert.deepEqual(resolveVersion('v1.x'), LATEST_VERSION);
    assert.deepEqual(resolveVersion({ major: 1, minor: 5 }), { major: 1, minor: 5 });
    assert.equal(compareVersion({ major: 1, minor: 9 }, { major: 1, minor: 10 }), -1);
    assert.equal(compareVersion('latest', { major: 1, minor: 999 }), 1);
    assert.equal(compareVersion('latest', 'latest'), 0);
    assert.deepEqual(LATEST_VERSION, { major: 1, minor: 37 });
    assert.deepEqual(parseLevel('restrictd'), { level: 'restricted', error: 'must be one of privileged, baseline, restricted' });
  });

  test('registry: 19 checks, overrides per version', () => {
    assert.equal(ALL_CHECKS.length, 19);
    assert.equal(new Set(ALL_CHECKS.map((c) => c.id)).size, 19);
    const v = (minor: number) => ({ major: 1, minor });
    assert.equal(overridingCheck('hostPathVolumes', v(0)), 'restrictedVolumes');
    assert.equal(overridingCheck('capabilities_baseline', v(21)), undefined);
    assert.equal(overridingCheck('capabilities_baseline', v(22)), 'capabilities_restricted');
    assert.equal(overridingCheck('seccompProfile_baseline', v(18)), undefined);
    assert.equal(overridingCheck('seccompProfile_baseline', v(19)), 'seccompProfile_restricted');
    assert.equal(overridingCheck('procMount', v(34)), undefined);
    assert.equal(overridingCheck('procMount', v(35)), 'procMount_restricted');
    assert.equal(activeChecks('baseline', v(33)).length, 11);
    assert.equal(activeChecks('baseline', v(34)).length, 12);
    assert.equal(activeChecks('restricted', v(37)).length, 15);
    assert.equal(activeChecks('privileged', v(37)).length, 0);
  });

  test('allow-lists', () => {
    assert.equal(BASELINE_ALLOWED_CAPABILITIES.size, 13);
    assert.equal(BASELINE_ALLOWED_CAPABILITIES.has('NET_RAW'), false);
    assert.deepEqual([5, 6, 10, 12, 14].map((n, i) => [n, allowedSysctls(['v1.0', 'v1.27', 'v1.29', 'v1.32', 'latest'][i]).size]),
      [[5, 5], [6, 6], [10, 10], [12, 12], [14, 14]]);
    assert.equal(allowedSeLinuxTypes('v1.30').has('container_engine_t'), false);
    assert.equal(allowedSeLinuxTypes('v1.31').has('container_engine_t'), true);
  });

  test('formatting helpers', () => {
    const result = run(yamlPod('spec: {hostNetwork: true, containers: [{name: app, securityContext: {privileged: true}}]}'), 'baseline', 'v1.30');
    assert.equal(formatViolations(result.violations),
      'host namespaces (hostNetwork=true), privileged (container "app" must not set securityContext.privileged=true)');
    assert.equal(formatPolicy('baseline', { major: 1, minor: 30 }), 'baseline:v1.30');
  });
});

describe('namespace labels', () => {
  const labels = (text: string) => (yamlPod(text) as Json).metadata.labels;

  test('a misspelt enforce level fails closed to restricted and does not drive warn', () => {
    const { policy, problems } = policyFromNamespaceLabels(labels(`
metadata:
  labels:
    pod-security.kubernetes.io/enforce: restrictd
`));
    assert.deepEqual(policy.enforce, { level: 'restricted', version: 'latest' });
    assert.deepEqual(policy.warn, { level: 'privileged', version: 'latest' });
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0].path, ['metadata', 'labels', 'pod-security.kubernetes.io/enforce']);
    assert.equal(problems[0].value, 'restrictd');
  });

  test('an invalid version means latest; invalid audit and warn levels fail open', () => {
    const { policy, problems } = policyFromNamespaceLabels(labels(`
metadata:
  labels:
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/enforce-version: v1.x
    pod-security.kubernetes.io/audit: strict
    pod-security.kubernetes.io/warn: nope
`));
    assert.deepEqual(policy.enforce, { level: 'baseline', version: 'latest' });
    assert.equal(policy.audit.level, 'privileged');
    assert.equal(policy.warn.level, 'privileged');
    assert.deepEqual(problems.map((p) => p.label.replace('pod-security.kubernetes.io/', '')), ['enforce-version', 'audit', 'warn']);
  });

  test('warn follows a stricter enforce unless set', () => {
    const followed = policyFromNamespaceLabels(labels(`
metadata:
  labels:
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/enforce-version: v1.22
`)).policy;
    assert.deepEqual(followed.warn, { level: 'baseline', version: { major: 1, minor: 22 } });
    const ownVersion = policyFromNamespaceLabels({
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/enforce-version': 'v1.22',
      'pod-security.kubernetes.io/warn-version': 'latest',
    }).policy;
    assert.deepEqual(ownVersion.warn, { level: 'baseline', version: 'latest' });
    const explicit = policyFromNamespaceLabels({
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/warn': 'privileged',
    }).policy;
    assert.equal(explicit.warn.level, 'privileged');
  });

  test('odd label shapes do not throw', () => {
    assert.deepEqual(policyFromNamespaceLabels(undefined).problems, []);
    assert.deepEqual(policyFromNamespaceLabels('labels').problems, []);
    const numeric = policyFromNamespaceLabels({ 'pod-security.kubernetes.io/enforce-version': 1.25 });
    assert.equal(numeric.problems[0].message, 'must be "latest" or "v1.x"');
    assert.equal(policyFromNamespaceLabels({ 'pod-security.kubernetes.io/enforce': null }).policy.enforce.level, 'restricted');
  });
});

describe('malformed input never throws', () => {
  const junk: [string, unknown][] = [
    ['null pod', null],
    ['number pod', 42],
    ['spec is a string', yamlPod('spec: hello')],
    ['containers is a map', yamlPod('spec: {containers: {app: {image: nginx}}}')],
    ['containers hold scalars and nulls', yamlPod('spec: {containers: [nginx, null, 3, [a]]}')],
    ['securityContext is a string', yamlPod('spec: {securityContext: strict, containers: [{name: a, securityContext: tight}]}')],
    ['capabilities.add is a scalar', yamlPod('spec: {containers: [{name: a, securityContext: {capabilities: {add: NET_RAW, drop: ALL}}}]}')],
    ['capabilities list items are maps', yamlPod('spec: {containers: [{name: a, securityContext: {capabilities: {add: [{x: 1}], drop: [[ALL]]}}}]}')],
    ['annotations is a list', yamlPod('metadata: {annotations: [a, b]}\nspec: {containers: [{name: a}]}')],
    ['annotation values are maps', yamlPod('metadata: {annotations: {container.apparmor.security.beta.kubernetes.io/a: {x: 1}}}\nspec: {}')],
    ['volumes is a string, ports a map', yamlPod('spec: {volumes: none, containers: [{name: a, ports: {hostPort: 80}}]}')],
    ['wrong scalar types', yamlPod('spec: {hostNetwork: "true", hostUsers: "false", os: windows, securityContext: {runAsUser: "0", sysctls: [{name: 5}], seccompProfile: RuntimeDefault}, containers: [{name: 7, securityContext: {allowPrivilegeEscalation: "false", runAsNonRoot: "yes", procMount: 1, seLinuxOptions: {type: 3}}}]}')],
    ['probe handlers are strings', yamlPod('spec: {containers: [{name: a, livenessProbe: {httpGet: "http://x"}, lifecycle: {preStop: 5}}]}')],
    ['self-referencing alias', yamlPod('spec: &s {securityContext: *s, containers: [*s], volumes: [*s]}')],
    ['prototype keys', yamlPod('spec: {__proto__: {hostPID: true}, constructor: 1, containers: [{name: a, securityContext: {constructor: {privileged: true}}}]}')],
  ];

  for (const [name, pod] of junk) {
    test(name, () => {
      for (const level of ['baseline', 'restricted'] as const) {
        for (const version of ['v1.0', 'v1.22', 'v1.25', 'latest']) {
          assert.doesNotThrow(() => run(pod, level, version), `${name} at ${level}:${version}`);
        }
      }
    });
  }

  test('type mismatches read as unset: required fields still fail, forbidden ones do not fire', () => {
    const pod = yamlPod(`
spec:
  hostNetwork: "true"
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: a
    securityContext:
      allowPrivilegeEscalation: "false"
      privileged: "true"
      capabilities: {drop: ALL}
`);
    const result = run(pod, 'restricted', 'latest');
    assert.deepEqual(result.violations.map((v) => v.check), ['allowPrivilegeEscalation', 'capabilities_restricted']);
    // The offending scalars themselves are reported, not a "missing" field next to them.
    assert.deepEqual(result.violations.map((v) => [v.findings[0].path.at(-1), v.findings[0].value]), [
      ['allowPrivilegeEscalation', 'false'],
      ['drop', 'ALL'],
    ]);
  });

  test('a container list that is a map holds no containers; scalar items are skipped', () => {
    assert.deepEqual(failedChecks(yamlPod('spec: {containers: {app: {securityContext: {privileged: true}}}}'), 'restricted', 'latest'), []);
    const mixed = yamlPod('spec: {securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}, containers: [nginx, {name: b, securityContext: {privileged: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}]}');
    assert.deepEqual(findingsOf(mixed, 'baseline', 'latest', 'privileged').map((f) => f.path), [['spec', 'containers', 1, 'securityContext', 'privileged']]);
  });

  test('an unknown level is evaluated as restricted', () => {
    const pod = yamlPod('spec: {containers: [{name: a}]}');
    assert.deepEqual(evaluatePod(pod, 'strict' as PssLevel, 'latest').violations.map((v) => v.level).includes('restricted'), true);
  });
});
