import rule from '../../../shared/src/rules/sensitive-host-path';
import { runRuleTests } from '../../harness/ruleTester';
import { yaml } from '../../harness/yaml';

const pod = (path: string) => yaml`
  apiVersion: v1
  kind: Pod
  spec:
    containers: [{name: a}]
    volumes:
      - name: v
        hostPath: {path: ${path}}`;

runRuleTests(rule, {
  valid: [
    { name: 'an application directory', code: pod('/var/log/app') },
    { name: 'certificates below /etc are not its secrets', code: pod('/etc/ssl/certs') },
    { name: 'a device node', code: pod('/dev/fuse') },
  ],
  invalid: [
    {
      name: 'the docker socket, written with extra slashes',
      code: pod('//var/run//docker.sock'),
      errors: [{ messageId: 'socket', data: { volume: 'v', path: '"//var/run//docker.sock"', exposes: 'which is' }, line: 7, column: 24, endColumn: 46, severity: 'error' }],
      output: null,
    },
    {
      name: 'a folder that contains the containerd socket',
      code: pod('/run/containerd'),
      errors: [{ messageId: 'socket', data: { volume: 'v', path: '"/run/containerd"', exposes: 'which contains /run/containerd/containerd.sock, that is' }, line: 7, column: 24, severity: 'error' }],
    },
    {
      name: 'the node root',
      code: pod('/'),
      errors: [{ messageId: 'sensitive', data: { volume: 'v', path: '"/"', exposes: 'which holds', holds: 'the node\'s whole file system' }, line: 7, column: 24, severity: 'warning' }],
    },
    {
      name: 'inside the kubelet directory',
      code: pod('/var/lib/kubelet/pods'),
      errors: [{ messageId: 'sensitive', data: { volume: 'v', path: '"/var/lib/kubelet/pods"', exposes: 'which is inside /var/lib/kubelet, which holds', holds: 'the kubelet\'s data, including other pods\' secrets and tokens' }, line: 7, column: 24 }],
    },
    {
      name: '/etc with a trailing slash',
      code: pod('/etc/'),
      errors: [{ messageId: 'sensitive', data: { volume: 'v', path: '"/etc/"', exposes: 'which holds', holds: 'the node\'s configuration, password and sudoers files' }, line: 7, column: 24 }],
    },
    {
      name: 'a parent of the kubelet directory',
      code: pod('/var/lib'),
      errors: [{ messageId: 'sensitive', data: { volume: 'v', path: '"/var/lib"', exposes: 'which contains /var/lib/kubelet, which holds', holds: 'the kubelet\'s data, including other pods\' secrets and tokens' }, line: 7, column: 24 }],
    },
  ],
});
