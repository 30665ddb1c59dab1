/** @file Images pinned by digest cannot change under the same name (a hardening opinion, so info). */
import { defineRule } from '../engine/rule';
import { valueAt } from '../model/node';
import { containerImages, pinningOf } from './support/image';
import { imagesReference } from './support/references';

export default defineRule({
  meta: {
    id: 'image-digest',
    title: 'Image not pinned by digest',
    severity: 'info',
    category: 'images',
    docs: {
      summary: 'Notes container images referenced by tag rather than by digest. Images without a tag or with latest are left to image-tag. A malformed digest (a sha256, sha384, sha512 or blake3 digest that is short or not lowercase hex) is a warning: the image cannot be pulled.',
      why: 'A tag is a pointer the registry owner (or anyone who steals their push credentials) can move: the same manifest then runs different code, and admission-time image scanning or signature checks no longer describe what runs. A digest names exactly one image. Teams disagree on the cost of updating digests, so this is a suggestion.',
      fix: 'Reference the image by digest, keeping the tag for readers (image: name:1.2.3@sha256:...), and let a bot such as Renovate or Dependabot update it.',
      example: 'image: registry.example.com/web:1.25.3@sha256:0f3c...e9a1',
      references: [imagesReference],
      peers: { checkov: 'CKV_K8S_43', kubescape: 'C-0306' },
    },
    messages: {
      tagOnly: 'Container "{{container}}" uses image {{image}} by tag, which can be moved to a different image. Consider pinning it by digest (@sha256:...).',
      badDigest: 'Container "{{container}}" names image {{image}} with a malformed digest (a sha256, sha384, sha512 or blake3 digest is lowercase hex of full length): the image will not pull, and it is not pinned. Copy the full digest from the registry.',
    },
  },
  checkWorkload({ workload, report, isEnabled }) {
    for (const { container, entry, ref } of containerImages(workload)) {
      const pinning = pinningOf(ref);
      if (pinning === 'digest' || ((pinning === 'none' || pinning === 'latest') && isEnabled('image-tag'))) continue;
      const data = { container: container.name, image: ref.original };
      // A broken digest stops the pod from starting: worth more than a suggestion.
      if (pinning === 'bad-digest') report({ messageId: 'badDigest', data, at: valueAt(entry), severity: 'warning' });
      else report({ messageId: 'tagOnly', data, at: valueAt(entry) });
    }
  },
});
