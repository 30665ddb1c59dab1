/** @file hostPath volumes that mount a container runtime socket or a directory holding the node's secrets or controls (hardening beyond PSS). */
import { defineRule } from '../engine/rule';
import { hostPathRisk, type HostPathRisk } from '../model/hostPaths';
import { valueAt } from '../model/node';

/** `which is`, `which contains /var/run/docker.sock,` or `which is inside /var/lib/kubelet,`: how the path reaches the target. */
function exposes(risk: HostPathRisk): string {
  if (risk.relation === 'is') return risk.kind === 'socket' ? 'which is' : 'which holds';
  return `which ${risk.relation} ${risk.target}, ${risk.kind === 'socket' ? 'that is' : 'which holds'}`;
}

export default defineRule({
  meta: {
    id: 'sensitive-host-path',
    title: 'Sensitive host path mounted',
    severity: 'warning',
    category: 'hardening',
    docs: {
      summary: 'Flags hostPath volumes that mount a container runtime socket (docker.sock, containerd.sock, crio.sock, podman.sock) as an error, and paths that are, contain or lie inside /, /etc, /proc, /sys, /dev, /root, /boot, /var/lib/kubelet, /etc/kubernetes and other node directories as a warning (hardening beyond the Pod Security Standards, which forbid every hostPath at baseline but cannot tell a log directory from the node\'s root).',
      why: 'Whoever can talk to the runtime socket can start a privileged container and owns the node. The directories hold the node\'s credentials (kubelet data with every pod\'s tokens, cluster certificates, root\'s keys), its programs, and kernel controls; reading them leaks the cluster, writing them takes the node. This stays true in namespaces that admit hostPath volumes.',
      fix: 'Remove the volume. If an agent truly needs node data, mount the narrowest path it needs, read-only, and run it in a namespace meant for node agents. There is no automatic fix.',
      example: 'volumes:\n  - name: logs\n    hostPath:\n      path: /var/log/app\n      type: Directory',
      references: [{ standard: 'Kubernetes docs', title: 'Volumes: hostPath (security risks)', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' }],
      peers: { kubeLinter: 'docker-sock', checkov: 'CKV_K8S_27', trivy: 'KSV-0121', kubescape: 'C-0074', kubesec: 'DockerSock' },
    },
    messages: {
      socket: 'Volume "{{volume}}" mounts {{path}} from the node, {{exposes}} the container runtime socket: anyone who can talk to it can start a privileged container and owns the node. Remove the volume (hardening beyond the Pod Security Standards).',
      sensitive: 'Volume "{{volume}}" mounts {{path}} from the node, {{exposes}} {{holds}}. Remove the volume or mount the narrowest path needed, read-only (hardening beyond the Pod Security Standards).',
    },
  },
  checkWorkload({ workload, report }) {
    for (const { map: volume } of workload.spec.seq('volumes')?.maps() ?? []) {
      const entry = volume.map('hostPath')?.get('path');
      const path = volume.map('hostPath')?.string('path');
      if (!entry || path === undefined) continue;
      const risk = hostPathRisk(path);
      if (!risk) continue;
      report({
        messageId: risk.kind,
        data: { volume: volume.string('name') ?? '', path: JSON.stringify(path), exposes: exposes(risk), holds: risk.holds },
        at: valueAt(entry),
        severity: risk.kind === 'socket' ? 'error' : 'warning',
      });
    }
  },
});
