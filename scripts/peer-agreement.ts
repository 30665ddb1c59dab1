/**
 * @file Compares kubeguard's verdicts with those of other Kubernetes linters on the peers'
 * own test fixtures (../shared/corpus/peers) and writes docs/peer-agreement.md.
 *
 * For every peer check that shares a concept with one of our rules (derived from the rules'
 * `docs.peers`, refined by NOT_SAME_CONCEPT, plus EXTRA_MAPPINGS), every object the peer's
 * fixtures give a verdict on becomes one case: the peer says fail or pass (from its expected
 * data), we say fail when a mapped rule reports a finding inside that object (CHECK_OPTIONS say
 * which findings count). Each disagreement must be explained in EXPLANATIONS (a deliberate
 * difference, with its reason); the rest are listed as Unexplained, SUSPECTED_BUGS with a diagnosis.
 *
 * Fixtures are read from the peers' own expected data: kube-linter and Checkov `expected.json`
 * (derived from their tests; checked against the asserted counts), Polaris file names, Kubescape
 * `expected.json` per test case, Kyverno `kyverno-test.yaml`.
 *
 * Run: `npx tsc -p tsconfig.test.json && node out/scripts/peer-agreement.js [peers-dir]`.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { DEFAULT_SETTINGS, type Settings } from '../shared/src/engine/config';
import { HELM_RULE_ID, lintText, SYNTAX_RULE_ID, type FileResult, type Finding } from '../shared/src/engine/lint';
import type { Rule } from '../shared/src/engine/rule';
import type { K8sObject } from '../shared/src/model/objects';
import { workloadOf } from '../shared/src/model/workload';
import { allRules } from '../shared/src/rules';
import { factsOf } from '../shared/src/workspace/facts';
import { WorkspaceIndex } from '../shared/src/workspace/index';
import { lintWorkspaceFile, mergeWorkspaceFindings } from '../shared/src/workspace/lint';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type Peer = 'kube-linter' | 'checkov' | 'polaris' | 'kubescape' | 'kyverno';
const PEER_ORDER: readonly Peer[] = ['kube-linter', 'checkov', 'polaris', 'kubescape', 'kyverno'];
type Verdict = 'fail' | 'pass';

/** One peer check and the rule(s) of ours that implement the same concept. */
export interface Mapping {
  readonly peer: Peer;
  /** The id the peer's fixtures use: kube-linter check name, Checkov id, Polaris check id, Kubescape rule name, Kyverno `policy/rule`. */
  readonly check: string;
  readonly rules: readonly string[];
  /** Where the mapping comes from: `docs.peers` of the named rules, or an explicit extra entry. */
  readonly sources: readonly string[];
}

interface CheckOptions {
  /** Lint with `podSecurity.level: baseline` (the peer check is a baseline-level control). */
  readonly level?: 'baseline';
  /**
   * A binding the peer flags counts as reported by us when we report it or the Role/ClusterRole it
   * binds (our RBAC rules report the rule in the role, where the fix goes).
   */
  readonly viaRoleRef?: true;
  /** Count only findings whose message matches: the part of a broader rule that corresponds to the peer check. */
  readonly message?: RegExp;
  /** The same, per rule (for a rule added to a mapping for one of its findings only). */
  readonly messages?: Readonly<Record<string, RegExp>>;
  /** Count only findings that carry a Pod Security check: the peer check implements the Pod Security Standards, not our hardening advice beyond them. */
  readonly pssOnly?: true;
  /** Do not count the rules a mapped rule steps aside for (STEPS_ASIDE_FOR): the peer check is about a value, not a missing block. */
  readonly ownFindingsOnly?: true;
}

/**
 * Rules that step aside for a broader one while it is on, so that one problem gives one finding:
 * a finding of the broader rule on the object counts for them (whatever the message filter).
 */
const STEPS_ASIDE_FOR: ReadonlyArray<{ rules: readonly string[]; by: string }> = [
  // shared/src/rules/common.ts coveredByMissingSecurityContext: no securityContext on the container or its pod.
  { rules: ['allow-privilege-escalation', 'capabilities-drop-all', 'read-only-root-filesystem', 'run-as-non-root', 'seccomp-profile'], by: 'missing-security-context' },
  // shared/src/rules/image-digest.ts: an image with no tag or :latest is image-tag's finding.
  { rules: ['image-digest'], by: 'image-tag' },
];

/**
 * Rules that report a namespace once (on its Namespace manifest, else on its first workload):
 * for the peers' per-workload verdicts such a finding counts for every workload of that
 * namespace, when the fixture has no object of `unless` kind there (which other rules judge).
 */
const NAMESPACE_RULES: ReadonlyArray<{ rule: string; unless: string }> = [{ rule: 'network-policy-default-deny', unless: 'NetworkPolicy' }];

/** An object as the comparison sees it. */
interface Obj {
  readonly file: string;
  /** Order among the file's objects. */
  readonly index: number;
  readonly kind: string;
  readonly apiVersion: string;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  readonly start: number;
  readonly end: number;
  readonly roleRef?: { readonly kind: string; readonly name: string };
  /** kubeguard reads a pod spec from it. */
  readonly isWorkload: boolean;
}

interface Linted {
  readonly files: readonly string[];
  /** Files kubeguard reports as not valid YAML (or as Helm templates), with the first problem. */
  readonly unparsed: ReadonlyMap<string, string>;
  readonly objects: readonly Obj[];
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
}

interface Target {
  /** What the peer judged, e.g. `Deployment/app`. */
  readonly label: string;
  readonly theirs: Verdict;
  /** The object(s) the verdict is about; 'file' for peers whose verdict is per file (Polaris). */
  readonly objects: readonly Obj[] | 'file';
}

