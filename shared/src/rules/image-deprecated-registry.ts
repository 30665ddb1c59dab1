/** @file k8s.gcr.io is frozen; the Kubernetes project serves its images from registry.k8s.io. */
import { isScalar, type Scalar } from 'yaml';
import { defineRule } from '../engine/rule';
import { valueAt } from '../model/node';
import { containerImages } from './support/image';
import { imagesReference } from './support/references';

const OLD = 'k8s.gcr.io';
const NEW = 'registry.k8s.io';

export default defineRule({
  meta: {
    id: 'image-deprecated-registry',
    title: 'Image from the frozen k8s.gcr.io registry',
    severity: 'warning',
    category: 'images',
    fixable: 'safe',
    docs: {
      summary: 'Flags container images from k8s.gcr.io, which has been frozen since April 2023, and rewrites them to registry.k8s.io.',
      why: 'No new images or security fixes are published to k8s.gcr.io, so workloads pinned there stay on old, vulnerable builds, and pulls break when the old endpoint stops redirecting. registry.k8s.io serves the same images under the same names and digests.',
      fix: 'Replace the k8s.gcr.io host with registry.k8s.io; names, tags and digests stay the same. The quick fix is safe.',
      example: 'image: registry.k8s.io/pause:3.9',
      references: [{ standard: 'Kubernetes blog', title: 'k8s.gcr.io Image Registry Will Be Frozen From the 3rd of April 2023', url: 'https://kubernetes.io/blog/2023/02/06/k8s-gcr-io-freeze-announcement/' }, imagesReference],
      peers: { kubescape: 'C-0253' },
    },
    messages: {
      frozen: 'Container "{{container}}" uses {{image}} from k8s.gcr.io, which is frozen and gets no fixes. Use {{replacement}}.',
    },
  },
  checkWorkload({ workload, report }) {
    for (const { container, entry, ref } of containerImages(workload)) {
      if (ref.registry !== OLD) continue;
      const replacement = NEW + ref.original.slice(ref.registryLength);
      // Only the host is replaced, inside the scalar as written, so plain stays plain and quotes stay.
      const scalar = entry.valueNode === entry.value && !entry.mergedVia && isScalar(entry.value) ? (entry.value as Scalar) : undefined;
      const quote = scalar?.type === 'QUOTE_DOUBLE' || scalar?.type === 'QUOTE_SINGLE' ? 1 : scalar?.type === 'PLAIN' ? 0 : undefined;
      const start = scalar?.range && quote !== undefined ? scalar.range[0] + quote : undefined;
      const text = workload.object.segment.text;
      const editable = start !== undefined && text.slice(start, start + ref.registryLength) === OLD;
      report({
        messageId: 'frozen',
        data: { container: container.name, image: ref.original, replacement },
        at: valueAt(entry),
        fix: editable ? { title: `Use ${replacement}`, apply: (e) => e.replace(start!, start! + ref.registryLength, NEW) } : [],
      });
    }
  },
});
