/** @file Roles that can create pods or workloads can run any code as any ServiceAccount of the namespace. */
import { defineRule } from '../engine/rule';
import { coversGroup, policyRules, rbacReference, resourceItems, roleLabel, verbItems, type Item } from './support/rbac';

/** Resources whose creation starts pods, by API group. */
const POD_CREATORS: ReadonlyArray<readonly [group: string, resource: string]> = [
  ['', 'pods'],
  ['', 'replicationcontrollers'],
  ['apps', 'deployments'],
  ['apps', 'replicasets'],
  ['apps', 'statefulsets'],
  ['apps', 'daemonsets'],
  ['extensions', 'deployments'],
  ['extensions', 'replicasets'],
  ['extensions', 'daemonsets'],
  ['batch', 'jobs'],
  ['batch', 'cronjobs'],
];

export default defineRule({
  meta: {
    id: 'rbac-create-pods',
    title: 'Role can create pods or workloads',
    severity: 'warning',
    category: 'rbac',
    docs: {
      summary: 'Flags Role and ClusterRole rules that allow create on pods or on resources that make pods (Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs, ReplicationControllers). One finding per rule, on the first such resource.',
      why: 'Whoever can create a pod chooses its ServiceAccount, its image and its volumes: they can mount any Secret of the namespace, run as any ServiceAccount there and inherit its permissions, and, where Pod Security admission allows it, mount the host. Creating pods is a privilege escalation path of its own (CIS 5.1.4).',
      fix: 'Grant create on pods or workloads only to controllers and deploy tooling that need it, scope it to one namespace with a RoleBinding, and enforce Pod Security admission there. update and patch on workloads can change the pod template too; review them as carefully.',
      references: [rbacReference, { standard: 'CIS', title: 'CIS Kubernetes Benchmark 5.1.4: Minimize access to create pods', url: 'https://www.cisecurity.org/benchmark/kubernetes', control: '5.1.4' }],
      peers: { kubeLinter: 'access-to-create-pods', trivy: 'KSV-0048', kubescape: 'C-0188' },
    },
    messages: {
      create: 'rules[{{index}}] of {{role}} can create {{resources}}: anyone bound to it can start a pod with any ServiceAccount and Secret of the namespace. Make sure only a controller or deploy tool holds this role.',
    },
  },
  checkObject({ object, report, isEnabled }) {
    const skipWildcards = isEnabled('rbac-wildcard');
    for (const rule of policyRules(object)) {
      if (verbItems(rule, ['create']).length === 0) continue;
      const found: Item[] = [];
      for (const [group, resource] of POD_CREATORS) {
        if (!coversGroup(rule, group)) continue;
        for (const item of resourceItems(rule, resource)) {
          if (!(skipWildcards && item.value === '*') && !found.includes(item)) found.push(item);
        }
      }
      if (found.length === 0) continue;
      found.sort((a, b) => a.index - b.index);
      const names = found.map((i) => i.value);
      report({ messageId: 'create', data: { index: rule.index, role: roleLabel(object), resources: names.join(', ') }, at: found[0]!.node });
    }
  },
});
