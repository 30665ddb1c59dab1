/** @file A moving tag with a pull policy other than Always runs whatever the node cached. */
import { defineRule, type Severity } from '../engine/rule';
import { scalarOf, valueAt } from '../model/node';
import { containerImages, pinningOf } from './support/image';
import { imagesReference } from './support/references';

export default defineRule({
  meta: {
    id: 'image-pull-policy',
    title: 'Mutable image tag without imagePullPolicy: Always',
    severity: 'warning',
    category: 'images',
    fixable: 'unsafe',
    docs: {
      summary: 'Flags containers whose image tag moves by convention (none, latest, or floating tags such as 1.25, 3, stable, nightly) and whose effective imagePullPolicy is not Always. latest and untagged images are warnings; other floating tags, whose default policy is IfNotPresent, are info.',
      why: 'With IfNotPresent or Never the node runs whatever image it cached under that name: different nodes run different builds, a fixed vulnerability stays running, and a pod can start from a private image another tenant pulled onto the node without having the pull secret itself.',
      fix: 'Pin the image by version or digest; if the tag must move, set imagePullPolicy: Always so every start resolves it against the registry and checks the pull credentials. The quick fix sets Always; it is unsafe because pods then fail to start while the registry is unreachable.',
      example: 'image: registry.example.com/web:stable\nimagePullPolicy: Always',
      references: [imagesReference, { standard: 'Kubernetes docs', title: 'Admission controllers: AlwaysPullImages', url: 'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#alwayspullimages' }],
      peers: { checkov: 'CKV_K8S_15', polaris: 'pullPolicyNotAlways', kubescape: 'C-0075', kubeScore: 'container-image-pull-policy' },
    },
    messages: {
      policy: 'Container "{{container}}" uses the moving tag of {{image}} with imagePullPolicy {{policy}}: nodes keep running whatever they cached under that name. Pin the version, or set imagePullPolicy: Always.',
    },
  },
  checkWorkload({ workload, report }) {
    for (const { container, entry, ref } of containerImages(workload)) {
      const pinning = pinningOf(ref);
      if (pinning === 'digest' || pinning === 'bad-digest' || pinning === 'fixed') continue;
      const policyEntry = container.map.get('imagePullPolicy');
      const written = scalarOf(policyEntry);
      // The API server defaults the policy to Always for latest and untagged images, IfNotPresent otherwise.
      const policy = typeof written === 'string' ? written : pinning === 'floating' ? 'IfNotPresent' : 'Always';
      if (policy === 'Always') continue;
      const severity: Severity = pinning === 'floating' ? 'info' : 'warning';
      report({
        messageId: 'policy',
        data: { container: container.name, image: ref.original, policy: typeof written === 'string' ? written : `${policy} (the default)` },
        at: policyEntry && typeof written === 'string' ? valueAt(policyEntry) : valueAt(entry),
        severity,
        fix: { title: 'Set imagePullPolicy: Always', apply: (e) => e.set(container.map, 'imagePullPolicy', 'Always') },
      });
    }
  },
});
