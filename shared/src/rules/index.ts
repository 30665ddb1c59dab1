/** @file The registry: every rule, sorted by id. Adding a rule means adding its file and one line here. */
import type { Rule } from '../engine/rule';
import allowPrivilegeEscalation from './allow-privilege-escalation';
import apparmorProfile from './apparmor-profile';
import automountServiceAccountToken from './automount-service-account-token';
import capabilitiesDropAll from './capabilities-drop-all';
import capabilitiesRestrictedAdd from './capabilities-restricted-add';
import containerResources from './container-resources';
import dangerousCapabilities from './dangerous-capabilities';
import defaultNamespace from './default-namespace';
import deprecatedApi from './deprecated-api';
import envCredentialLiteral from './env-credential-literal';
import hostAliases from './host-aliases';
import hostNamespaces from './host-namespaces';
import hostPathVolume from './host-path-volume';
import hostPorts from './host-ports';
import imageDeprecatedRegistry from './image-deprecated-registry';
import imageDigest from './image-digest';
import imagePullPolicy from './image-pull-policy';
import imageRegistryUntrusted from './image-registry-untrusted';
import imageTag from './image-tag';
import ingressTls from './ingress-tls';
import invalidPodSecurityLabel from './invalid-pod-security-label';
import kubeSystemWorkload from './kube-system-workload';
import misplacedSecurityField from './misplaced-security-field';
import missingSecurityContext from './missing-security-context';
import nakedPod from './naked-pod';
import namespaceLimitRange from './namespace-limit-range';
import namespacePodSecurity from './namespace-pod-security';
import namespaceResourceQuota from './namespace-resource-quota';
import networkPolicyAllowAll from './network-policy-allow-all';
import networkPolicyBlocksDns from './network-policy-blocks-dns';
import networkPolicyDanglingSelector from './network-policy-dangling-selector';
import networkPolicyDefaultDeny from './network-policy-default-deny';
import networkPolicyUnmatchedPeer from './network-policy-unmatched-peer';
import networkPolicyUnselectedWorkload from './network-policy-unselected-workload';
import nginxSnippetAnnotation from './nginx-snippet-annotation';
import plaintextSecret from './plaintext-secret';
import privilegedContainer from './privileged-container';
import probeLifecycleHost from './probe-lifecycle-host';
import procMount from './proc-mount';
import rbacAdmissionConfig from './rbac-admission-config';
import rbacClusterAdminBinding from './rbac-cluster-admin-binding';
import rbacClusterWideBinding from './rbac-cluster-wide-binding';
import rbacCreatePods from './rbac-create-pods';
import rbacCsrApproval from './rbac-csr-approval';
import rbacDefaultServiceAccount from './rbac-default-service-account';
import rbacEscalationVerbs from './rbac-escalation-verbs';
import rbacMixedReadWrite from './rbac-mixed-read-write';
import rbacNodeProxy from './rbac-node-proxy';
import rbacPodExec from './rbac-pod-exec';
import rbacRiskySubject from './rbac-risky-subject';
import rbacSecretsRead from './rbac-secrets-read';
import rbacServiceaccountToken from './rbac-serviceaccount-token';
import rbacWildcard from './rbac-wildcard';
import readOnlyRootFilesystem from './read-only-root-filesystem';
import referenceIngressService from './reference-ingress-service';
import referenceRole from './reference-role';
import referenceRuntimeClass from './reference-runtime-class';
import referenceServiceAccount from './reference-service-account';
import referenceServicePods from './reference-service-pods';
import restrictedVolumeTypes from './restricted-volume-types';
import runAsHighUid from './run-as-high-uid';
import runAsNonRoot from './run-as-non-root';
import seccompProfile from './seccomp-profile';
import secretEnvVar from './secret-env-var';
import selinuxOptions from './selinux-options';
import sensitiveHostPath from './sensitive-host-path';
import serviceExposure from './service-exposure';
import serviceExternalIps from './service-external-ips';
import unsafeSysctls from './unsafe-sysctls';
import untrustedRuntimeClass from './untrusted-runtime-class';
import windowsHostProcess from './windows-host-process';
import writableHostPath from './writable-host-path';

export const allRules: readonly Rule[] = [
  allowPrivilegeEscalation,
  apparmorProfile,
  automountServiceAccountToken,
  capabilitiesDropAll,
  capabilitiesRestrictedAdd,
  containerResources,
  dangerousCapabilities,
  defaultNamespace,
  deprecatedApi,
  envCredentialLiteral,
  hostAliases,
  hostNamespaces,
  hostPathVolume,
  hostPorts,
  imageDeprecatedRegistry,
  imageDigest,
  imagePullPolicy,
  imageRegistryUntrusted,
  imageTag,
  ingressTls,
  invalidPodSecurityLabel,
  kubeSystemWorkload,
  misplacedSecurityField,
  missingSecurityContext,
  nakedPod,
  namespaceLimitRange,
  namespacePodSecurity,
  namespaceResourceQuota,
  networkPolicyAllowAll,
  networkPolicyBlocksDns,
  networkPolicyDanglingSelector,
  networkPolicyDefaultDeny,
  networkPolicyUnmatchedPeer,
  networkPolicyUnselectedWorkload,
  nginxSnippetAnnotation,
  plaintextSecret,
  privilegedContainer,
  probeLifecycleHost,
  procMount,
  rbacAdmissionConfig,
  rbacClusterAdminBinding,
  rbacClusterWideBinding,
  rbacCreatePods,
  rbacCsrApproval,
  rbacDefaultServiceAccount,
  rbacEscalationVerbs,
  rbacMixedReadWrite,
  rbacNodeProxy,
  rbacPodExec,
  rbacRiskySubject,
  rbacSecretsRead,
  rbacServiceaccountToken,
  rbacWildcard,
  readOnlyRootFilesystem,
  referenceIngressService,
  referenceRole,
  referenceRuntimeClass,
  referenceServiceAccount,
  referenceServicePods,
  restrictedVolumeTypes,
  runAsHighUid,
  runAsNonRoot,
  seccompProfile,
  secretEnvVar,
  selinuxOptions,
  sensitiveHostPath,
  serviceExposure,
  serviceExternalIps,
  unsafeSysctls,
  untrustedRuntimeClass,
  windowsHostProcess,
  writableHostPath,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
