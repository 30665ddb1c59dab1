/** @file NodePort and LoadBalancer Services expose pods outside the cluster. */
import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import { valueAt } from '../model/node';
import { apiGroup } from '../model/workload';

/** Annotations that make a cloud load balancer internal-only. */
const INTERNAL_LB: ReadonlyArray<readonly [key: string, value: RegExp]> = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(?:true|0\.0\.0\.0\/0)$/i],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/i],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/i],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', /^true$/i],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', /^private$/i],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', /^true$/i],
];

export default defineRule({
  meta: {
    id: 'service-exposure',
    title: 'Service exposed outside the cluster',
    severity: 'warning',
    category: 'exposure',
    docs: {
      summary: 'Flags Services of type NodePort (warning) and notes LoadBalancer Services that are neither internal nor limited by loadBalancerSourceRanges (info).',
      why: 'A NodePort opens the port on every node\'s address, beside whatever firewalling the front door has, and it stays open when the pods move. An unrestricted LoadBalancer puts the pods on the internet for anyone to probe: a single unauthenticated endpoint or an old dependency in them is directly reachable.',
      fix: 'Keep Services ClusterIP and publish HTTP through an Ingress or Gateway with TLS. Where a LoadBalancer is needed, make it internal with the cloud\'s annotation or restrict loadBalancerSourceRanges to the clients that need it.',
      example: 'spec:\n  type: LoadBalancer\n  loadBalancerSourceRanges:\n    - 203.0.113.0/24',
      references: [{ standard: 'Kubernetes docs', title: 'Service: publishing services (ServiceTypes)', url: 'https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types' }],
      peers: { kubeLinter: 'exposed-services', kubeScore: 'service-type' },
    },
    messages: {
      nodePort: 'Service "{{name}}" is a NodePort: its port is open on every node of the cluster. Use ClusterIP behind an Ingress or Gateway, or an internal LoadBalancer.',
      loadBalancer: 'Service "{{name}}" is a LoadBalancer open to any source address. Restrict loadBalancerSourceRanges or make it internal if it need not be public.',
    },
  },
  checkObject({ object, report }) {
    if (object.kind !== 'Service' || apiGroup(object.apiVersion) !== '') return;
    const spec = object.map.map('spec');
    const typeEntry = spec?.get('type');
    const type = spec?.string('type');
    if (!spec || !typeEntry) return;
    const data = { name: object.name ?? '?' };
    if (type === 'NodePort') {
      report({ messageId: 'nodePort', data, at: valueAt(typeEntry) as Node });
    } else if (type === 'LoadBalancer') {
      if ((spec.seq('loadBalancerSourceRanges')?.strings().length ?? 0) > 0) return;
      const annotations = object.metadata?.map('annotations');
      if (INTERNAL_LB.some(([key, value]) => value.test(annotations?.string(key) ?? ''))) return;
      report({ messageId: 'loadBalancer', data, at: valueAt(typeEntry) as Node, severity: 'info' });
    }
  },
});
