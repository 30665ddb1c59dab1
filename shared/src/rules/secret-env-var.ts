/** @file Secrets consumed as environment variables leak more easily than Secrets mounted as files. */
import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import { secretsGoodPracticesReference } from './support/references';

export default defineRule({
  meta: {
    id: 'secret-env-var',
    title: 'Secret exposed as an environment variable',
    severity: 'info',
    category: 'secrets',
    docs: {
      summary: 'Notes containers that read Secrets into environment variables, through env[].valueFrom.secretKeyRef or envFrom[].secretRef.',
      why: 'Environment variables are inherited by every child process, printed by crash handlers, debug endpoints and `env` in a shell, and end up in logs and core dumps; an attacker with read access to /proc of the container, or to a log pipeline, collects them. A Secret mounted as a file is readable only by processes that open it, can be updated without a restart, and can be restricted by file mode.',
      fix: 'Mount the Secret as a volume and have the application read the file (many images accept a *_FILE variable pointing to it). The change needs the application\'s support, so there is no automatic fix.',
      example: 'volumes:\n  - name: db\n    secret:\n      secretName: db-credentials\ncontainers:\n  - name: app\n    env:\n      - name: DB_PASSWORD_FILE\n        value: /run/secrets/db/password\n    volumeMounts:\n      - name: db\n        mountPath: /run/secrets/db\n        readOnly: true',
      references: [secretsGoodPracticesReference, { standard: 'CIS', title: 'CIS Kubernetes Benchmark 5.4.1: Prefer using secrets as files over secrets as environment variables', url: 'https://www.cisecurity.org/benchmark/kubernetes', control: '5.4.1' }],
      peers: { kubeLinter: 'read-secret-from-env-var', checkov: 'CKV_K8S_35', kubescape: 'C-0207', kubesec: 'SecretsAsEnvironmentVariables' },
    },
    messages: {
      keyRef: 'Container "{{container}}" reads key {{key}} of Secret "{{secret}}" into environment variable {{variable}}, where child processes, crash dumps and logs can leak it. Prefer mounting the Secret as a file.',
      envFrom: 'Container "{{container}}" loads every key of Secret "{{secret}}" as environment variables, where child processes, crash dumps and logs can leak them. Prefer mounting the Secret as a file.',
    },
  },
  checkWorkload({ workload, report }) {
    for (const container of workload.containers) {
      for (const { map } of container.map.seq('env')?.maps() ?? []) {
        const ref = map.map('valueFrom')?.get('secretKeyRef');
        const refMap = map.map('valueFrom')?.map('secretKeyRef');
        if (!ref || !refMap) continue;
        report({
          messageId: 'keyRef',
          data: { container: container.name, key: refMap.string('key') ?? '?', secret: refMap.string('name') ?? '?', variable: map.string('name') ?? '?' },
          at: (ref.mergedVia ?? ref.keyNode) as Node,
        });
      }
      for (const { map } of container.map.seq('envFrom')?.maps() ?? []) {
        const ref = map.get('secretRef');
        const refMap = map.map('secretRef');
        if (!ref || !refMap) continue;
        report({ messageId: 'envFrom', data: { container: container.name, secret: refMap.string('name') ?? '?' }, at: (ref.mergedVia ?? ref.keyNode) as Node });
      }
    }
  },
});
