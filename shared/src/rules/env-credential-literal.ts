/** @file Credentials written as literal environment values are readable by anyone who can read the manifest. */
import { defineRule } from '../engine/rule';
import { scalarOf, valueAt } from '../model/node';
import { credentialLike } from './support/credentials';
import { secretsGoodPracticesReference } from './support/references';

export default defineRule({
  meta: {
    id: 'env-credential-literal',
    title: 'Credential written as a literal environment value',
    severity: 'warning',
    category: 'secrets',
    docs: {
      summary: 'Flags env[].value literals that look like credentials: a vendor token format (AWS, GitHub, GitLab, Slack, Google, Stripe, SendGrid, npm, OpenAI, Anthropic, JWT, PEM private keys), a URL with a password, or a variable named like a password, token or secret key whose value is not a path, URL, flag, number, reference or placeholder.',
      why: 'A literal value is stored in the Git history, in every copy of the manifest, in the object the API server keeps (readable by anyone who can get pods or deployments, far more people than can read Secrets) and in kubectl describe output. Rotating it means a new commit; the old value stays in history.',
      fix: 'Revoke and rotate the credential, store the new one in a Secret (created by an external secret manager, SealedSecrets or SOPS, not committed in plain text) and mount it as a file, or reference it with valueFrom.secretKeyRef.',
      example: 'env:\n  - name: DB_PASSWORD_FILE\n    value: /run/secrets/db/password',
      references: [secretsGoodPracticesReference],
      peers: { kubeLinter: 'env-var-secret', polaris: 'sensitiveContainerEnvVar', trivy: 'KSV-0109', kubescape: 'C-0012' },
    },
    messages: {
      literal: 'Container "{{container}}" sets {{variable}} to what looks like {{what}}, in plain text in the manifest. Rotate it and read it from a Secret instead.',
    },
  },
  checkWorkload({ workload, report }) {
    for (const container of workload.containers) {
      for (const { map } of container.map.seq('env')?.maps() ?? []) {
        const name = map.string('name');
        const entry = map.get('value');
        const value = scalarOf(entry);
        if (!name || !entry || typeof value !== 'string') continue;
        const what = credentialLike(name, value);
        if (what) report({ messageId: 'literal', data: { container: container.name, variable: name, what }, at: valueAt(entry) });
      }
    }
  },
});
