/** @file Images must come from the registries the team trusts, when the settings name them. */
import { defineRule } from '../engine/rule';
import { valueAt } from '../model/node';
import { containerImages, fullName, registryAllows } from './support/image';
import { imagesReference } from './support/references';
import { trustedRegistries } from './support/settings';

export default defineRule({
  meta: {
    id: 'image-registry-untrusted',
    title: 'Image from a registry that is not trusted',
    severity: 'warning',
    category: 'images',
    docs: {
      summary: 'When kubeguard.images.trustedRegistries lists registries, flags container images from any other registry. Images without a registry host come from Docker Hub (docker.io). Off when the setting is empty.',
      why: 'An image is code that runs with the pod\'s identity and Secrets. A registry outside the team\'s control can serve a typo-squatted or hijacked image, can change what a tag points to, and is not covered by the scanning and signing the trusted registries go through.',
      fix: 'Mirror or rebuild the image into a trusted registry and reference it there, or add the registry to kubeguard.images.trustedRegistries if the team decides to trust it.',
      example: '# with kubeguard.images.trustedRegistries: [registry.example.com, ghcr.io/acme, "*.dkr.ecr.eu-west-1.amazonaws.com"]\ncontainers:\n  - name: app\n    image: registry.example.com/team/app:1.4.2\n  - name: tools\n    image: ghcr.io/acme/tools:2.0.0',
      references: [imagesReference],
      peers: { kubeLinter: 'latest-tag (allowList parameter)', trivy: 'KSV-0125', kubescape: 'C-0078, C-0001' },
    },
    messages: {
      untrusted: 'Container "{{container}}" pulls {{image}} from {{registry}}, which is not among the trusted registries ({{trusted}}). Use an image from a trusted registry.',
    },
  },
  checkWorkload({ workload, settings, report }) {
    const trusted = trustedRegistries(settings);
    if (trusted.length === 0) return;
    for (const { container, entry, ref } of containerImages(workload)) {
      if (trusted.some((t) => registryAllows(t, ref))) continue;
      const registry = ref.explicitRegistry ? ref.registry : `${ref.registry} (Docker Hub, ${fullName(ref)})`;
      report({ messageId: 'untrusted', data: { container: container.name, image: ref.original, registry, trusted: trusted.join(', ') }, at: valueAt(entry) });
    }
  },
});