interface Case {
  readonly mapping: Mapping;
  /** The fixture: a file or a folder, relative to the peers folder, with `/`. */
  readonly path: string;
  readonly files: readonly string[];
  readonly targets: (linted: Linted) => Target[];
  /** Settings the peer's test configures for this fixture, in kubeguard's terms (merged into the defaults). */
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface Row {
  readonly peer: Peer;
  readonly check: string;
  readonly rules: readonly string[];
  readonly path: string;
  readonly label: string;
  readonly theirs: Verdict;
  readonly ours: Verdict;
  readonly explanation?: Explanation;
}

export interface Explanation {
  /** Any peer when absent. */
  readonly peer?: Peer;
  readonly check: string | RegExp;
  /** Matched against `<fixture path>: <object>`. */
  readonly fixture: RegExp;
  readonly reason: string;
  /** Heading in the report; the peer checks it applies to by default. */
  readonly title?: string;
}

// ---------------------------------------------------------------------------------------------
// Mapping: derived from docs.peers, refined, and extended
// ---------------------------------------------------------------------------------------------

/**
 * Kubescape controls newer than the corpus's ControlID_RuleName.csv, and the rules that
 * implement them (control ids as in shared/research/peers.md; rule names from the corpus).
 */
const KUBESCAPE_CONTROLS_EXTRA: Readonly<Record<string, readonly string[]>> = {
  'C-0035': ['cluster-admin-role'],
  'C-0057': ['rule-privileged-container'],
  'C-0059': ['CVE-2021-25742'],
  'C-0186': ['rule-can-list-get-secrets-v1'],
  'C-0188': ['rule-can-create-pod'],
  'C-0189': ['ensure-default-service-accounts-has-only-default-roles'],
  'C-0191': ['rule-can-bind-escalate'],
  'C-0192': ['pod-security-admission-applied-1', 'pod-security-admission-applied-2'],
  'C-0207': ['rule-secrets-in-env-var'],
  'C-0210': ['set-seccomp-profile', 'set-seccomp-profile-RuntimeDefault'],
  'C-0211': ['drop-capability-netraw', 'set-fsgroup-value', 'set-fsgroupchangepolicy-value', 'set-hostprocess-true', 'set-procmount-default', 'set-seccomp-profile', 'set-seLinuxOptions', 'set-supplementalgroups-values', 'set-sysctls-params'],
  'C-0253': ['rule-identify-old-k8s-registry'],
  'C-0262': ['anonymous-access-enabled'],
  'C-0263': ['ingress-no-tls'],
  'C-0279': ['rule-can-access-proxy-subresource'],
  'C-0280': ['rule-can-approve-cert-signing-request'],
  'C-0281': ['rule-can-modify-admission-webhooks'],
  'C-0282': ['rule-can-create-service-account-token'],
  'C-0306': ['image-not-pinned-to-digest'],
};

/**
 * Derived pairs (peer check → our rule) that are not the same concept, and are dropped: either one
 * pair (`rule` given) or every rule for that peer check. `keep` instead keeps only the listed rules
 * (for a Kubescape control that groups several checks, each cited by a different rule of ours).
 */
const NOT_SAME_CONCEPT: ReadonlyArray<{ peer: Peer; check: string; rule?: string; keep?: readonly string[]; reason: string }> = [
  { peer: 'kube-linter', check: 'default-service-account', rule: 'rbac-default-service-account', reason: 'kube-linter flags workloads that run as the default ServiceAccount; rbac-default-service-account flags bindings that give the default ServiceAccount a role' },
  { peer: 'kubescape', check: 'rule-credentials-configmap', reason: 'secrets in ConfigMap data; env-credential-literal looks at container env values only' },
  { peer: 'kubescape', check: 'set-fsgroup-value', reason: 'requires fsGroup to be set (CIS 5.7.3 "apply security context"); not a check of ours' },
  { peer: 'kubescape', check: 'set-fsgroupchangepolicy-value', reason: 'requires fsGroupChangePolicy to be set; not a check of ours' },
  { peer: 'kubescape', check: 'set-supplementalgroups-values', reason: 'requires supplementalGroups to be set; not a check of ours' },
  { peer: 'kubescape', check: 'set-seLinuxOptions', reason: 'requires seLinuxOptions to be set (hardening); selinux-options forbids the unsafe values the Pod Security Standards name, and an unset seLinuxOptions is the safe default' },
  { peer: 'kubescape', check: 'set-sysctls-params', reason: 'requires securityContext.sysctls to be set; unsafe-sysctls flags sysctls outside the safe set, and none set is the safe default' },
  { peer: 'kubescape', check: 'set-hostprocess-true', keep: ['windows-host-process'], reason: 'control C-0211 groups several security-context checks; this rule is the hostProcess one' },
  { peer: 'kubescape', check: 'set-procmount-default', keep: ['proc-mount'], reason: 'control C-0211 groups several security-context checks; this rule is the procMount one' },
  { peer: 'kubescape', check: 'set-seccomp-profile', keep: ['seccomp-profile'], reason: 'control C-0211 groups several security-context checks; this rule is the seccomp one' },
  { peer: 'kubescape', check: 'drop-capability-netraw', keep: ['capabilities-drop-all'], reason: 'control C-0211 groups several security-context checks; this rule is the NET_RAW one' },
  { peer: 'checkov', check: 'CKV_K8S_159', rule: 'restricted-volume-types', reason: 'CKV_K8S_159 flags a git-sync container whose GITSYNC_GIT variable points git at another binary; restricted-volume-types flags the in-tree gitRepo volume type. Both are about git-based code injection, but no fixture has a gitRepo volume' },
  { peer: 'kubescape', check: 'CVE-2021-25742', reason: 'flags ingress-nginx controller Deployments whose image version is vulnerable; nginx-snippet-annotation flags the snippet annotations (and allow-snippet-annotations) the CVE is exploited through, whatever the controller version' },
  { peer: 'kubescape', check: 'psp-enabled-native', reason: 'checks the API server\'s --enable-admission-plugins flag in a control-plane static pod; deprecated-api flags PodSecurityPolicy objects' },
];

/** Peer checks with fixtures that share a topic with a rule of ours but are not compared, and why. */
const NOT_COMPARED: ReadonlyArray<{ peer: Peer; check: string; reason: string }> = [
  { peer: 'kube-linter', check: 'privileged-ports', reason: 'container ports below 1024 are not a check of ours (host-ports flags hostPort)' },
  { peer: 'checkov', check: 'CKV_K8S_11', reason: 'CPU limits: container-resources deliberately does not require them (they throttle; requests and a memory limit are what protect the node)' },
  { peer: 'polaris', check: 'cpuLimitsMissing', reason: 'CPU limits, as CKV_K8S_11' },
  { peer: 'kubescape', check: 'resources-cpu-limits', reason: 'CPU limits, as CKV_K8S_11' },
  { peer: 'kubescape', check: 'resources-cpu-limit-and-request', reason: 'CPU limits, as CKV_K8S_11 (the request half is compared through resources-cpu-requests)' },
  { peer: 'checkov', check: 'CKV_K8S_41', reason: 'requires the ServiceAccount named default to set automountServiceAccountToken: false; automount-service-account-token judges the pods that mount a token' },
  { peer: 'polaris', check: 'nakedPod', reason: 'the corpus folder tests a custom check defined in its check.yaml (labels must equal the name), not a naked-pod check' },
  { peer: 'kyverno', check: 'deny-privileged-profile/check-privileged', reason: 'its test resources (../.chainsaw-test/ns-bad.yaml) were not copied into the corpus' },
  { peer: 'kyverno', check: 'add-psa-labels', reason: 'a mutation policy: its test checks the patched output, not a verdict' },
];

/** Mappings `docs.peers` does not give: Kyverno (not in PeerIds), per-field variants of a check we cite once, and cross-file variants. */
const PSS_RULES = (rules: readonly Rule[]) => rules.filter((r) => r.meta.pssChecks?.length).map((r) => r.meta.id);
const EXTRA_MAPPINGS: ReadonlyArray<{ peer: Peer; check: string; rules: readonly string[] | ((rules: readonly Rule[]) => readonly string[]) }> = [
  // kube-linter
  { peer: 'kube-linter', check: 'dangling-ingress', rules: ['reference-ingress-service'] },
  { peer: 'kube-linter', check: 'host-ipc', rules: ['host-namespaces'] },
  { peer: 'kube-linter', check: 'host-pid', rules: ['host-namespaces'] },
  { peer: 'kube-linter', check: 'sensitive-host-mounts', rules: ['sensitive-host-path'] },
  { peer: 'kube-linter', check: 'unset-cpu-requirements', rules: ['container-resources'] },
  // Checkov
  { peer: 'checkov', check: 'CKV_K8S_10', rules: ['container-resources'] },
  { peer: 'checkov', check: 'CKV_K8S_12', rules: ['container-resources'] },
  { peer: 'checkov', check: 'CKV_K8S_17', rules: ['host-namespaces'] },
  { peer: 'checkov', check: 'CKV_K8S_18', rules: ['host-namespaces'] },
  { peer: 'checkov', check: 'CKV_K8S_25', rules: ['capabilities-restricted-add', 'dangerous-capabilities'] },
  { peer: 'checkov', check: 'CKV_K8S_28', rules: ['capabilities-drop-all'] },
  { peer: 'checkov', check: 'CKV_K8S_29', rules: ['missing-security-context'] },
  { peer: 'checkov', check: 'CKV2_K8S_1', rules: ['rbac-escalation-verbs'] },
  { peer: 'checkov', check: 'CKV2_K8S_6', rules: ['network-policy-default-deny', 'network-policy-unselected-workload'] },
  // Polaris
  { peer: 'polaris', check: 'automountServiceAccountToken', rules: ['automount-service-account-token'] },
  { peer: 'polaris', check: 'clusterrolebindingPodExecAttach', rules: ['rbac-pod-exec'] },
  { peer: 'polaris', check: 'rolebindingClusterRolePodExecAttach', rules: ['rbac-pod-exec'] },
  { peer: 'polaris', check: 'rolebindingRolePodExecAttach', rules: ['rbac-pod-exec'] },
  { peer: 'polaris', check: 'rolebindingClusterAdminRole', rules: ['rbac-cluster-admin-binding'] },
  // A role that grants every verb on every resource in every group is cluster-admin under another name: rbac-wildcard says so.
  ...['clusterrolebindingClusterAdmin', 'rolebindingClusterAdminClusterRole', 'rolebindingClusterAdminRole'].map((check) => ({ peer: 'polaris' as const, check, rules: ['rbac-wildcard'] })),
  { peer: 'polaris', check: 'cpuRequestsMissing', rules: ['container-resources'] },
  { peer: 'polaris', check: 'memoryRequestsMissing', rules: ['container-resources'] },
  { peer: 'polaris', check: 'hostIPCSet', rules: ['host-namespaces'] },
  { peer: 'polaris', check: 'hostPIDSet', rules: ['host-namespaces'] },
  { peer: 'polaris', check: 'missingNetworkPolicy', rules: ['network-policy-default-deny', 'network-policy-unselected-workload'] },
  // Kubescape
  { peer: 'kubescape', check: 'dangling-ingress-backend', rules: ['reference-ingress-service'] },
  { peer: 'kubescape', check: 'drop-capability-netraw', rules: ['capabilities-drop-all'] },
  { peer: 'kubescape', check: 'dangling-networkpolicy', rules: ['network-policy-dangling-selector'] },
  { peer: 'kubescape', check: 'ensure_network_policy_configured_in_labels', rules: ['network-policy-default-deny', 'network-policy-unselected-workload'] },
  { peer: 'kubescape', check: 'ingress-and-egress-blocked', rules: ['network-policy-default-deny', 'network-policy-unselected-workload'] },
  { peer: 'kubescape', check: 'host-ipc-privileges', rules: ['host-namespaces'] },
  { peer: 'kubescape', check: 'host-pid-privileges', rules: ['host-namespaces'] },
  { peer: 'kubescape', check: 'host-pid-ipc-privileges', rules: ['host-namespaces'] },
  { peer: 'kubescape', check: 'linux-hardening', rules: ['seccomp-profile'] },
  { peer: 'kubescape', check: 'non-existent-service-account', rules: ['reference-service-account'] },
  { peer: 'kubescape', check: 'pod-security-admission-baseline-applied-1', rules: ['namespace-pod-security'] },
  { peer: 'kubescape', check: 'pod-security-admission-baseline-applied-2', rules: ['namespace-pod-security'] },
  { peer: 'kubescape', check: 'pod-security-admission-restricted-applied-1', rules: ['namespace-pod-security'] },
  { peer: 'kubescape', check: 'pod-security-admission-restricted-applied-2', rules: ['namespace-pod-security'] },
  ...['configmap', 'csistoragecapacity', 'endpoints', 'endpointslice', 'horizontalpodautoscaler', 'ingress', 'lease', 'persistentvolumeclaim', 'poddisruptionbudget', 'podtemplate', 'replicationcontroller', 'role', 'rolebinding', 'service', 'serviceaccount'].map((k) => ({ peer: 'kubescape' as const, check: `${k}-in-default-namespace`, rules: ['default-namespace'] })),
  { peer: 'kubescape', check: 'resources-secret-in-default-namespace', rules: ['default-namespace'] },
  { peer: 'kubescape', check: 'resources-cpu-requests', rules: ['container-resources'] },
  { peer: 'kubescape', check: 'resources-memory-requests', rules: ['container-resources'] },
  { peer: 'kubescape', check: 'resources-memory-limits', rules: ['container-resources'] },
  { peer: 'kubescape', check: 'resources-memory-limit-and-request', rules: ['container-resources'] },
  { peer: 'kubescape', check: 'rule-privileged-container', rules: ['dangerous-capabilities'] },
  { peer: 'kubescape', check: 'cluster-admin-role', rules: ['rbac-wildcard'] },
  { peer: 'kubescape', check: 'rule-list-all-cluster-admins-v1', rules: ['rbac-wildcard'] },
  { peer: 'kubescape', check: 'service-with-no-workload', rules: ['reference-service-pods'] },
  { peer: 'kubescape', check: 'serviceaccount-token-mount', rules: ['automount-service-account-token'] },
  { peer: 'kubescape', check: 'system-authenticated-allowed-to-take-over-cluster', rules: ['rbac-risky-subject'] },
  // Kyverno: the Pod Security Standards policies, one rule each, and the PSA namespace policy.
  { peer: 'kyverno', check: 'disallow-capabilities/adding-capabilities', rules: ['dangerous-capabilities'] },
  { peer: 'kyverno', check: 'disallow-host-namespaces/host-namespaces', rules: ['host-namespaces'] },
  { peer: 'kyverno', check: 'disallow-host-path/host-path', rules: ['host-path-volume'] },
  { peer: 'kyverno', check: 'disallow-host-ports/host-ports-none', rules: ['host-ports'] },
  { peer: 'kyverno', check: 'disallow-host-ports-range/host-port-range', rules: ['host-ports'] },
  { peer: 'kyverno', check: 'disallow-host-process/host-process-containers', rules: ['windows-host-process'] },
  { peer: 'kyverno', check: 'disallow-privileged-containers/privileged-containers', rules: ['privileged-container'] },
  { peer: 'kyverno', check: 'disallow-proc-mount/check-proc-mount', rules: ['proc-mount'] },
  { peer: 'kyverno', check: 'disallow-selinux/selinux-type', rules: ['selinux-options'] },
  { peer: 'kyverno', check: 'disallow-selinux/selinux-user-role', rules: ['selinux-options'] },
  { peer: 'kyverno', check: 'restrict-apparmor-profiles/app-armor', rules: ['apparmor-profile'] },
  { peer: 'kyverno', check: 'restrict-seccomp/check-seccomp', rules: ['seccomp-profile'] },
  { peer: 'kyverno', check: 'restrict-sysctls/check-sysctls', rules: ['unsafe-sysctls'] },
  { peer: 'kyverno', check: 'disallow-capabilities-strict/require-drop-all', rules: ['capabilities-drop-all'] },
  { peer: 'kyverno', check: 'disallow-capabilities-strict/adding-capabilities-strict', rules: ['capabilities-restricted-add', 'dangerous-capabilities'] },
  { peer: 'kyverno', check: 'disallow-privilege-escalation/privilege-escalation', rules: ['allow-privilege-escalation'] },
  { peer: 'kyverno', check: 'require-run-as-non-root-user/run-as-non-root-user', rules: ['run-as-non-root'] },
  { peer: 'kyverno', check: 'require-run-as-nonroot/run-as-non-root', rules: ['run-as-non-root'] },
  { peer: 'kyverno', check: 'restrict-seccomp-strict/check-seccomp-strict', rules: ['seccomp-profile'] },
  { peer: 'kyverno', check: 'restrict-volume-types/restricted-volumes', rules: ['host-path-volume', 'restricted-volume-types'] },
  { peer: 'kyverno', check: 'podsecurity-subrule-baseline/baseline', rules: PSS_RULES },
  { peer: 'kyverno', check: 'podsecurity-subrule-restricted/restricted', rules: PSS_RULES },
  { peer: 'kyverno', check: 'podsecurity-subrule-restricted-capabilities/restricted-exempt-capabilities', rules: PSS_RULES },
  { peer: 'kyverno', check: 'podsecurity-subrule-restricted-seccomp/restricted-exempt-seccomp', rules: PSS_RULES },
  { peer: 'kyverno', check: 'add-psa-namespace-reporting/check-namespace-labels', rules: ['namespace-pod-security'] },
];

/** Kyverno policies in the corpus that are not about the Pod Security Standards, or are not validations. */
const KYVERNO_GROUPS = /^(?:pod-security|psa)\//;

const BASELINE_KYVERNO = /^(?:disallow-capabilities|disallow-host-namespaces|disallow-host-path|disallow-host-ports|disallow-host-ports-range|disallow-host-process|disallow-privileged-containers|disallow-proc-mount|disallow-selinux|restrict-apparmor-profiles|restrict-seccomp|restrict-sysctls|podsecurity-subrule-baseline)\//;

/** How to compare: Pod Security level, the part of a rule that corresponds to the peer check (by message), roleRef. */
const CHECK_OPTIONS: ReadonlyArray<{ peer: Peer; check: string | RegExp; options: CheckOptions }> = [
  { peer: 'kyverno', check: BASELINE_KYVERNO, options: { level: 'baseline' } },
  // Kyverno's pod-security policies implement the Pod Security Standards: compare with our PSS findings.
  { peer: 'kyverno', check: /^(?!add-psa-namespace-reporting\/)/, options: { pssOnly: true } },
  // One rule of ours covers several peer checks: compare with the findings about the same field.
  { peer: 'kube-linter', check: 'host-ipc', options: { message: /hostIPC/ } },
  { peer: 'kube-linter', check: 'host-network', options: { message: /hostNetwork/ } },
  { peer: 'kube-linter', check: 'host-pid', options: { message: /hostPID/ } },
  { peer: 'checkov', check: 'CKV_K8S_17', options: { message: /hostPID/ } },
  { peer: 'checkov', check: 'CKV_K8S_18', options: { message: /hostIPC/ } },
  { peer: 'checkov', check: 'CKV_K8S_19', options: { message: /hostNetwork/ } },
  { peer: 'polaris', check: 'hostIPCSet', options: { message: /hostIPC/ } },
  { peer: 'polaris', check: 'hostNetworkSet', options: { message: /hostNetwork/ } },
  { peer: 'polaris', check: 'hostPIDSet', options: { message: /hostPID/ } },
  { peer: 'kubescape', check: 'host-ipc-privileges', options: { message: /hostIPC/ } },
  { peer: 'kubescape', check: 'host-network-access', options: { message: /hostNetwork/ } },
  { peer: 'kubescape', check: 'host-pid-privileges', options: { message: /hostPID/ } },
  { peer: 'kubescape', check: 'host-pid-ipc-privileges', options: { message: /hostPID|hostIPC/ } },
  { peer: 'kube-linter', check: 'unset-cpu-requirements', options: { message: /requests\.cpu/ } },
  { peer: 'kube-linter', check: 'unset-memory-requirements', options: { message: /limits\.memory/ } },
  { peer: 'checkov', check: 'CKV_K8S_10', options: { message: /requests\.cpu/ } },
  { peer: 'checkov', check: 'CKV_K8S_12', options: { message: /requests\.memory/ } },
  { peer: 'checkov', check: 'CKV_K8S_13', options: { message: /limits\.memory/ } },
  { peer: 'polaris', check: 'cpuRequestsMissing', options: { message: /requests\.cpu/ } },
  { peer: 'polaris', check: 'memoryRequestsMissing', options: { message: /requests\.memory/ } },
  { peer: 'polaris', check: 'memoryLimitsMissing', options: { message: /limits\.memory/ } },
  { peer: 'kubescape', check: 'resources-cpu-requests', options: { message: /requests\.cpu/ } },
  { peer: 'kubescape', check: 'resources-memory-requests', options: { message: /requests\.memory/ } },
  { peer: 'kubescape', check: 'resources-memory-limits', options: { message: /limits\.memory/ } },
  { peer: 'kubescape', check: 'resources-memory-limit-and-request', options: { message: /requests\.memory|limits\.memory/ } },
  { peer: 'kube-linter', check: 'docker-sock', options: { message: /container runtime socket/ } },
  { peer: 'checkov', check: 'CKV_K8S_27', options: { message: /container runtime socket/ } },
  { peer: 'kubescape', check: 'containers-mounting-docker-socket', options: { message: /container runtime socket/ } },
  { peer: 'checkov', check: 'CKV_K8S_39', options: { message: /SYS_ADMIN/ } },
  { peer: 'kyverno', check: 'require-run-as-non-root-user/run-as-non-root-user', options: { message: /runAsUser/ } },
  { peer: 'kyverno', check: 'require-run-as-nonroot/run-as-non-root', options: { message: /runAsNonRoot/ } },
  // Kubescape's privileged rules count SYS_ADMIN as privileged; dangerous-capabilities reports it.
  { peer: 'kubescape', check: 'rule-privileged-container', options: { messages: { 'dangerous-capabilities': /SYS_ADMIN/ } } },
  { peer: 'polaris', check: /ClusterAdmin/, options: { messages: { 'rbac-wildcard': /every verb on every resource/ } } },
  { peer: 'kubescape', check: /^(?:cluster-admin-role|rule-list-all-cluster-admins-v1)$/, options: { messages: { 'rbac-wildcard': /every verb on every resource/ } } },
  // Kyverno's rule is about runAsUser: 0 only; a container without securityContext passes it.
  { peer: 'kyverno', check: 'require-run-as-non-root-user/run-as-non-root-user', options: { ownFindingsOnly: true } },
  // RBAC: peers flag the binding (or the subject), we flag the rule in the role.
  { peer: 'kube-linter', check: /^access-to-/, options: { viaRoleRef: true } },
  { peer: 'checkov', check: /^CKV2_K8S_/, options: { viaRoleRef: true } },
];

function optionsFor(peer: Peer, check: string): CheckOptions {
  let out: CheckOptions = {};
  for (const o of CHECK_OPTIONS) if (o.peer === peer && (typeof o.check === 'string' ? o.check === check : o.check.test(check))) out = { ...out, ...o.options };
  return out;
}

/** The peer ids a docs.peers field names, e.g. 'CKV_K8S_1..7 (PodSecurityPolicy contents)' → CKV_K8S_1 … CKV_K8S_7. */
function peerIds(peer: Peer, text: string): Array<{ id: string; qualified: boolean }> {
  if (peer === 'checkov') {
    const out: Array<{ id: string; qualified: boolean }> = [];
    for (const m of text.matchAll(/(CKV2?_K8S_)(\d+)(?:\.\.(\d+))?/g)) {
      const from = Number(m[2]);
      const to = m[3] ? Number(m[3]) : from;
      for (let n = from; n <= to; n++) out.push({ id: `${m[1]}${n}`, qualified: false });
    }
    return out;
  }
  if (peer === 'kubescape') return [...text.matchAll(/C-\d{4}/g)].map((m) => ({ id: m[0], qualified: false }));
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ id: t.replace(/\s*\(.*\)\s*$/, ''), qualified: /\(.*\)/.test(t) }));
}

