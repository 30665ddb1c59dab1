import rule from '../../../shared/src/rules/restricted-volume-types';
import { normalizeSettings } from '../../../shared/src/engine/config';
import { restricted } from '../../harness/policy';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'allowed types, and a volume without a source (defaulted to emptyDir)', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers: [{name: a}]
        volumes:
          - {name: a, configMap: {name: c}}
          - {name: b, csi: {driver: x}}
          - {name: c, ephemeral: {volumeClaimTemplate: {spec: {}}}}
          - {name: d, image: {reference: registry.example/data:1}}
          - {name: e}` },
    { name: 'baseline allows them', settings: normalizeSettings({ podSecurity: { level: 'baseline' } }), code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers: [{name: a}]
        volumes: [{name: n, nfs: {server: nfs, path: /}}]` },
    { name: 'hostPath is host-path-volume\'s', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers: [{name: a}]
        volumes: [{name: h, hostPath: {path: /tmp}}]` },
  ],
  invalid: [
    {
      name: 'nfs, gitRepo and an unknown source; no automatic fix',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers: [{name: a}]
          volumes:
            - name: share
              nfs: {server: nfs.local, path: /exports}
            - name: code
              gitRepo: {repository: "https://example.com/repo.git"}
            - name: typo
              emptydir: {}
      `,
      errors: [
        { messageId: 'forbidden', data: { volume: 'share', type: 'nfs', policy: restricted() }, line: 7, column: 7, endColumn: 10, severity: 'warning' },
        { messageId: 'forbidden', data: { volume: 'code', type: 'gitRepo', policy: restricted() }, line: 9, column: 7 },
        { messageId: 'unknown', data: { volume: 'typo', type: 'emptydir', policy: restricted() }, line: 11, column: 7 },
      ],
      output: null,
    },
  ],
});
