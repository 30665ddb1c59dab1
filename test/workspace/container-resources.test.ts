import rule from '../../shared/src/rules/container-resources';
import { runWorkspaceRuleTests } from '../harness/workspaceTester';
import { deployment } from './fixtures';

const withResources = (resources: string, namespace = 'shop') => deployment('web', { namespace, containers: `[{name: app, image: nginx, resources: ${resources}}]` });
const quota = (hard: string, extra: string[] = []) => ['apiVersion: v1', 'kind: ResourceQuota', 'metadata: {name: compute, namespace: shop}', 'spec:', `  hard: {${hard}}`, ...extra, ''].join('\n');
const limitRange = (item: string) => ['apiVersion: v1', 'kind: LimitRange', 'metadata: {name: defaults, namespace: shop}', 'spec:', `  limits: [{type: Container, ${item}}]`, ''].join('\n');
const base = { container: 'app', kind: 'Deployment', name: 'web' };

runWorkspaceRuleTests(rule, {
  valid: [
    { name: 'requests and a memory limit', files: { 'app.yaml': withResources('{requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}') } },
    { name: 'limits alone: the API defaults requests from them (trap)', files: { 'app.yaml': withResources('{limits: {cpu: 500m, memory: 128Mi}}') } },
    { name: 'a LimitRange in another file fills in the defaults', files: { 'app.yaml': deployment('web', { namespace: 'shop' }), 'lr.yaml': limitRange('defaultRequest: {cpu: 100m, memory: 64Mi}, default: {memory: 128Mi}') } },
    { name: 'a LimitRange max becomes the default limit and request', files: { 'app.yaml': deployment('web', { namespace: 'shop' }), 'lr.yaml': limitRange('max: {cpu: "2", memory: 1Gi}') } },
    { name: 'limits.cpu satisfies a quota on cpu: requests default from limits', files: { 'app.yaml': withResources('{limits: {cpu: 500m, memory: 128Mi}}'), 'quota.yaml': quota('cpu: "4"') } },
    {
      name: 'a file a kustomization names as a patch is a partial edit, not a workload of its own',
      files: {
        'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: image.yaml\npatchesStrategicMerge: [replicas.yaml]\n',
        'overlay/image.yaml': deployment('web', { containers: '[{name: app, image: nginx:1.27}]' }),
        'overlay/replicas.yaml': deployment('web', { containers: '[{name: app}]' }),
        'base/app.yaml': withResources('{requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}'),
      },
    },
    { name: 'ephemeral containers are not admitted through a quota', files: { 'app.yaml': deployment('web', { namespace: 'shop', extraSpec: ['ephemeralContainers: [{name: debug, image: busybox}]'], containers: '[{name: app, image: nginx, resources: {limits: {cpu: 1, memory: 1Gi}}}]' }) } },
  ],
  invalid: [
    {
      name: 'no resources at all; the fix inserts a commented block of placeholders',
      files: { 'app.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app # main\n      image: nginx\n' },
      errors: [{ file: 'app.yaml', messageId: 'missing', data: { container: 'app', kind: 'Pod', name: 'web', resources: 'requests.cpu, requests.memory, limits.memory' }, line: 6, column: 7, severity: 'warning' }],
      output: {
        'app.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app # main\n      image: nginx\n      # kubeguard: PLACEHOLDER sizes; set them from the observed usage of this container.\n      resources:\n        requests:\n          cpu: "100m"\n          memory: "128Mi"\n        limits:\n          memory: "256Mi"\n',
      },
    },
    {
      name: 'partial resources: the fix adds only what is missing, into the existing maps',
      files: { 'app.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app\n      image: nginx\n      resources:\n        requests:\n          cpu: 100m\n' },
      errors: [{ file: 'app.yaml', messageId: 'missing', data: { container: 'app', kind: 'Pod', name: 'web', resources: 'requests.memory, limits.memory' }, line: 6, column: 7 }],
      output: {
        'app.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app\n      image: nginx\n      resources:\n        requests:\n          cpu: 100m\n          memory: "128Mi"\n        limits:\n          memory: "256Mi"\n',
      },
    },
    {
      name: 'under a quota tracking CPU in another file, a container without CPU values is rejected: an error',
      files: { 'app.yaml': withResources('{requests: {memory: 64Mi}, limits: {memory: 128Mi}}'), 'quota.yaml': quota('requests.cpu: "4", limits.cpu: "8", requests.memory: 8Gi') },
      errors: [{ file: 'app.yaml', messageId: 'rejected', data: { ...base, resources: 'requests.cpu, limits.cpu', quota: 'compute', namespace: 'namespace "shop"' }, line: 11, column: 21, severity: 'error' }],
      output: { 'app.yaml': withResources('{requests: {memory: 64Mi, cpu: "100m"}, limits: {memory: 128Mi, cpu: "500m"}}') },
    },
    {
      name: 'init containers count; the quota\'s namespace comes from a kustomization',
      files: {
        'kustomization.yaml': 'namespace: shop\nresources: [app.yaml, quota.yaml]\n',
        'app.yaml': deployment('web', { extraSpec: ['initContainers: [{name: init, image: busybox}]'], containers: '[{name: app, image: nginx, resources: {limits: {cpu: 1, memory: 1Gi}}}]' }),
        'quota.yaml': quota('memory: 8Gi').replace('namespace: shop', 'namespace: other'),
      },
      errors: [{ file: 'app.yaml', messageId: 'rejected', data: { container: 'init', kind: 'Deployment', name: 'web', resources: 'requests.memory', quota: 'compute', namespace: 'namespace "shop"' }, line: 10, column: 25, severity: 'error' }],
    },
    {
      name: 'a scoped quota is not a certain rejection: a warning',
      files: { 'app.yaml': withResources('{limits: {memory: 128Mi}}'), 'quota.yaml': quota('requests.cpu: "4"', ['  scopes: [NotBestEffort]']) },
      errors: [{ file: 'app.yaml', messageId: 'missing', data: { ...base, resources: 'requests.cpu' }, line: 11, column: 21, severity: 'warning' }],
    },
    {
      name: 'JSON: the placeholders without a comment',
      files: { 'pod.json': '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "web"},\n  "spec": {"containers": [{"name": "app", "image": "nginx"}]}\n}\n' },
      errors: [{ file: 'pod.json', messageId: 'missing', data: { container: 'app', kind: 'Pod', name: 'web', resources: 'requests.cpu, requests.memory, limits.memory' }, line: 5, column: 28 }],
      output: { 'pod.json': '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "web"},\n  "spec": {"containers": [{"name": "app", "image": "nginx", "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"memory": "256Mi"}}}]}\n}\n' },
    },
  ],
});