const PEER_FIELDS: ReadonlyArray<[Peer, 'kubeLinter' | 'checkov' | 'polaris' | 'kubescape']> = [
  ['kube-linter', 'kubeLinter'],
  ['checkov', 'checkov'],
  ['polaris', 'polaris'],
  ['kubescape', 'kubescape'],
];

export interface MappingReport {
  readonly mappings: readonly Mapping[];
  /** docs.peers ids with no fixture in the corpus. */
  readonly unmatched: ReadonlyArray<{ peer: Peer; id: string; rules: readonly string[]; why: string }>;
  readonly dropped: ReadonlyArray<{ peer: Peer; check: string; rule: string; reason: string }>;
}

function buildMappings(corpus: Corpus, rules: readonly Rule[]): MappingReport {
  const byKey = new Map<string, { peer: Peer; check: string; rules: Set<string>; sources: Set<string> }>();
  const add = (peer: Peer, check: string, rule: string, source: string) => {
    const key = `${peer}\u0000${check}`;
    const entry = byKey.get(key) ?? { peer, check, rules: new Set<string>(), sources: new Set<string>() };
    entry.rules.add(rule);
    entry.sources.add(source);
    byKey.set(key, entry);
  };
  const unmatched: Array<{ peer: Peer; id: string; rules: string[]; why: string }> = [];
  const noteUnmatched = (peer: Peer, id: string, rule: string, why: string) => {
    const found = unmatched.find((u) => u.peer === peer && u.id === id);
    if (found) found.rules.push(rule);
    else unmatched.push({ peer, id, rules: [rule], why });
  };
  const dropped: Array<{ peer: Peer; check: string; rule: string; reason: string }> = [];
  for (const rule of rules) {
    const peers = rule.meta.docs.peers;
    if (!peers) continue;
    for (const [peer, field] of PEER_FIELDS) {
      const text = peers[field];
      if (!text) continue;
      for (const { id, qualified } of peerIds(peer, text)) {
        const checks = corpus.checksFor(peer, id);
        if (checks.length === 0) {
          noteUnmatched(peer, id, rule.meta.id, corpus.whyNoFixture(peer, id));
          continue;
        }
        for (const check of checks) {
          const exclusion = NOT_SAME_CONCEPT.find((n) => n.peer === peer && n.check === check && (n.keep ? !n.keep.includes(rule.meta.id) : n.rule === undefined || n.rule === rule.meta.id));
          if (exclusion) {
            dropped.push({ peer, check, rule: rule.meta.id, reason: exclusion.reason });
            continue;
          }
          if (qualified) {
            dropped.push({ peer, check, rule: rule.meta.id, reason: `cited with a qualifier (${text}); the peer's fixtures test the check's default behaviour` });
            continue;
          }
          add(peer, check, rule.meta.id, 'docs.peers');
        }
      }
    }
  }
  const known = new Set(rules.map((r) => r.meta.id));
  for (const n of NOT_COMPARED) if (!corpus.has(n.peer, n.check)) throw new Error(`NOT_COMPARED: ${n.peer} ${n.check} has no fixture in the corpus`);
  for (const extra of EXTRA_MAPPINGS) {
    if (!corpus.has(extra.peer, extra.check)) throw new Error(`EXTRA_MAPPINGS: ${extra.peer} ${extra.check} has no fixture in the corpus`);
    const ids = typeof extra.rules === 'function' ? extra.rules(rules) : extra.rules;
    for (const rule of ids) if (known.has(rule)) add(extra.peer, extra.check, rule, 'extra');
  }
  const mappings = [...byKey.values()]
    .map((e) => ({ peer: e.peer, check: e.check, rules: [...e.rules].sort(), sources: [...e.sources].sort() }))
    .sort(compareMappings);
  unmatched.sort((a, b) => PEER_ORDER.indexOf(a.peer) - PEER_ORDER.indexOf(b.peer) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  for (const u of unmatched) u.rules.sort();
  dropped.sort((a, b) => PEER_ORDER.indexOf(a.peer) - PEER_ORDER.indexOf(b.peer) || a.check.localeCompare(b.check) || a.rule.localeCompare(b.rule));
  return { mappings, unmatched, dropped };
}

function compareMappings(a: Mapping, b: Mapping): number {
  return PEER_ORDER.indexOf(a.peer) - PEER_ORDER.indexOf(b.peer) || a.check.localeCompare(b.check, 'en', { numeric: true });
}

// ---------------------------------------------------------------------------------------------
// The corpus: which fixtures exist for a peer check, and the peer's verdicts on them
// ---------------------------------------------------------------------------------------------

const POD_KINDS = ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'];

interface KubeLinterEntry {
  test: string;
  file?: string;
  include?: string[];
  expected_report_count?: number;
  expected_report_count_at_least?: number;
  expected_reports?: Array<{ report_index: number; format: string; match: string; expected: string }>;
}

interface CheckovTestMethod {
  name: string;
  example_dir?: string;
  expected_summary?: { passed: number; failed: number; skipped?: number };
  expected_passed_resources?: string[];
  expected_failed_resources?: string[];
  environment?: string;
  note?: string;
}

interface CheckovRecord {
  test_file: string;
  checks: Record<string, { check_id: string; check_name: string; supported_kinds: string[] | null }>;
  example_dirs: string[];
  test_methods: CheckovTestMethod[];
}

interface KyvernoResult {
  policy: string;
  rule: string;
  kind?: string;
  resources?: string[];
  resource?: string;
  result: 'pass' | 'fail' | 'skip';
}

interface KyvernoTest {
  dir: string;
  resources: string[];
  results: KyvernoResult[];
}

class Corpus {
  readonly kubeLinter: KubeLinterEntry[];
  readonly kubeLinterKinds = new Map<string, string[]>();
  readonly checkov: CheckovRecord[];
  /** Graph check id → resources folder (relative to graph-checks/resources). */
  readonly checkovGraph = new Map<string, string>();
  readonly polaris: Array<{ check: string; file: string; kind: string; expected?: string }>;
  readonly kubescapeControls = new Map<string, string[]>();
  readonly kubescapeRules: Set<string>;
  readonly kyverno: KyvernoTest[] = [];

  constructor(readonly dir: string) {
    this.kubeLinter = readJson<KubeLinterEntry[]>(join(dir, 'kube-linter', 'expected.json'));
    for (const file of listFiles(join(dir, 'kube-linter', 'builtin-check-definitions'))) {
      const def = parse(readFileSync(file, 'utf8')) as { name: string; scope?: { objectKinds?: string[] } };
      this.kubeLinterKinds.set(def.name, def.scope?.objectKinds ?? []);
    }
    this.checkov = readJson<CheckovRecord[]>(join(dir, 'checkov', 'expected.json'));
    for (const file of listFiles(join(dir, 'checkov', 'graph-checks', 'policies'))) {
      // Read the id with a pattern: one upstream policy has a multi-line quoted name the YAML parser rejects.
      const id = /^\s*id:\s*"?(CKV2?_K8S_\d+)"?\s*$/m.exec(readFileSync(file, 'utf8'))?.[1];
      const folder = basename(file).replace(/\.ya?ml$/, '');
      if (id && existsSync(join(dir, 'checkov', 'graph-checks', 'resources', folder))) this.checkovGraph.set(id, folder);
    }
    this.polaris = readJson(join(dir, 'polaris', 'expected.json'));
    const csv = readFileSync(join(dir, 'kubescape-regolibrary', 'ControlID_RuleName.csv'), 'utf8').split(/\r?\n/).slice(1);
    for (const line of csv) {
      const [control, rule] = line.split(',');
      if (control && rule) this.kubescapeControls.set(control, [...(this.kubescapeControls.get(control) ?? []), rule]);
    }
    for (const [control, rules] of Object.entries(KUBESCAPE_CONTROLS_EXTRA)) this.kubescapeControls.set(control, [...new Set([...(this.kubescapeControls.get(control) ?? []), ...rules])]);
    this.kubescapeRules = new Set(readdirSync(join(dir, 'kubescape-regolibrary', 'rules')).filter((r) => existsSync(join(dir, 'kubescape-regolibrary', 'rules', r, 'test'))));
    for (const file of listFiles(join(dir, 'kyverno'), /^kyverno-test\.ya?ml$/)) {
      const test = parse(readFileSync(file, 'utf8')) as { resources?: string[]; results?: KyvernoResult[] };
      this.kyverno.push({ dir: dirname(file), resources: test.resources ?? [], results: test.results ?? [] });
    }
  }

  /** The check ids (as fixtures name them) a docs.peers id stands for that have fixtures. */
  checksFor(peer: Peer, id: string): string[] {
    switch (peer) {
      case 'kube-linter':
        return this.kubeLinter.some((e) => e.file && e.include?.length === 1 && e.include[0] === id) ? [id] : [];
      case 'checkov':
        return this.checkovDirs(id).length || this.checkovGraph.has(id) ? [id] : [];
      case 'polaris':
        return this.polaris.some((p) => p.check === id && p.kind === 'check-case') ? [id] : [];
      case 'kubescape':
        return (this.kubescapeControls.get(id) ?? []).filter((r) => this.kubescapeRules.has(r)).sort();
      case 'kyverno':
        return [];
    }
  }

  /** Whether a check id (as the fixtures name it) has fixtures. */
  has(peer: Peer, check: string): boolean {
    if (peer === 'kubescape') return this.kubescapeRules.has(check);
    // Kyverno: `policy/rule`, or a whole policy.
    if (peer === 'kyverno') return this.kyverno.some((t) => t.results.some((r) => kyvernoCheck(r) === check || r.policy === check));
    return this.checksFor(peer, check).length > 0;
  }

  whyNoFixture(peer: Peer, id: string): string {
    if (peer === 'kubescape') {
      const rules = this.kubescapeControls.get(id);
      return rules?.length ? `its rules (${rules.join(', ')}) have no YAML test cases in the corpus` : 'no rule of this control has YAML test cases in the corpus';
    }
    if (peer === 'checkov' && this.checkov.some((r) => Object.values(r.checks).some((c) => c.check_id === id))) return 'its test has no usable example folder';
    return 'no fixture in the corpus';
  }

  checkovDirs(id: string): Array<{ dir: string; method: CheckovTestMethod; supportedKinds: string[] | null }> {
    const out: Array<{ dir: string; method: CheckovTestMethod; supportedKinds: string[] | null }> = [];
    for (const record of this.checkov) {
      const check = Object.values(record.checks).find((c) => c.check_id === id);
      if (!check) continue;
      for (const method of record.test_methods) {
        // Variants that test Checkov's own machinery (an environment variable, skip annotations) are not verdicts on the manifests.
        if (!method.example_dir || !method.expected_summary || method.environment || /skip/.test(method.name)) continue;
        if (CHECKOV_SKIPPED_DIRS.has(method.example_dir)) continue;
        out.push({ dir: method.example_dir, method, supportedKinds: check.supported_kinds });
      }
    }
    return out;
  }
}

/** Why kubeguard rejects a fixture file as YAML, for the report. */
const UNPARSED_NOTES: ReadonlyArray<{ file: RegExp; note: string }> = [
  { file: /^checkov\/checks-examples\/example_\w+\/kafka-/, note: 'A double-quoted command string continues on lines indented less than its block, which YAML 1.2 does not allow; PyYAML, which Checkov uses, accepts it.' },
];

/** Checkov example folders that test Checkov's own features rather than a verdict on manifests. */
const CHECKOV_SKIPPED_DIRS: ReadonlyMap<string, string> = new Map([['example_Suppressed', 'tests Checkov\'s `checkov.io/skip` annotations, which kubeguard does not read']]);

// ---------------------------------------------------------------------------------------------
// Cases per peer
// ---------------------------------------------------------------------------------------------

function casesFor(corpus: Corpus, mapping: Mapping): Case[] {
  switch (mapping.peer) {
    case 'kube-linter':
      return kubeLinterCases(corpus, mapping);
    case 'checkov':
      return [...checkovCases(corpus, mapping), ...checkovGraphCases(corpus, mapping)];
    case 'polaris':
      return polarisCases(corpus, mapping);
    case 'kubescape':
      return kubescapeCases(corpus, mapping);
    case 'kyverno':
      return kyvernoCases(corpus, mapping);
  }
}

// kube-linter ---------------------------------------------------------------------------------

const DEPLOYMENT_LIKE = [...POD_KINDS, 'DeploymentConfig'];

/**
 * Which objects of a kube-linter check file the check reports. Upstream asserts only the count
 * and the `Kind: message` of each report; the fixture files name every object that must not fire
 * `dont-fire*`, so by default every in-scope object not named so is expected to fire. The
 * result is checked against the asserted reports. Files where names do not tell are listed here.
 */
const KUBE_LINTER_FLAGGED: Readonly<Record<string, (o: Obj) => boolean>> = {
  // Both NetworkPolicies are named `app`; only the extensions/v1beta1 one is reported.
  'no-extensions-v1beta': (o) => o.apiVersion.startsWith('extensions/'),
  // Both Roles are named `role1`; the second (verbs: ["*"]) is the one reported.
  'wildcard-in-rules': (o) => o.index === 1,
};

function kubeLinterCases(corpus: Corpus, mapping: Mapping): Case[] {
  const entry = corpus.kubeLinter.find((e) => e.file && e.include?.length === 1 && e.include[0] === mapping.check);
  if (!entry?.file) return [];
  const file = join(corpus.dir, 'kube-linter', entry.file);
  const scope = corpus.kubeLinterKinds.get(mapping.check) ?? [];
  const inScope = (o: Obj) => scope.length === 0 || scope.includes('Any') || scope.includes(o.kind) || (scope.includes('DeploymentLike') && DEPLOYMENT_LIKE.includes(o.kind));
  const flagged = KUBE_LINTER_FLAGGED[mapping.check] ?? ((o: Obj) => !/^dont-fire/.test(o.name ?? ''));
  return [
    {
      mapping,
      path: `kube-linter/${entry.file}`,
      files: [file],
      targets: (linted) => {
        const objects = linted.objects.filter(inScope);
        const targets = objects.map((o) => ({ label: objectLabel(o, objects, linted), theirs: (flagged(o) ? 'fail' : 'pass') as Verdict, objects: [o] }));
        // Cross-check with what upstream asserts.
        const reports = entry.expected_reports ?? [];
        const failing = objects.filter(flagged);
        const count = entry.expected_report_count ?? entry.expected_report_count_at_least ?? reports.length;
        for (const r of reports) {
          const kind = r.expected.split(/[: ]/)[0];
          if (r.format.startsWith('Kind') && !failing.some((o) => o.kind === kind)) throw new Error(`kube-linter ${mapping.check}: a ${kind} is reported upstream but no ${kind} is expected to fire here`);
        }
        if (failing.length > count || (count > 0 && failing.length === 0)) throw new Error(`kube-linter ${mapping.check}: ${failing.length} objects expected to fire, upstream asserts ${count} reports`);
        return targets;
      },
    },
  ];
}

// Checkov -------------------------------------------------------------------------------------

/**
 * Checkov's tests assert pass/fail counts per example folder; about 30 also list the resources.
 * Otherwise each resource's verdict comes from its file name (`…PASSED…` / `…FAILED…`), and the
 * totals are checked against the asserted counts. Checkov evaluates each pod-bearing object once
 * (a multi-container object fails when one container does).
 *
 * Resources whose verdict the file name does not give (mixed or `UNKNOWN` files, shared folders
 * whose names are about another check), or that Checkov does not evaluate (malformed specs), are
 * listed here: `<example dir>/<file>#<Kind>/<name>`, or `…#*` for every resource of the file.
 */
const CHECKOV_VERDICTS: ReadonlyArray<{ checks: readonly string[]; resource: string; verdict: Verdict | 'not evaluated'; why: string }> = [
  // example_PSP: each file is named after the one PSP check it was written for.
  { checks: ['CKV_K8S_1', 'CKV_K8S_2', 'CKV_K8S_3', 'CKV_K8S_4', 'CKV_K8S_5', 'CKV_K8S_7'], resource: 'example_PSP/psp-no-annotations-FAILED.yml#*', verdict: 'pass', why: 'fails only the seccomp PSP check (CKV_K8S_32)' },
  // Containers given as a map (or null) instead of a list: Checkov finds no container to evaluate.
  { checks: ['CKV_K8S_20'], resource: 'example_AllowPrivilegeEscalation/pod-runas1000-malformed-PASSED.yaml#*', verdict: 'not evaluated', why: 'containers is a map' },
  { checks: ['CKV_K8S_39'], resource: 'example_AllowedCapabilitiesSysAdmin/pod-FAILED2.yaml#*', verdict: 'not evaluated', why: 'containers is null' },
  { checks: ['CKV_K8S_30'], resource: 'example_SecurityContexts/pod-container-FAILED_malformed_spec.yaml#*', verdict: 'not evaluated', why: 'malformed spec' },
  { checks: ['CKV_K8S_23'], resource: 'example_RootContainers/rootContainersUNKNOWN.yaml#*', verdict: 'not evaluated', why: 'containers is a map' },
  { checks: ['CKV_K8S_40'], resource: 'example_RootContainersHighUID/rootContainersHighUIDUNKNOWN.yaml#*', verdict: 'not evaluated', why: 'containers is a map' },
  { checks: ['CKV_K8S_35'], resource: 'example_Secrets/pod-secretsEnvironment-UNKNOWN.yaml#*', verdict: 'not evaluated', why: 'env is a string' },
  { checks: ['CKV_K8S_38'], resource: 'example_ServiceAccountTokens/ServiceAccountTokensUNKNOWN.yaml#*', verdict: 'not evaluated', why: 'the pod template has no spec.containers' },
  // resources given as a list: the request/limit lookups fail and Checkov records no result.
  { checks: ['CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13'], resource: 'example_Requests_Limits/pod-requests-limits-UNKNOWN.yaml#*', verdict: 'not evaluated', why: 'resources is a list' },
  { checks: ['CKV_K8S_10', 'CKV_K8S_12'], resource: 'example_Requests_Limits/pod-requests-limits-UNKNOWN2.yaml#*', verdict: 'not evaluated', why: 'requests is a list' },
  { checks: ['CKV_K8S_11', 'CKV_K8S_13'], resource: 'example_Requests_Limits/pod-requests-limits-UNKNOWN2.yaml#*', verdict: 'pass', why: 'limits are set' },
  // One container sets everything, the other nothing.
  { checks: ['CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13'], resource: 'example_Requests_Limits/pod-requests-limits-1FAILED1PASSED.yaml#*', verdict: 'fail', why: 'container db sets no resources' },
  // Files with several workloads: the name counts them, the content says which.
  { checks: ['CKV_K8S_27'], resource: 'example_DockerSocketVolume/cloudwatch-agent-1PASSED-1FAILED.yaml#DaemonSet/cloudwatch-agent', verdict: 'fail', why: 'mounts /var/run/docker.sock' },
  { checks: ['CKV_K8S_27'], resource: 'example_DockerSocketVolume/cloudwatch-agent-1PASSED-1FAILED.yaml#DaemonSet/fluentd-cloudwatch', verdict: 'pass', why: 'no docker.sock volume' },
  { checks: ['CKV_K8S_27'], resource: 'example_DockerSocketVolume/scope-2PASSED-1FAILED.yaml#DaemonSet/weave-scope-agent', verdict: 'fail', why: 'mounts /var/run/docker.sock' },
  { checks: ['CKV_K8S_27'], resource: 'example_DockerSocketVolume/scope-2PASSED-1FAILED.yaml#Deployment/weave-scope-app', verdict: 'pass', why: 'no docker.sock volume' },
  { checks: ['CKV_K8S_27'], resource: 'example_DockerSocketVolume/scope-2PASSED-1FAILED.yaml#Deployment/weave-scope-cluster-agent', verdict: 'pass', why: 'no docker.sock volume' },
  { checks: ['CKV_K8S_27'], resource: 'example_DockerSocketVolume/scope-UNKNOWN.yaml#*', verdict: 'not evaluated', why: 'volumes is a map' },
  // Folders shared by several checks: the file name is about another check.
  { checks: ['CKV_K8S_37'], resource: 'example_DropCapabilities/pod-drop-NET_RAW-capabilities-PASSED.yaml#*', verdict: 'fail', why: 'drops NET_RAW, not ALL' },
  { checks: ['CKV_K8S_30'], resource: 'example_SecurityContexts/podFAILED-containerPASSED.yaml#*', verdict: 'pass', why: 'the container has a securityContext' },
  { checks: ['CKV_K8S_30'], resource: 'example_SecurityContexts/podPassed-containerFailed.yaml#*', verdict: 'fail', why: 'a container has no securityContext' },
  { checks: ['CKV_K8S_29'], resource: 'example_SecurityContexts/podFAILED-containerPASSED.yaml#*', verdict: 'fail', why: 'the pod has no securityContext' },
  { checks: ['CKV_K8S_29'], resource: 'example_SecurityContexts/podPassed-containerFailed.yaml#*', verdict: 'pass', why: 'the pod has a securityContext' },
  { checks: ['CKV_K8S_152'], resource: 'example_NginxIngressCVE202125742/annotation2-nollua-PASSESONEFAILSONE.yaml#*', verdict: 'pass', why: 'a snippet without Lua' },
  { checks: ['CKV_K8S_153'], resource: 'example_NginxIngressCVE202125742/annotation2-nollua-PASSESONEFAILSONE.yaml#*', verdict: 'fail', why: 'a snippet' },
  { checks: ['CKV_K8S_154'], resource: 'example_NginxIngressCVE202125742/annotation2-nollua-PASSESONEFAILSONE.yaml#*', verdict: 'pass', why: 'a snippet without alias' },
  { checks: ['CKV_K8S_152'], resource: 'example_NginxIngressCVE202125742/annotation3-alias.yaml#*', verdict: 'pass', why: 'a snippet without Lua' },
  { checks: ['CKV_K8S_153', 'CKV_K8S_154'], resource: 'example_NginxIngressCVE202125742/annotation3-alias.yaml#*', verdict: 'fail', why: 'a snippet with alias' },
  { checks: ['CKV_K8S_154'], resource: 'example_NginxIngressCVE202125742/annotation1-FAILED.yaml#*', verdict: 'pass', why: 'a snippet without alias' },
];

function checkovResourceId(o: { kind: string; namespace?: string | undefined; name?: string | undefined }): string {
  return `${o.kind}.${o.namespace ?? 'default'}.${o.name ?? ''}`;
}

function checkovVerdict(check: string, rel: string, kind: string, name: string | undefined, namespace: string | undefined, listed: CheckovTestMethod): Verdict | 'not evaluated' | undefined {
  const override = CHECKOV_VERDICTS.find((v) => v.checks.includes(check) && (v.resource === `${rel}#${kind}/${name ?? ''}` || v.resource === `${rel}#*`));
  if (override) return override.verdict;
  if (listed.expected_failed_resources?.length || listed.expected_passed_resources?.length) {
    const id = checkovResourceId({ kind, name, namespace });
    if (listed.expected_failed_resources?.includes(id)) return 'fail';
    if (listed.expected_passed_resources?.includes(id)) return 'pass';
  }
  const file = basename(rel);
  const failed = /FAIL/i.test(file);
  const passed = /PASS/i.test(file);
  return failed !== passed ? (failed ? 'fail' : 'pass') : undefined;
}

function checkovCases(corpus: Corpus, mapping: Mapping): Case[] {
  const out: Case[] = [];
  for (const { dir, method, supportedKinds } of corpus.checkovDirs(mapping.check)) {
    const folder = join(corpus.dir, 'checkov', 'checks-examples', dir);
    if (!existsSync(folder)) continue;
    const files = listFiles(folder);
    const listed = Boolean(method.expected_passed_resources?.length || method.expected_failed_resources?.length);
    out.push({
      mapping,
      path: `checkov/checks-examples/${dir}`,
      files,
      targets: (linted) => {
        const kinds = supportedKinds ?? DEPLOYMENT_LIKE;
        const targets: Target[] = [];
        const counted = { pass: 0, fail: 0 };
        const problems: string[] = [];
        // Every resource Checkov sees, read leniently so that files kubeguard rejects still count.
        for (const file of files) {
          const rel = `${dir}/${relative(folder, file).split(sep).join('/')}`;
          for (const doc of leniently(file)) {
            const { kind, metadata } = doc as { kind?: string; metadata?: { name?: string; namespace?: string } | null };
            if (typeof kind !== 'string') continue;
            const id = checkovResourceId({ kind, name: metadata?.name, namespace: metadata?.namespace });
            const inScope = listed ? method.expected_failed_resources?.includes(id) || method.expected_passed_resources?.includes(id) : kinds.includes(kind);
            if (!inScope) continue;
            const theirs = checkovVerdict(mapping.check, rel, kind, metadata?.name, metadata?.namespace, method);
            if (theirs === undefined) {
              problems.push(`no verdict for ${rel}#${kind}/${metadata?.name ?? ''}; add it to CHECKOV_VERDICTS`);
              continue;
            }
            if (theirs === 'not evaluated') continue;
            counted[theirs]++;
            const objects = linted.objects.filter((o) => o.file === file && o.kind === kind && o.name === metadata?.name);
            if (objects.length === 0) continue; // not parsed by kubeguard: listed under Fixtures skipped
            for (const o of objects) if (!targets.some((t) => t.objects !== 'file' && t.objects.includes(o))) targets.push({ label: objectLabel(o, linted.objects, linted, folder), theirs, objects: [o] });
          }
        }
        const summary = method.expected_summary!;
        if (!listed && (counted.pass !== summary.passed || counted.fail !== summary.failed)) problems.push(`derived ${counted.pass} passed / ${counted.fail} failed, upstream asserts ${summary.passed} / ${summary.failed}: ${targets.map((t) => `${t.theirs} ${t.label}`).join('; ')}`);
        if (problems.length) throw new Error(problems.map((p) => `checkov ${mapping.check} ${dir}: ${p}`).join('\n'));
        return targets;
      },
    });
  }
  return out;
}

/** The documents of a file as plain data, tolerating what kubeguard's parser rejects (as PyYAML and Go's YAML do). */
function leniently(file: string): unknown[] {
  const out: unknown[] = [];
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { strict: false, uniqueKeys: false })) {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: -1 });
    } catch {
      continue;
    }
    if (value && typeof value === 'object' && typeof (value as { kind?: unknown }).kind === 'string' && /List$/.test((value as { kind: string }).kind) && Array.isArray((value as { items?: unknown }).items)) out.push(...(value as { items: unknown[] }).items.filter((i) => i && typeof i === 'object'));
    else if (value && typeof value === 'object') out.push(value);
  }
  return out;
}

