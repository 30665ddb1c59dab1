/** @file Images should name a specific version: no tag means latest, and latest moves. */
import { defineRule } from '../engine/rule';
import { valueAt } from '../model/node';
import { containerImages, pinningOf } from './support/image';
import { imagesReference } from './support/references';

export default defineRule({
  meta: {
    id: 'image-tag',
    title: 'Image without a version tag',
    severity: 'warning',
    category: 'images',
    docs: {
      summary: 'Flags container images with no tag or the tag latest, unless they are pinned by digest.',
      why: 'latest is whatever was pushed last: a compromised or careless push reaches the cluster on the next pod restart, nobody can tell which build is running, and a rollback goes nowhere. Different nodes can run different images under the same name.',
      fix: 'Use an explicit version tag (better, a digest: image@sha256:...) and update it through a reviewed change.',
      example: 'image: registry.example.com/web:1.25.3',
      references: [imagesReference],
      peers: { kubeLinter: 'latest-tag', checkov: 'CKV_K8S_14', polaris: 'tagNotSpecified', trivy: 'KSV-0013', kubeScore: 'container-image-tag' },
    },
    messages: {
      none: 'Container "{{container}}" uses image {{image}} without a tag, which means latest: what runs changes with every push. Pin a version tag or a digest.',
      latest: 'Container "{{container}}" uses image {{image}} with the tag latest: what runs changes with every push. Pin a version tag or a digest.',
    },
  },
  checkWorkload({ workload, report }) {
    for (const { container, entry, ref } of containerImages(workload)) {
      const pinning = pinningOf(ref);
      if (pinning !== 'none' && pinning !== 'latest') continue;
      report({ messageId: pinning, data: { container: container.name, image: ref.original }, at: valueAt(entry) });
    }
  },
});
