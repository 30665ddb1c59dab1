import rule from '../../../shared/src/rules/nginx-snippet-annotation';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'dedicated annotations, and snippets disabled', code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
        annotations:
          nginx.ingress.kubernetes.io/rewrite-target: /
          nginx.ingress.kubernetes.io/proxy-body-size: 8m
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: ingress-nginx-controller}
      data: {allow-snippet-annotations: "false"}` },
  ],
  invalid: [
    {
      name: 'a snippet annotation is removed by the fix',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          annotations:
            nginx.ingress.kubernetes.io/ssl-redirect: "true" # keep
            nginx.ingress.kubernetes.io/configuration-snippet: |
              more_set_headers "X-Frame-Options: DENY";
            nginx.org/server-snippets: "return 200;"
      `,
      errors: [
        { messageId: 'snippet', data: { name: 'web', annotation: 'nginx.ingress.kubernetes.io/configuration-snippet' }, line: 7, column: 5, endLine: 7, endColumn: 54, severity: 'warning' },
        { messageId: 'snippet', data: { name: 'web', annotation: 'nginx.org/server-snippets' }, line: 9, column: 5 },
      ],
      output: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          annotations:
            nginx.ingress.kubernetes.io/ssl-redirect: "true" # keep
      `,
    },
    {
      name: 'the controller ConfigMap that allows snippets',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
        data:
          allow-snippet-annotations: "true"
      `,
      errors: [{ messageId: 'allowSnippets', data: { name: 'ingress-nginx-controller' }, line: 5, column: 30, endLine: 5, endColumn: 36 }],
      output: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
        data:
          allow-snippet-annotations: "false"
      `,
    },
  ],
});
