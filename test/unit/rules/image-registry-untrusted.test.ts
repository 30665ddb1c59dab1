import { DEFAULT_SETTINGS, type Settings } from '../../../shared/src/engine/config';
import rule from '../../../shared/src/rules/image-registry-untrusted';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

/** The setting the lead is to add to Settings; passed through as the rule reads it. */
const trusting = (...registries: unknown[]): Settings => ({ ...DEFAULT_SETTINGS, images: { trustedRegistries: registries } }) as unknown as Settings;

const pod = yaml`
  apiVersion: v1
  kind: Pod
  spec:
    containers:
      - name: app
        image: registry.example.com/team/app:1.4.2
      - name: proxy
        image: envoyproxy/envoy:v1.31.0
      - name: tools
        image: ghcr.io/acme-evil/tools:2.0.0
`;

runRuleTests(rule, {
  valid: [
    { name: 'off when no registry is configured', code: pod },
    { name: 'off when the setting is malformed', code: pod, settings: ({ ...DEFAULT_SETTINGS, images: { trustedRegistries: 'registry.example.com' } }) as unknown as Settings },
    { name: 'every image from a trusted registry or prefix', code: pod, settings: trusting('registry.example.com', 'docker.io/envoyproxy', 'ghcr.io/acme-evil') },
  ],
  invalid: [
    {
      name: 'Docker Hub images and lookalike prefixes are not trusted',
      settings: trusting('registry.example.com', 'ghcr.io/acme', 42),
      code: pod,
      errors: [
        { messageId: 'untrusted', data: { container: 'proxy', image: 'envoyproxy/envoy:v1.31.0', registry: 'docker.io (Docker Hub, docker.io/envoyproxy/envoy)', trusted: 'registry.example.com, ghcr.io/acme' }, line: 8, column: 14, endLine: 8, endColumn: 38, severity: 'warning' },
        { messageId: 'untrusted', data: { container: 'tools', image: 'ghcr.io/acme-evil/tools:2.0.0', registry: 'ghcr.io', trusted: 'registry.example.com, ghcr.io/acme' }, line: 10, column: 14 },
      ],
      output: null,
    },
  ],
});
