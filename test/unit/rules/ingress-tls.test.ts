import rule from '../../../shared/src/rules/ingress-tls';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

runRuleTests(rule, {
  valid: [
    { name: 'every host covered, one by a wildcard', code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: shop}
      spec:
        tls: [{hosts: [shop.example.com, "*.api.example.com"], secretName: shop-tls}]
        rules:
          - host: shop.example.com
          - host: v1.api.example.com` },
    { name: 'TLS terminated by the cloud load balancer', code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: alb
        annotations: {alb.ingress.kubernetes.io/certificate-arn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc"}
      spec:
        rules: [{host: shop.example.com}]` },
    { name: 'a tls entry without hosts covers every host', code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: default-cert}
      spec:
        tls: [{secretName: wildcard-tls}]
        rules: [{host: a.example.com}]` },
  ],
  invalid: [
    {
      name: 'no tls at all: the fix adds an entry for every host',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          annotations:
            cert-manager.io/cluster-issuer: letsencrypt # issues shop-tls
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
            - host: www.shop.example.com
      `,
      errors: [{ messageId: 'noTls', data: { name: 'shop' }, line: 9, column: 3, endLine: 9, endColumn: 8, severity: 'warning' }],
      output: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          annotations:
            cert-manager.io/cluster-issuer: letsencrypt # issues shop-tls
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
            - host: www.shop.example.com
          tls:
            - hosts:
                - shop.example.com
                - www.shop.example.com
              secretName: shop-tls
      `,
    },
    {
      name: 'a host no tls entry lists; a wildcard covers one label only',
      code: yaml`
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: mixed}
        spec:
          tls: [{hosts: ["*.example.com"], secretName: wildcard}]
          rules:
            - host: a.example.com
            - host: a.b.example.com
      `,
      errors: [{ messageId: 'hostWithoutTls', data: { name: 'mixed', host: 'a.b.example.com' }, line: 8, column: 13, endLine: 8, endColumn: 28 }],
      output: null,
    },
  ],
});