function checkovGraphCases(corpus: Corpus, mapping: Mapping): Case[] {
  const folderName = corpus.checkovGraph.get(mapping.check);
  if (!folderName) return [];
  const folder = join(corpus.dir, 'checkov', 'graph-checks', 'resources', folderName);
  const expected = parse(readFileSync(join(folder, 'expected.yaml'), 'utf8')) as { pass?: string[]; fail?: string[] };
  return [
    {
      mapping,
      path: `checkov/graph-checks/resources/${folderName}`,
      files: listFiles(folder).filter((f) => basename(f) !== 'expected.yaml'),
      targets: (linted) => {
        const targets: Target[] = [];
        for (const [theirs, ids] of [['pass', expected.pass ?? []], ['fail', expected.fail ?? []]] as const) {
          for (const id of ids) {
            // `Kind.namespace.name`; a flattened pod template is `Pod.<namespace>.<controller name>.<labels>`.
            const [kind, namespace, name] = id.split('.');
            const matches = linted.objects.filter((o) => o.name === name && (o.namespace ?? 'default') === namespace && (o.kind === kind || (kind === 'Pod' && POD_KINDS.includes(o.kind))));
            if (matches.length === 0) throw new Error(`checkov ${mapping.check}: ${id} not found in ${folderName}`);
            targets.push({ label: matches.map((m) => objectLabel(m, linted.objects, linted, folder)).join(' + '), theirs, objects: matches });
          }
        }
        return targets;
      },
    },
  ];
}

