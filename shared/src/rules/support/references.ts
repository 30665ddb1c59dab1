/** @file Documentation links several of the image, secret and exposure rules cite. */
import type { Reference } from '../../engine/rule';

export const imagesReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Images',
  url: 'https://kubernetes.io/docs/concepts/containers/images/',
};

export const secretsGoodPracticesReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Good practices for Kubernetes Secrets',
  url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
};

export const securityChecklistReference: Reference = {
  standard: 'Kubernetes docs',
  title: 'Security Checklist',
  url: 'https://kubernetes.io/docs/concepts/security/security-checklist/',
};
