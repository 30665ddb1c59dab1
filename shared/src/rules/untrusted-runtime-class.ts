/** @file Workloads marked untrusted must run in a sandboxed RuntimeClass (gVisor, Kata), when the team configures which are untrusted. */
import type { YamlEditor } from '../edits/editor';
import { defineRule } from '../engine/rule';
import { scalarOf, valueAt } from '../model/node';
import { runtimeSettings } from './support/settings';

export default defineRule({
  meta: {
    id: 'untrusted-runtime-class',
    title: 'Untrusted workload without a sandboxed runtime',
    severity: 'warning',
    category: 'hardening',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags workloads that `kubeguard.runtime.untrusted` marks as untrusted (by namespace or pod label) and that do not set a runtimeClassName from `kubeguard.runtime.sandboxedClasses`; off until untrusted workloads are configured.',
      why: 'Ordinary containers share the node kernel: one kernel exploit from untrusted code (customer plugins, CI jobs, user-submitted builds) takes the node and every other tenant on it. A sandboxed runtime puts a second kernel (gVisor\'s user-space kernel, or a Kata micro-VM) between that code and the node. The trade-off: higher start-up latency, some syscall and I/O overhead, and nodes that must have the runtime installed.',
      fix: 'Set spec.runtimeClassName to a sandboxed RuntimeClass that exists on the cluster (for example gvisor or kata), and schedule such pods on nodes that provide it. The fix is unsafe: pods stay Pending where the runtime is missing.',
      example: 'spec:\n  runtimeClassName: gvisor\n  containers:\n    - name: plugin\n      image: registry.example.com/plugin:1.4.2',
      references: [
        { standard: 'Kubernetes docs', title: 'Runtime Class', url: 'https://kubernetes.io/docs/concepts/containers/runtime-class/' },
        { standard: 'Kubernetes docs', title: 'Multi-tenancy: sandboxing containers', url: 'https://kubernetes.io/docs/concepts/security/multi-tenancy/#sandboxing-containers' },
      ],
      peers: { kubescape: 'C-0297' },
    },
    messages: {
      missing: '{{kind}} "{{name}}" is marked untrusted ({{why}}) but sets no runtimeClassName: its code shares the node kernel. Use a sandboxed RuntimeClass such as {{classes}}.',
      notSandboxed: '{{kind}} "{{name}}" is marked untrusted ({{why}}) but runs in RuntimeClass "{{runtimeClass}}", which is not in kubeguard.runtime.sandboxedClasses ({{classes}}).',
    },
  },
  checkWorkload({ object, workload, settings, report }) {
    const runtime = runtimeSettings(settings);
    if (runtime.untrustedNamespaces.length === 0 && runtime.untrustedSelectors.length === 0) return;
    // Each entry's own value: looking every key up again would be quadratic in the number of labels.
    const pairs = workload.podMetadata?.map('labels')?.entries().map((e) => [e.key, String(scalarOf(e) ?? '')] as [string, string]) ?? [];
    const why = untrustedBecause(runtime, object.namespace, pairs);
    if (!why) return;
    const classes = runtime.sandboxedClasses.join(', ');
    const data = { kind: object.kind, name: object.name ?? '?', why, classes };
    const entry = workload.spec.get('runtimeClassName');
    const current = entry ? scalarOf(entry) : undefined;
    if (typeof current === 'string' && runtime.sandboxedClasses.includes(current)) return;
    const fix = runtime.sandboxedClasses.slice(0, 2).map((name) => ({ title: `Run in RuntimeClass ${name}`, apply: (e: YamlEditor) => void e.set(workload.spec, 'runtimeClassName', name) }));
    if (entry && typeof current === 'string') report({ messageId: 'notSandboxed', data: { ...data, runtimeClass: current }, at: valueAt(entry), fix });
    else report({ messageId: 'missing', data, at: object.anchor, fix });
  },
});

/** Why a workload counts as untrusted, or undefined: its namespace is listed, or its pod labels match a `key=value` selector. */
function untrustedBecause(runtime: ReturnType<typeof runtimeSettings>, namespace: string | undefined, labels: ReadonlyArray<[string, string]>): string | undefined {
  if (namespace && runtime.untrustedNamespaces.includes(namespace)) return `namespace ${namespace}`;
  for (const selector of runtime.untrustedSelectors) {
    const [key, value] = selector.split('=').map((s) => s.trim());
    if (labels.some(([k, v]) => k === key && (value === undefined || v === value))) return `label ${selector}`;
  }
  return undefined;
}