// Polaris -------------------------------------------------------------------------------------

function polarisCases(corpus: Corpus, mapping: Mapping): Case[] {
  return corpus.polaris
    .filter((p) => p.check === mapping.check && p.kind === 'check-case')
    .map((p) => ({
      mapping,
      path: `polaris/${p.file}`,
      files: [join(corpus.dir, 'polaris', p.file)],
      targets: () => [{ label: '(file)', theirs: (p.expected === 'danger' ? 'fail' : 'pass') as Verdict, objects: 'file' as const }],
    }));
}

// Kubescape -----------------------------------------------------------------------------------

interface KubescapeAlert {
  alertObject?: {
    k8sApiObjects?: Array<{ kind?: string; metadata?: { name?: string; namespace?: string } }>;
    externalObjects?: { relatedObjects?: Array<{ kind?: string; metadata?: { name?: string; namespace?: string } }> };
  };
  relatedObjects?: Array<{ object?: { kind?: string; metadata?: { name?: string; namespace?: string } } }>;
}

/**
 * Kubescape tests configure some rules through data.json (postureControlInputs). Where kubeguard
 * has the same setting, the comparison uses the test's values.
 */
const KUBESCAPE_INPUTS: Readonly<Record<string, (inputs: Readonly<Record<string, unknown>>) => Record<string, unknown> | undefined>> = {
  // kubeguard.images.trustedRegistries is an allow list, like imageRepositoryAllowList.
  'container-image-repository': (inputs) => (Array.isArray(inputs.imageRepositoryAllowList) ? { images: { trustedRegistries: inputs.imageRepositoryAllowList } } : undefined),
};

function kubescapeCases(corpus: Corpus, mapping: Mapping): Case[] {
  const ruleDir = join(corpus.dir, 'kubescape-regolibrary', 'rules', mapping.check);
  const meta = readJson<{ match?: Array<{ resources: string[] }> }>(join(ruleDir, 'rule.metadata.json'));
  const matched = new Set((meta.match ?? []).flatMap((m) => m.resources));
  const cases = readdirSync(join(ruleDir, 'test'))
    .sort()
    .map((name) => {
      const caseDir = join(ruleDir, 'test', name);
      // Inputs are input/*.yaml; a few cases keep a single input.yaml beside expected.json.
      const files = existsSync(join(caseDir, 'input')) ? listFiles(join(caseDir, 'input')) : existsSync(join(caseDir, 'input.yaml')) ? [join(caseDir, 'input.yaml')] : [];
      const alerts = existsSync(join(caseDir, 'expected.json')) ? readJson<KubescapeAlert[]>(join(caseDir, 'expected.json')) : undefined;
      const data = existsSync(join(caseDir, 'data.json')) ? readJson<{ postureControlInputs?: Record<string, unknown> }>(join(caseDir, 'data.json')).postureControlInputs : undefined;
      return { name, files, alerts, data };
    })
    .filter((c) => c.files.length > 0 && c.alerts);
  // Objects of a matched kind the rule never reports in any case (a NetworkPolicy for a pod rule) get no verdict of their own.
  const reported = new Set(cases.flatMap((c) => c.alerts!.flatMap((a) => [...(a.alertObject?.k8sApiObjects ?? []), ...(a.relatedObjects ?? []).map((r) => r.object ?? {}), ...(a.alertObject?.externalObjects?.relatedObjects ?? [])].map((o) => o.kind ?? ''))));
  const kinds = new Set([...matched].filter((k) => reported.size === 0 || reported.has(k)));
  const out: Case[] = [];
  for (const { name, files, alerts, data } of cases) {
    const settings = KUBESCAPE_INPUTS[mapping.check]?.(data ?? {});
    const inputDir = dirname(files[0]!);
    out.push({
      mapping,
      path: `kubescape-regolibrary/rules/${mapping.check}/test/${name}`,
      files,
      ...(settings ? { settings } : {}),
      targets: (linted) => {
        const targets: Target[] = [];
        const flagged = new Set<Obj>();
        const seen = new Set<string>();
        for (const alert of alerts!) {
          const refs = [
            ...(alert.alertObject?.k8sApiObjects ?? []),
            ...(alert.relatedObjects ?? []).map((r) => r.object ?? {}),
            ...(alert.alertObject?.externalObjects?.relatedObjects ?? []),
          ];
          const objects = unique(refs.flatMap((ref) => linted.objects.filter((o) => o.kind === ref.kind && o.name === ref.metadata?.name && (!ref.metadata?.namespace || !o.namespace || o.namespace === ref.metadata.namespace))));
          if (objects.length === 0) {
            if (linted.unparsed.size) continue; // the object is in a file kubeguard cannot parse: listed under Fixtures skipped
            throw new Error(`kubescape ${mapping.check}/${name}: an alert names no object of the input`);
          }
          const key = objects.map((o) => `${o.file}#${o.index}`).sort().join(',');
          if (seen.has(key)) continue;
          seen.add(key);
          for (const o of objects) flagged.add(o);
          targets.push({ label: objects.map((o) => objectLabel(o, linted.objects, linted, inputDir)).join(' + '), theirs: 'fail', objects });
        }
        for (const o of linted.objects) {
          if (!kinds.has(o.kind) || flagged.has(o)) continue;
          targets.push({ label: objectLabel(o, linted.objects, linted, inputDir), theirs: 'pass', objects: [o] });
        }
        return targets;
      },
    });
  }
  return out;
}

// Kyverno -------------------------------------------------------------------------------------

/** `policy/rule`, with Kyverno's auto-generated controller rule names folded into the Pod rule. */
function kyvernoCheck(result: KyvernoResult): string {
  return `${result.policy}/${result.rule.replace(/^autogen-(?:cronjob-)?/, '')}`;
}

