import rule from '../../../shared/src/rules/image-deprecated-registry';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'registry.k8s.io and lookalike hosts', code: yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - {name: a, image: "registry.k8s.io/pause:3.9"}
          - {name: b, image: "eu.gcr.io/k8s.gcr.io/pause:3.1"}` },
  ],
  invalid: [
    {
      name: 'the host is rewritten, quoting and comments kept',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        spec:
          template:
            spec:
              containers:
                - name: proxy
                  image: "k8s.gcr.io/kube-proxy:v1.25.0" # pinned by ops
                - name: pause
                  image: k8s.gcr.io/pause@sha256:4444444444444444444444444444444444444444444444444444444444444444
      `,
      errors: [
        { messageId: 'frozen', data: { container: 'proxy', image: 'k8s.gcr.io/kube-proxy:v1.25.0', replacement: 'registry.k8s.io/kube-proxy:v1.25.0' }, line: 8, column: 18, endLine: 8, endColumn: 49, severity: 'warning' },
        { messageId: 'frozen', data: { container: 'pause', image: 'k8s.gcr.io/pause@sha256:4444444444444444444444444444444444444444444444444444444444444444', replacement: 'registry.k8s.io/pause@sha256:4444444444444444444444444444444444444444444444444444444444444444' }, line: 10, column: 18 },
      ],
      output: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        spec:
          template:
            spec:
              containers:
                - name: proxy
                  image: "registry.k8s.io/kube-proxy:v1.25.0" # pinned by ops
                - name: pause
                  image: registry.k8s.io/pause@sha256:4444444444444444444444444444444444444444444444444444444444444444
      `,
    },
    {
      name: 'an anchored image is rewritten where it is defined, which fixes its aliases too',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          initContainers: [{name: a, image: &img "k8s.gcr.io/pause:3.1"}]
          containers: [{name: b, image: *img}]
      `,
      errors: [
        { messageId: 'frozen', data: { container: 'a', image: 'k8s.gcr.io/pause:3.1', replacement: 'registry.k8s.io/pause:3.1' }, line: 4, column: 42 },
        { messageId: 'frozen', data: { container: 'b', image: 'k8s.gcr.io/pause:3.1', replacement: 'registry.k8s.io/pause:3.1' }, line: 5, column: 33 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          initContainers: [{name: a, image: &img "registry.k8s.io/pause:3.1"}]
          containers: [{name: b, image: *img}]
      `,
    },
  ],
});