function kyvernoCases(corpus: Corpus, mapping: Mapping): Case[] {
  const out: Case[] = [];
  for (const test of corpus.kyverno) {
    if (!KYVERNO_GROUPS.test(relative(join(corpus.dir, 'kyverno'), test.dir).split(sep).join('/'))) continue;
    const results = test.results.filter((r) => kyvernoCheck(r) === mapping.check && r.result !== 'skip');
    if (results.length === 0) continue;
    const files = test.resources.map((r) => resolve(test.dir, r)).filter((f) => existsSync(f));
    if (files.length === 0) continue;
    out.push({
      mapping,
      path: relative(corpus.dir, test.dir).split(sep).join('/'),
      files,
      targets: (linted) =>
        results.flatMap((r) =>
          [...(r.resources ?? []), ...(r.resource ? [r.resource] : [])].flatMap((ref) => {
            const name = ref.includes('/') ? ref.split('/').pop()! : ref;
            const objects = linted.objects.filter((o) => o.name === name && (!r.kind || o.kind === r.kind));
            if (objects.length === 0) {
              if (linted.unparsed.size) return [];
              throw new Error(`kyverno ${mapping.check}: ${r.kind}/${name} not found`);
            }
            return [{ label: objects.map((o) => objectLabel(o, linted.objects, linted, test.dir)).join(' + '), theirs: r.result as Verdict, objects }];
          }),
        ),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Linting a fixture the way the editor does: every file, then the workspace rules over all of them
// ---------------------------------------------------------------------------------------------

function settingsFor(options: CheckOptions, rules: readonly Rule[]): Settings {
  // Opt-in rules are switched on: the comparison is about what a rule finds, not its default.
  const optIn = Object.fromEntries(rules.filter((r) => r.meta.enabledByDefault === false).map((r) => [r.meta.id, r.meta.severity]));
  return { ...DEFAULT_SETTINGS, rules: optIn, podSecurity: { ...DEFAULT_SETTINGS.podSecurity!, level: options.level ?? 'restricted' } };
}

function lintFixture(files: readonly string[], settings: Settings, rules: readonly Rule[]): Linted {
  const index = new WorkspaceIndex();
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const uris = files.map((f) => pathToFileURL(f).href);
  files.forEach((file, i) => index.set(uris[i]!, factsOf(uris[i]!, lintText(texts[i]!, { settings, fileName: file, rules }))));
  const objects: Obj[] = [];
  const findings = new Map<string, readonly Finding[]>();
  const unparsed = new Map<string, string>();
  files.forEach((file, i) => {
    const own = lintText(texts[i]!, { settings, fileName: file, rules, namespaces: index.namespaces() });
    const workspace = lintWorkspaceFile(index, uris[i]!, { settings, rules, text: texts[i]!, source: own });
    const result: FileResult = mergeWorkspaceFindings(own, workspace);
    if (result.ruleErrors.length) throw new Error(`a rule threw on ${file}:\n${result.ruleErrors.join('\n')}`);
    findings.set(file, result.findings);
    const syntax = result.findings.find((f) => f.ruleId === SYNTAX_RULE_ID || f.ruleId === HELM_RULE_ID);
    if (syntax) unparsed.set(file, syntax.message);
    result.objects.forEach((o, n) => objects.push(toObj(file, n, o)));
  });
  return { files, unparsed, objects, findings };
}

function toObj(file: string, index: number, o: K8sObject): Obj {
  const span = o.map.span;
  const roleRef = o.map.map('roleRef');
  const refKind = roleRef?.string('kind');
  const refName = roleRef?.string('name');
  return {
    file,
    index,
    kind: o.kind,
    apiVersion: o.apiVersion,
    name: o.name,
    namespace: o.namespace,
    start: o.segment.base + span.start,
    end: o.segment.base + span.end,
    isWorkload: workloadOf(o) !== undefined,
    ...(refKind && refName ? { roleRef: { kind: refKind, name: refName } } : {}),
  };
}

/** The namespace an object is about: a Namespace's name, else its metadata.namespace ('' when unset). */
function namespaceKey(o: Obj): string {
  return o.kind === 'Namespace' ? (o.name ?? '') : (o.namespace ?? '');
}

/** The broader rules whose findings stand for a mapped rule, and whether they stand only for Pod Security rules (so count only under restricted). */
function broaderRules(mapping: Mapping, options: CheckOptions, pssRules: ReadonlySet<string>): Map<string, { pssOnly: boolean }> {
  const out = new Map<string, { pssOnly: boolean }>();
  if (options.ownFindingsOnly) return out;
  for (const s of STEPS_ASIDE_FOR) {
    const covered = mapping.rules.filter((r) => s.rules.includes(r));
    if (covered.length === 0 || mapping.rules.includes(s.by)) continue;
    // For Pod Security rules the broader finding counts only under the level at which they would have reported.
    out.set(s.by, { pssOnly: covered.every((r) => pssRules.has(r)) });
  }
  return out;
}

function reportedOn(linted: Linted, objects: readonly Obj[] | 'file', mapping: Mapping, options: CheckOptions, pssRules: ReadonlySet<string>): boolean {
  const own = new Set(mapping.rules);
  const broader = broaderRules(mapping, options, pssRules);
  const perNamespace = NAMESPACE_RULES.filter((n) => own.has(n.rule));
  const filterOf = (rule: string) => options.messages?.[rule] ?? options.message;
  const counts = (f: Finding) => {
    const b = broader.get(f.ruleId);
    // The covered Pod Security checks (allowPrivilegeEscalation, capabilities, runAsNonRoot, seccomp) are restricted-level: a bare container fails them only when restricted is in force.
    if (b) return !b.pssOnly || options.level !== 'baseline';
    if (!own.has(f.ruleId) || perNamespace.some((n) => n.rule === f.ruleId)) return false;
    if (options.pssOnly && f.pssCheck === undefined) return false;
    const filter = filterOf(f.ruleId);
    return !filter || filter.test(f.message);
  };
  const inside = (o: Obj, f: Finding) => f.start >= o.start && f.start < o.end;
  const hit = (o: Obj) => (linted.findings.get(o.file) ?? []).some((f) => counts(f) && inside(o, f));
  const namespaceHit = (o: Obj) =>
    o.isWorkload &&
    perNamespace.some((n) => {
      const key = namespaceKey(o);
      if (linted.objects.some((x) => x.kind === n.unless && namespaceKey(x) === key)) return false;
      return linted.objects.some((x) => namespaceKey(x) === key && (linted.findings.get(x.file) ?? []).some((f) => f.ruleId === n.rule && inside(x, f)));
    });
  // A verdict on a whole file (Polaris): any of its objects.
  const targets = objects === 'file' ? linted.objects : objects;
  return targets.some((o) => {
    if (hit(o) || namespaceHit(o)) return true;
    if (!options.viaRoleRef || !o.roleRef) return false;
    return linted.objects.some((r) => r.kind === o.roleRef!.kind && r.name === o.roleRef!.name && (r.kind === 'ClusterRole' || (r.namespace ?? 'default') === (o.namespace ?? 'default')) && hit(r));
  });
}

// ---------------------------------------------------------------------------------------------
// Explanations of disagreements
// ---------------------------------------------------------------------------------------------

// Reasons shared by several peers.
const LEFT_TO_WILDCARD = 'The grant is a `*` (verb, resource or API group): it is left to rbac-wildcard, which reports it. The specific RBAC rules skip wildcard grants while rbac-wildcard is on, so one grant gives one finding.';
const DEPLOYMENT_CONFIG = 'OpenShift DeploymentConfig (apps.openshift.io/v1, deprecated since OpenShift 4.14) is not among the kinds kubeguard reads a pod spec from (shared/src/model/workload.ts: core kinds, Argo Rollout, KEDA ScaledJob); the peer treats it like a Deployment.';
const INVALID_SPEC = 'The object is not valid (a list or a string where the API wants a map, or a string where it wants an integer): the API server rejects it, and kubeguard does not guess what was meant.';
const DROP_ALL = 'capabilities-drop-all follows Pod Security restricted: `drop` must contain ALL, spelled exactly so (admission compares names case-sensitively). Dropping a list of capabilities, NET_RAW included, keeps the others (KILL, SETUID, SYS_CHROOT…); the peer accepts either.';
const SECCOMP_ANNOTATIONS = 'The seccomp.security.alpha.kubernetes.io annotations are ignored by the kubelet since Kubernetes 1.27 and never satisfied Pod Security restricted, which requires securityContext.seccompProfile; the peer still accepts them.';
const CILIUM = 'The pod is selected by a CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy: kubeguard models Kubernetes NetworkPolicies only, so network-policy-default-deny still reports the namespace.';
const REQUEST_DEFAULTS = 'The container sets a limit but no request: the API server defaults the request to the limit, so container-resources, which judges what admission sees, has nothing to report.';
const IMAGE_EXEMPTION = 'The peer exempts these images from the control by configuration; kubeguard has no per-image exemptions (a suppression comment with a reason does that, and is visible in review).';

/**
 * Every disagreement, explained: a deliberate difference (with its reason) or a quirk of the
 * peer's fixture. Matched on peer, check and `<fixture path>: <object>`; the first match wins.
 */
export const EXPLANATIONS: readonly Explanation[] = [
  // All peers
  { check: /./, fixture: /\bDeploymentConfig\//, reason: DEPLOYMENT_CONFIG, title: 'OpenShift DeploymentConfig, all peers' },
  // kube-linter
  { peer: 'kube-linter', check: 'dangling-ingress', fixture: /Ingress\/bad-port$/, reason: 'reference-ingress-service checks that the backend Service exists in the workspace, not that it exposes the backend port (8080 here); kube-linter also matches the port.' },
  { peer: 'kube-linter', check: 'dangling-networkpolicypeer-podselector', fixture: /NetworkPolicy\/app$/, reason: 'The file has no workloads at all: network-policy-unmatched-peer then assumes the pods are deployed from elsewhere and leaves the note to network-policy-dangling-selector, which reports this policy ("has no workloads in the workspace").' },
  { peer: 'kube-linter', check: 'drop-net-raw-capability', fixture: /Deployment\/dont-fire$/, reason: 'capabilities-drop-all requires drop: [ALL] (Pod Security restricted); kube-linter flags only an explicit add of NET_RAW and accepts a container that keeps the runtime defaults, NET_RAW among them.' },
  // Checkov
  { peer: 'checkov', check: /^CKV_K8S_[1-7]$/, fixture: /PodSecurityPolicy\//, reason: 'deprecated-api reports every PodSecurityPolicy: the policy/v1beta1 API was removed in Kubernetes 1.25, so the object is rejected whatever it allows. Checkov judges what the policy allows.' },
  { peer: 'checkov', check: 'CKV_K8S_15', fixture: /replctrl-PullIfNotPresent/, reason: 'image-pull-policy flags tags that move by convention (none, latest, or floating ones such as 1.25 or stable); myapp:5c3dda6b is a fixed build tag, for which IfNotPresent is right. Checkov requires Always for every image.' },
  { peer: 'checkov', check: /^CKV_K8S_(?:23|29)$/, fixture: /malformed/, reason: INVALID_SPEC },
  { peer: 'checkov', check: 'CKV_K8S_23', fixture: /rootContainersPASSED\.yaml Pod\/pod3$/, reason: 'Pod Security admission rejects a pod-level runAsNonRoot: false even when every container sets true (restricted, runAsNonRoot check); run-as-non-root follows it.' },
  { peer: 'checkov', check: 'CKV_K8S_23', fixture: /rootContainersPASSED\.yaml Pod\/pod[45]$/, reason: 'Pod Security restricted requires runAsNonRoot: true; a non-zero runAsUser alone does not satisfy it (the image could still switch to root). Checkov accepts runAsUser > 0.' },
  { peer: 'checkov', check: /^CKV_K8S_(?:28|37)$/, fixture: /pod-drop-(?:NET_RAW-capabilities-PASSED|all-capabilities-PASSED2)/, reason: DROP_ALL },
  { peer: 'checkov', check: 'CKV_K8S_29', fixture: /podFAILED-containerPASSED/, reason: 'missing-security-context reports a container only when neither it nor its pod has a securityContext; a container-level one is enough. Checkov\'s CKV_K8S_29 wants one at pod level.' },
  { peer: 'checkov', check: 'CKV_K8S_30', fixture: /podPassed-containerFailed/, reason: 'The pod-level securityContext applies to every container, so missing-security-context does not report the container (the field rules report what is still unset). Checkov\'s CKV_K8S_30 wants one on each container.' },
  { peer: 'checkov', check: 'CKV_K8S_31', fixture: /(?:cronjob-seccomp-PASSED|pod-seccomp-PASSED2?|pod-seccomp-PASSED6)\.yaml/, reason: SECCOMP_ANNOTATIONS },
  { peer: 'checkov', check: 'CKV_K8S_40', fixture: /rootContainersHighUIDFAILED\.yaml Pod\/pod[15]$/, reason: 'run-as-high-uid judges the IDs the manifest sets; with no runAsUser the image\'s USER applies, which a manifest linter cannot see. Checkov fails the unset value.' },
  { peer: 'checkov', check: 'CKV_K8S_40', fixture: /rootContainersHighUIDFAILED\.yaml Pod\/pod[23]$/, reason: 'runAsUser: 0 is left to run-as-non-root, which reports it; run-as-high-uid covers the other low IDs.' },
  { peer: 'checkov', check: 'CKV_K8S_40', fixture: /rootContainersHighUIDFAILED\.yaml Pod\/pod4 #[23]$/, reason: INVALID_SPEC },
  { peer: 'checkov', check: 'CKV_K8S_40', fixture: /rootContainersHighUIDPASSED\.yaml Pod\/pod2$/, reason: 'run-as-high-uid reports a low ID where it is written: the pod-level runAsUser: 180 still applies to containers added later without their own (kubectl debug ephemeral containers), even though today\'s container overrides it.' },
  { peer: 'checkov', check: 'CKV_K8S_43', fixture: /StatefulSet\/kafka$/, reason: '`@sha256:123456` is not a digest (a sha256 digest has 64 hex digits): the image would not pull, and image-digest reports it as malformed. Checkov accepts any `@sha256:` suffix.' },
  { peer: 'checkov', check: /^CKV_K8S_15[24]$/, fixture: /Ingress\//, reason: 'nginx-snippet-annotation reports every *-snippet annotation: CVE-2021-25742 lets any snippet read the controller\'s Secrets. CKV_K8S_152 and CKV_K8S_154 look for particular payloads (Lua, alias) and pass the other snippets.' },
  { peer: 'checkov', check: /^CKV_K8S_15[678]$/, fixture: /(?:clusterrole-failed-2|role-failed-2)\.yaml/, reason: LEFT_TO_WILDCARD },
  { peer: 'checkov', check: 'CKV_K8S_157', fixture: /clusterrole-failed-1\.yaml/, reason: '`bind` on rolebindings grants nothing: the API server checks the bind verb on roles and clusterroles only (RBAC escalation prevention), so rbac-escalation-verbs does not report it. Checkov matches the verb on any resource.' },
  { peer: 'checkov', check: 'CKV2_K8S_1', fixture: /Failing1\/.*failing-crb1$/, reason: 'The role may create ClusterRoleBindings (`*` verbs, reported by rbac-wildcard), which is no escalation by itself: the API server lets a subject bind only permissions it already holds unless it also has bind or escalate on roles.' },
  { peer: 'checkov', check: 'CKV2_K8S_1', fixture: /Failing3\/.*failing-rb3$/, reason: 'The role has bind and create on rolebindings: bind applies to roles and clusterroles only, and creating bindings is limited by RBAC\'s escalation prevention, so rbac-escalation-verbs has nothing to report.' },
  { peer: 'checkov', check: 'CKV2_K8S_1', fixture: /Passing2\/.*passing-crb2$/, reason: 'rbac-escalation-verbs reports the role (bind on every RBAC resource, roles included) whoever it is bound to; Checkov\'s check considers ServiceAccount and Node subjects only.' },
  { peer: 'checkov', check: 'CKV2_K8S_2', fixture: /Failing\/4\/.*failing-crb4$/, reason: 'The role\'s apiGroups is rbac.authorization.k8s.io, so resources: ["*"] reaches neither pods/exec nor nodes/proxy (core group); Checkov ignores apiGroups here. (kubeguard reports the role\'s bind verb, with rbac-escalation-verbs.)' },
  { peer: 'checkov', check: 'CKV2_K8S_2', fixture: /Passing\/2\/.*passing-crb2$/, reason: 'rbac-node-proxy reports any verb on nodes/proxy: the kubelet serves exec over a WebSocket, which is a plain GET, so get is enough to run commands. Checkov flags create only.' },
  { peer: 'checkov', check: 'CKV2_K8S_3', fixture: /Failing\/1\/.*failing-crb1$/, reason: LEFT_TO_WILDCARD },
  { peer: 'checkov', check: 'CKV2_K8S_6', fixture: /Deployment\/internal-proxy-deployment$/, reason: 'The Deployment sets no namespace and the NetworkPolicy sets namespace: default. kubeguard does not assume unnamespaced manifests go to default (kubectl -n, Kustomize or Helm may choose another), so it does not count that policy; Checkov does.' },
  // Polaris
  { peer: 'polaris', check: /ClusterAdmin/, fixture: /failure\.all_verbs(?:_different_order)?\.yaml/, reason: 'The role lists every verb by name on every resource of every group: rbac-wildcard reports the `*` groups and resources, but only an all-`*` rule is reported as equivalent to cluster-admin. Polaris expands the verbs.' },
  { peer: 'polaris', check: /ClusterAdmin/, fixture: /success\.(?:gce_calico|system_prefix)_binding\.yaml/, reason: 'Polaris skips bindings whose names start with system: or gce: as platform defaults; kubeguard reports the all-`*` ClusterRole they grant, since a binding\'s name says nothing about who wrote it.' },
  { peer: 'polaris', check: /PodExecAttach$/, fixture: /failure\.(?:all_wildcards|(?:create|get)_attach_and_exec_using_resource_wildcard|binding_to_system_prefix)\.yaml/, reason: LEFT_TO_WILDCARD },
  { peer: 'polaris', check: /PodExecAttach$/, fixture: /failure\.binding_points_to_missing_ref\.yaml/, reason: 'The bound role is not in the file: Polaris fails the binding, rbac-pod-exec judges the roles it can read (reference-role reports a role missing from the workspace).' },
  { peer: 'polaris', check: 'clusterrolebindingPodExecAttach', fixture: /success\.defaultclusterrolebinding_system-controller/, reason: 'Polaris skips Kubernetes\' default bindings by name; the manifest\'s own copy of the role grants pods/attach, which rbac-pod-exec reports.' },
  { peer: 'polaris', check: 'insecureCapabilities', fixture: /success/, reason: DROP_ALL },
  { peer: 'polaris', check: 'linuxHardening', fixture: /success\.(?:apparmor_2_containers|drop_capabilities|selinux_container|selinux_pod)\.yaml/, reason: 'linuxHardening is satisfied by any one of seccomp, AppArmor, SELinux or dropped capabilities; seccomp-profile follows Pod Security restricted, which requires a seccomp profile whatever else is set.' },
  { peer: 'polaris', check: 'linuxHardening', fixture: /success\.seccomp_profile_unconfined_for_pod_but_set_for_container\.yaml/, reason: 'Pod Security admission rejects a pod-level seccompProfile of Unconfined even when every container sets RuntimeDefault (baseline forbids Unconfined anywhere); seccomp-profile follows it.' },
  { peer: 'polaris', check: 'missingNetworkPolicy', fixture: /failure\.netpol_missing_(?:egress|ingress)_in_policytypes\.yaml/, reason: 'A NetworkPolicy selects the pod, so network-policy-unselected-workload is satisfied; the direction it leaves open is reported for the namespace by network-policy-default-deny. Polaris wants the selecting policy itself to isolate both directions (its issue #1088).' },
  { peer: 'polaris', check: 'missingNetworkPolicy', fixture: /failure\.netpol_missing_(?:egress|ingress)_rules\.yaml/, reason: 'The policy selects the pod and lists both directions in policyTypes; a direction without rules is denied entirely, which is isolation. Polaris also requires rules in both directions (its issue #1088 calls this a false positive).' },
  { peer: 'polaris', check: 'pullPolicyNotAlways', fixture: /failure(?:\.cron-job)?\.yaml/, reason: 'An image without a tag defaults to imagePullPolicy: Always, so image-pull-policy, which judges the effective policy, has nothing to report; Polaris wants the field written.' },
  { peer: 'polaris', check: 'pullPolicyNotAlways', fixture: /failure\.deployment\.yaml/, reason: 'nginx:1.14.2 is a full version tag, not one that moves by convention, so IfNotPresent is right; Polaris requires Always for every image.' },
  { peer: 'polaris', check: 'runAsRootAllowed', fixture: /failure\.yaml/, reason: 'The Deployment has apiVersion: v1, which has no Deployment kind: the API server rejects it, and kubeguard reads pod specs only from the API groups that define the kind.' },
  // Kubescape
  { peer: 'kubescape', check: 'anonymous-access-enabled', fixture: /system:public-info-viewer$/, reason: 'This is Kubernetes\' own system:public-info-viewer binding (version and health endpoints for everyone); rbac-risky-subject skips the discovery roles the API server binds to everyone anyway.' },
  { peer: 'kubescape', check: 'csistoragecapacity-in-default-namespace', fixture: /CSIStorageCapacity\//, reason: 'CSIStorageCapacity objects are published by CSI drivers (external-provisioner), not written in application manifests; default-namespace checks the built-in kinds applications deploy.' },
  { peer: 'kubescape', check: /^(?:ensure_network_policy_configured_in_labels|ingress-and-egress-blocked)$/, fixture: /\/(?:ccnp|cnp)-|_(?:ccnp|cilium)_/, reason: CILIUM },
  { peer: 'kubescape', check: /^(?:exec-into-container-v1|rule-can-impersonate-users-groups-v1|rule-can-list-get-secrets-v1|rule-can-portforward-v1)$/, fixture: /\/test\/(?:role|clusterrole-(?:cluster)?rolebinding):/, reason: LEFT_TO_WILDCARD },
  { peer: 'kubescape', check: 'rule-list-all-cluster-admins-v1', fixture: /\/test\/clusterrole-rolebinding:/, reason: 'The role grants every verb on every resource of the core API group only: rbac-wildcard reports the `*` verbs and resources, but only a rule that is `*` in API groups, resources and verbs is reported as equivalent to cluster-admin. Kubescape counts it as cluster admin.' },
  { peer: 'kubescape', check: 'image-not-pinned-to-digest', fixture: /pod-exempted-repo/, reason: 'Kubescape\'s test exempts the repository through configuration (imageDigestExemptRepositories in data.json); image-digest has no such setting (a suppression comment does that).' },
  { peer: 'kubescape', check: 'image-not-pinned-to-digest', fixture: /pod-short-custom-digest/, reason: '`nginx@custom-algorithm:a` is not a digest container runtimes accept (sha256, sha384, sha512, blake3 of full length): the image would not pull, and image-digest reports it as malformed.' },
  { peer: 'kubescape', check: 'pod-security-admission-applied-2', fixture: /Namespace\/my-baseline-namespace$/, reason: 'Kubescape accepts any admission webhook in the input as a substitute for Pod Security labels; namespace-pod-security cannot tell what a webhook enforces, so it still asks for the enforce label.' },
  { peer: 'kubescape', check: /^resources-(?:cpu|memory)-requests$|^resources-memory-limit-and-request$/, fixture: /pod-only-requests/, reason: REQUEST_DEFAULTS },
  { peer: 'kubescape', check: 'resources-memory-limit-and-request', fixture: /workload-(?:exceeded|milli-suffix|mixed-unit)/, reason: 'Kubescape also compares the values with maxima its test configures (data.json); container-resources checks that requests and the memory limit are set, not their size.' },
  { peer: 'kubescape', check: /^role(?:binding)?-in-default-namespace$/, fixture: /(?:Role|RoleBinding)\//, reason: 'Roles and RoleBindings govern the namespace they are in, so default-namespace leaves them alone: moving one elsewhere would change what it grants.' },
  { peer: 'kubescape', check: 'rule-credentials-in-env-var', fixture: /envfrom-secretref/, reason: 'A Secret loaded with envFrom is not a credential written in the manifest; kubeguard reports it with secret-env-var (Secrets in environment variables), which agrees with Kubescape on these fixtures.' },
  { peer: 'kubescape', check: 'rule-credentials-in-env-var', fixture: /\/test\/(?:cronjob|deployment|pod|workloads):/, reason: 'Kubescape matches sensitive words anywhere in a variable\'s name or value (pwd, key, JWT…), e.g. some-name: my_key_value; env-credential-literal needs a credential-shaped value (a vendor token, a private key, a URL with a password) or a password, token or secret-key name with a real-looking value, to keep false positives down.' },
  { peer: 'kubescape', check: 'rule-credentials-in-env-var', fixture: /env-value-akia-key/, reason: 'AKIAIOSFODNN7EXAMPLE is the example key from AWS\'s documentation; env-credential-literal skips vendor-format values marked EXAMPLE.' },
  { peer: 'kubescape', check: 'rule-identify-blocklisted-image-registries', fixture: /./, reason: 'Kubescape\'s test configures a block list (untrustedRegistries / publicRegistries in data.json); image-registry-untrusted takes an allow list (kubeguard.images.trustedRegistries), which a block list cannot be turned into, so the rule stays off.' },
  { peer: 'kubescape', check: 'serviceaccount-token-mount', fixture: /\/test\/(?:both-mount|both-mount-default|pod-mount):/, reason: 'Kubescape reports a mounted token only when a binding in the input gives the ServiceAccount permissions; automount-service-account-token reports every mounted token, since the token authenticates the pod and permissions can be bound later.' },
  { peer: 'kubescape', check: 'set-procmount-default', fixture: /\/test\/workload:/, reason: 'procMount unset means Default, which is safe; Kubescape also fails a container that does not write procMount: Default (here one with an empty securityContext).' },
  { peer: 'kubescape', check: 'set-seccomp-profile-RuntimeDefault', fixture: /\/test\/(?:pod|workloads):/, reason: 'Pod Security restricted allows Localhost seccomp profiles; Kubescape\'s CIS 5.7.2 rule requires RuntimeDefault.' },
  { peer: 'kubescape', check: 'system-authenticated-allowed-to-take-over-cluster', fixture: /\/test\/success:/, reason: 'rbac-risky-subject reports any role granted to system:authenticated (every user and every pod\'s token), except the discovery roles; Kubescape reports it only with roles that allow a takeover.' },
  // Kyverno
  { peer: 'kyverno', check: 'add-psa-namespace-reporting/check-namespace-labels', fixture: /Namespace\/test$/, reason: 'The namespace enforces privileged: Kyverno\'s policy only asks for some Pod Security label, namespace-pod-security reports enforce: privileged, which checks nothing.' },
  { peer: 'kyverno', check: 'disallow-host-ports-range/host-port-range', fixture: /\/good/, reason: 'This Kyverno variant allows hostPorts 5000–6000; Pod Security baseline (and host-ports) forbids every hostPort other than 0.' },
  { peer: 'kyverno', check: /^podsecurity-subrule-restricted-(?:capabilities|seccomp)\//, fixture: /Pod\/goodpod01$/, reason: IMAGE_EXEMPTION },
];

/**
 * Disagreements that look like kubeguard bugs. They stay Unexplained (and fail the test) until the
 * rule is fixed; the diagnosis is shown beside them.
 */
export const SUSPECTED_BUGS: readonly Explanation[] = [
  { peer: 'kubescape', check: 'endpoints-in-default-namespace', fixture: /Endpoints\/kubernetes$/, reason: 'default-namespace exempts the cluster-created kubernetes Service in default but not its Endpoints (nor EndpointSlice) of the same name, which the API server also creates (shared/src/rules/support/kinds.ts isClusterProvided).' },
];

function matches(e: Explanation, row: Omit<Row, 'explanation'>): boolean {
  return (e.peer === undefined || e.peer === row.peer) && (typeof e.check === 'string' ? e.check === row.check : e.check.test(row.check)) && e.fixture.test(`${row.path}: ${row.label}`);
}

function explain(row: Omit<Row, 'explanation'>, used: Set<Explanation>): Explanation | undefined {
  const found = EXPLANATIONS.find((e) => matches(e, row));
  if (found) used.add(found);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Run and render
// ---------------------------------------------------------------------------------------------

export interface AgreementResult {
  readonly markdown: string;
  readonly rows: readonly Row[];
  readonly unexplained: readonly Row[];
  /** EXPLANATIONS entries that matched no disagreement (stale). */
  readonly unusedExplanations: readonly Explanation[];
  /** Fixture data the script could not read as expected (a peer verdict it cannot derive); the report is incomplete while there are any. */
  readonly problems: readonly string[];
}

export function computeAgreement(peersDir: string, rules: readonly Rule[] = allRules): AgreementResult {
  const corpus = new Corpus(peersDir);
  const report = buildMappings(corpus, rules);
  const rows: Row[] = [];
  const used = new Set<Explanation>();
  const cache = new Map<string, Linted>();
  const emptyMappings: Mapping[] = [];
  const problems: string[] = [];
  const skipped = new Map<string, string>();
  const pssRules = new Set(PSS_RULES(rules));
  for (const mapping of report.mappings) {
    const options = optionsFor(mapping.peer, mapping.check);
    const settings = settingsFor(options, rules);
    const cases = casesFor(corpus, mapping);
    let count = 0;
    for (const c of cases) {
      const key = `${options.level ?? ''}|${JSON.stringify(c.settings ?? {})}|${c.files.join('|')}`;
      let linted = cache.get(key);
      if (!linted) cache.set(key, (linted = lintFixture(c.files, c.settings ? ({ ...settings, ...c.settings } as Settings) : settings, rules)));
      let targets: Target[];
      try {
        targets = c.targets(linted);
      } catch (error) {
        problems.push((error as Error).message);
        continue;
      }
      for (const file of linted.unparsed.keys()) skipped.set(relative(peersDir, file).split(sep).join('/'), linted.unparsed.get(file)!);
      for (const target of targets) {
        if (target.objects === 'file' && linted.files.some((f) => linted.unparsed.has(f))) continue;
        const ours: Verdict = reportedOn(linted, target.objects, mapping, options, pssRules) ? 'fail' : 'pass';
        const row = { peer: mapping.peer, check: mapping.check, rules: mapping.rules, path: c.path, label: target.label, theirs: target.theirs, ours };
        const explanation = ours === target.theirs ? undefined : explain(row, used);
        rows.push(explanation ? { ...row, explanation } : row);
        count++;
      }
    }
    if (count === 0) emptyMappings.push(mapping);
  }
  rows.sort((a, b) => PEER_ORDER.indexOf(a.peer) - PEER_ORDER.indexOf(b.peer) || a.check.localeCompare(b.check, 'en', { numeric: true }) || a.path.localeCompare(b.path) || a.label.localeCompare(b.label));
  const unexplained = rows.filter((r) => r.ours !== r.theirs && !r.explanation);
  const unusedExplanations = EXPLANATIONS.filter((e) => !used.has(e));
  return { markdown: render(report, rows, emptyMappings, skipped, pssRules), rows, unexplained, unusedExplanations, problems };
}

function pct(agree: number, total: number): string {
  return total === 0 ? '–' : `${((100 * agree) / total).toFixed(1)}%`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The rules of a mapping as the table shows them, with how they are compared. */
function describeRules(m: Mapping, pssRules: ReadonlySet<string>): string {
  const options = optionsFor(m.peer, m.check);
  const link = (r: string) => `[${r}](rules/${r}.md)`;
  const all = pssRules.size > 5 && m.rules.length === pssRules.size && m.rules.every((r) => pssRules.has(r));
  const parts = all ? [`every Pod Security rule (${pssRules.size})`] : m.rules.map((r) => {
    const filter = options.messages?.[r] ?? options.message;
    return filter ? `${link(r)} (findings matching \`${filter.source}\`)` : link(r);
  });
  const notes: string[] = [];
  const broader = broaderRules(m, options, pssRules);
  if (broader.size) notes.push(`or ${[...broader.keys()].map(link).join(', ')} where ${m.rules.length > 1 ? 'they step' : 'it steps'} aside`);
  if (options.level) notes.push(`level ${options.level}`);
  if (options.pssOnly) notes.push('Pod Security findings only');
  if (options.viaRoleRef) notes.push('a binding counts when its role is reported');
  return parts.join(', ') + (notes.length ? `; ${notes.join('; ')}` : '');
}

function render(report: MappingReport, rows: readonly Row[], emptyMappings: readonly Mapping[], skipped: ReadonlyMap<string, string>, pssRules: ReadonlySet<string>): string {
  const lines: string[] = [];
  const agreeing = rows.filter((r) => r.ours === r.theirs).length;
  const disagreeing = rows.length - agreeing;
  const explained = rows.filter((r) => r.ours !== r.theirs && r.explanation).length;
  lines.push('# Agreement with peer linters');
  lines.push('');
  lines.push('<!-- Generated by scripts/peer-agreement.ts from ../shared/corpus/peers. Do not edit: change the script and run `node out/scripts/peer-agreement.js`. -->');
  lines.push('');
  lines.push(
    'kubeguard run on the test fixtures of kube-linter, Checkov, Polaris, Kubescape (regolibrary) and the Pod Security policies of Kyverno, for every peer check that shares a concept with one of our rules. ' +
      'A **case** is one object a peer\'s fixtures give a verdict on (Polaris gives one per file): the peer\'s verdict comes from its own expected data, ours is *fail* when a mapped rule reports a finding inside that object. ' +
      'Each fixture is linted as a small workspace (every file, then the cross-file rules), with the default settings (Pod Security level `restricted`, or `baseline` for baseline-level peer checks), the opt-in rules switched on, and the peer test\'s own configuration where kubeguard has the same setting (Kubescape\'s registry allow list). ' +
      'When one rule of ours covers several peer checks, only its findings about the same field count; the By check table says so.',
  );
  lines.push('');
  lines.push(`**Overall agreement: ${agreeing} of ${rows.length} cases (${pct(agreeing, rows.length)}).** Disagreements: ${disagreeing}; explained below: ${explained}; unexplained: ${disagreeing - explained}.`);
  lines.push('');
  lines.push('## By peer');
  lines.push('');
  lines.push('| peer | checks | cases | agree | disagree | agreement |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const peer of PEER_ORDER) {
    const rs = rows.filter((r) => r.peer === peer);
    const a = rs.filter((r) => r.ours === r.theirs).length;
    lines.push(`| ${peer} | ${new Set(rs.map((r) => r.check)).size} | ${rs.length} | ${a} | ${rs.length - a} | ${pct(a, rs.length)} |`);
  }
  lines.push(`| **all** | ${new Set(rows.map((r) => `${r.peer} ${r.check}`)).size} | ${rows.length} | ${agreeing} | ${disagreeing} | ${pct(agreeing, rows.length)} |`);
  lines.push('');
  lines.push('## By check');
  lines.push('');
  lines.push('Mapping source: `docs.peers` = derived from the peer ids in our rules\' metadata; `extra` = listed in the script.');
  lines.push('');
  lines.push('| peer | check | our rule(s) | source | cases | agree | disagree | agreement |');
  lines.push('| --- | --- | --- | --- | ---: | ---: | ---: | ---: |');
  const checks = report.mappings.filter((m) => rows.some((r) => r.peer === m.peer && r.check === m.check));
  for (const m of checks) {
    const rs = rows.filter((r) => r.peer === m.peer && r.check === m.check);
    const a = rs.filter((r) => r.ours === r.theirs).length;
    lines.push(`| ${m.peer} | ${cell(m.check)} | ${cell(describeRules(m, pssRules))} | ${m.sources.join(', ')} | ${rs.length} | ${a} | ${rs.length - a} | ${pct(a, rs.length)} |`);
  }
  lines.push('');
  lines.push('## Disagreements');
  lines.push('');
  lines.push('Grouped by reason. "peer fails" = the peer reports the object and kubeguard does not; "peer passes" = the reverse.');
  lines.push('');
  const explainedRows = rows.filter((r) => r.ours !== r.theirs && r.explanation);
  if (explainedRows.length === 0) lines.push('None.', '');
  // In the order of the EXPLANATIONS table, which groups them by peer.
  for (const e of EXPLANATIONS) {
    const rs = explainedRows.filter((r) => r.explanation === e);
    if (rs.length === 0) continue;
    const byPeer = PEER_ORDER.map((p) => [p, [...new Set(rs.filter((r) => r.peer === p).map((r) => r.check))]] as const).filter(([, cs]) => cs.length);
    const heading = e.title ?? byPeer.map(([p, cs]) => `${p} ${cs.join(', ')}`).join('; ');
    lines.push(`### ${cell(heading)} (${rs.length} case${rs.length === 1 ? '' : 's'})`);
    lines.push('');
    lines.push(e.reason);
    lines.push('');
    for (const r of rs) lines.push(`- ${r.peer} ${cell(r.check)} → ${r.rules.join(', ')}: \`${r.path}\` ${cell(r.label)}: peer ${r.theirs === 'fail' ? 'fails' : 'passes'}`);
    lines.push('');
  }
  lines.push('## Unexplained');
  lines.push('');
  const unexplained = rows.filter((r) => r.ours !== r.theirs && !r.explanation);
  if (unexplained.length === 0) lines.push('None.');
  for (const r of unexplained) {
    const bug = SUSPECTED_BUGS.find((b) => matches(b, r));
    lines.push(`- ${r.peer} ${r.check} → ${r.rules.join(', ')}: \`${r.path}\` ${cell(r.label)}: peer ${r.theirs === 'fail' ? 'fails' : 'passes'}, kubeguard ${r.ours === 'fail' ? 'fails' : 'passes'}.${bug ? ` Suspected kubeguard bug: ${bug.reason}` : ''}`);
  }
  lines.push('');
  lines.push('## Not compared');
  lines.push('');
  lines.push('Peer ids our rules cite in `docs.peers` that have no fixture in the corpus (trivy, kubesec and kube-score have no fixtures there at all):');
  lines.push('');
  for (const u of report.unmatched) lines.push(`- ${u.peer} ${u.id} (${u.rules.join(', ')}): ${u.why}`);
  if (report.unmatched.length === 0) lines.push('- none');
  lines.push('');
  lines.push('Peer checks our rules cite (directly, or through a Kubescape control) whose fixtures test a different concept, so that pairing is not compared:');
  lines.push('');
  const dropped = new Map<string, { peer: Peer; check: string; rules: string[]; reason: string }>();
  for (const d of report.dropped) {
    const key = `${d.peer}\u0000${d.check}\u0000${d.reason}`;
    const entry = dropped.get(key) ?? { peer: d.peer, check: d.check, rules: [], reason: d.reason };
    entry.rules.push(d.rule);
    dropped.set(key, entry);
  }
  for (const d of dropped.values()) {
    const kept = report.mappings.find((m) => m.peer === d.peer && m.check === d.check);
    lines.push(`- ${d.peer} ${d.check} (cited by ${d.rules.join(', ')}): ${d.reason}${kept ? `; compared with ${kept.rules.join(', ')} instead` : ''}`);
  }
  if (dropped.size === 0) lines.push('- none');
  lines.push('');
  lines.push('Peer checks with fixtures that are not compared:');
  lines.push('');
  for (const n of [...NOT_COMPARED].sort((x, y) => PEER_ORDER.indexOf(x.peer) - PEER_ORDER.indexOf(y.peer) || x.check.localeCompare(y.check))) lines.push(`- ${n.peer} ${n.check}: ${n.reason}`);
  lines.push('');
  lines.push('Fixtures skipped:');
  lines.push('');
  for (const [dir, reason] of [...CHECKOV_SKIPPED_DIRS].sort()) lines.push(`- checkov \`${dir}\`: ${reason}`);
  const compared = new Set(report.mappings.filter((m) => m.peer === 'checkov').map((m) => m.check));
  for (const v of CHECKOV_VERDICTS.filter((x) => x.verdict === 'not evaluated' && x.checks.some((c) => compared.has(c)))) lines.push(`- checkov \`${v.resource.replace(/#\*$/, '')}\` for ${v.checks.filter((c) => compared.has(c)).join(', ')}: Checkov does not evaluate it (${v.why}), so there is no verdict to compare`);
  for (const m of emptyMappings) lines.push(`- ${m.peer} ${m.check}: no fixture with a verdict`);
  for (const [file, message] of [...skipped].sort(([a], [b]) => a.localeCompare(b))) {
    const note = UNPARSED_NOTES.find((n) => n.file.test(file))?.note;
    lines.push(`- \`${file}\`: kubeguard reports a syntax error and does not check it (${message.replace(/ The rest of this document.*$/, '')}).${note ? ` ${note}` : ''}`);
  }
  lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function listFiles(dir: string, pattern = /\.(ya?ml|json)$/i): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** `Kind/name`, prefixed with the file when the fixture has several, suffixed with a number when the name repeats. */
function objectLabel(o: Obj, among: readonly Obj[], linted: Linted, root?: string): string {
  const base = `${o.kind}/${o.name ?? '(unnamed)'}`;
  const file = linted.files.length > 1 && root ? `${relative(root, o.file).split(sep).join('/')} ` : '';
  const same = among.filter((x) => x.kind === o.kind && x.name === o.name && x.file === o.file);
  return `${file}${base}${same.length > 1 ? ` #${same.indexOf(o) + 1}` : ''}`;
}

if (require.main === module) {
  const root = resolve(__dirname, '..', '..');
  const peers = resolve(process.argv.slice(2).find((a) => !a.startsWith('-')) ?? join(root, '..', 'shared', 'corpus', 'peers'));
  if (!existsSync(peers)) {
    console.error(`peer corpus not found at ${peers}`);
    process.exit(1);
  }
  const result = computeAgreement(peers);
  if (result.problems.length) {
    console.error(`cannot derive the peers' verdicts:\n${result.problems.join('\n')}`);
    process.exit(1);
  }
  writeFileSync(join(root, 'docs', 'peer-agreement.md'), result.markdown);
  const agree = result.rows.filter((r) => r.ours === r.theirs).length;
  console.log(`wrote docs/peer-agreement.md: ${agree}/${result.rows.length} cases agree; ${result.unexplained.length} unexplained disagreement(s)`);
  if (process.argv.includes('--verbose')) for (const r of result.unexplained) console.log(`UNEXPLAINED ${r.peer} ${r.check} [${r.rules.join(',')}] ${r.path}: ${r.label} theirs=${r.theirs} ours=${r.ours}`);
  for (const e of result.unusedExplanations) console.warn(`warning: explanation matches nothing: ${e.peer} ${String(e.check)} ${String(e.fixture)}`);
}
