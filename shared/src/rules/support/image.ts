/**
 * @file Container image references read the way the container runtime reads them
 * (distribution/reference): registry host vs Docker Hub, ports, tags, digests.
 */
import { scalarOf, type Entry } from '../../model/node';
import type { Container, Workload } from '../../model/workload';

export interface ImageReference {
  /** The text as written. */
  readonly original: string;
  /** The registry host (with port), normalised: Docker Hub is `docker.io`. */
  readonly registry: string;
  /** Whether the reference names its registry; `nginx` and `bitnami/redis` do not. */
  readonly explicitRegistry: boolean;
  /** The repository path inside the registry; Docker Hub official images get `library/`. */
  readonly repository: string;
  readonly tag?: string;
  /** `algorithm:hex`. */
  readonly digest?: string;
  /** Offset of the registry part in `original` (0) and its length; 0 when the registry is implicit. */
  readonly registryLength: number;
}

const DOCKER_HUB = 'docker.io';
const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
const TAG = /^[\w][\w.-]{0,127}$/;
/** What the reference grammar accepts after `@`; whether the registry can resolve it is checked by `digestIsValid`. */
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[A-Za-z0-9=_-]+$/;
/** Well-known digest algorithms and their encoded lengths (lowercase hex). */
const DIGEST_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128, blake3: 64 };
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:]+\])(?::\d+)?$/;

/**
 * Parses an image reference. Returns undefined for text that is not one: empty, templated
 * (`$(IMAGE)`, `${TAG}`, `{{ .Values.image }}`) or malformed, so rules stay silent on it.
 */
export function parseImage(text: string): ImageReference | undefined {
  const original = text;
  if (!text || /[\s${}<>]/.test(text)) return undefined;
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const slash = rest.indexOf('/');
  const first = slash === -1 ? '' : rest.slice(0, slash);
  // As in the Docker CLI: the first component is a host when it has a dot, a port, or is localhost (or has capitals).
  const hasHost = slash !== -1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  let registry = DOCKER_HUB;
  let repository = rest;
  let registryLength = 0;
  if (hasHost) {
    if (!HOST.test(first)) return undefined;
    registry = HUB_ALIASES.has(first.toLowerCase()) ? DOCKER_HUB : first.toLowerCase();
    repository = rest.slice(slash + 1);
    registryLength = first.length;
  }
  if (!repository || !repository.split('/').every((c) => PATH_COMPONENT.test(c))) return undefined;
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  return {
    original,
    registry,
    explicitRegistry: hasHost,
    repository,
    registryLength,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/** `registry/repository`, the form trusted-registry prefixes are matched against. */
export function fullName(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}`;
}

/**
 * How far a reference pins the image:
 * - `digest`: immutable; `bad-digest`: a digest no registry can resolve (short, uppercase, unknown algorithm);
 * - `fixed`: a tag that by convention names one build (`1.25.3`, `v2.1.0-alpine`, a git SHA, anything unknown);
 * - `floating`: a tag that by convention moves (`1.25`, `3`, `stable`, `nightly`, `3.12-slim`);
 * - `latest` / `none`: the moving default.
 */
export type Pinning = 'digest' | 'bad-digest' | 'fixed' | 'floating' | 'latest' | 'none';

const FLOATING_WORDS = new Set([
  'stable', 'mainline', 'main', 'master', 'dev', 'develop', 'development', 'edge', 'nightly', 'canary', 'beta', 'alpha', 'next',
  'lts', 'current', 'release', 'rolling', 'snapshot', 'unstable', 'testing', 'head', 'trunk', 'prod', 'production', 'staging', 'nonroot', 'debug',
]);

/**
 * A well-known algorithm needs exactly its number of lowercase hex digits, as registries and
 * runtimes require; an algorithm we do not know gets the benefit of the doubt when it is long enough.
 */
export function digestIsValid(digest: string): boolean {
  const [algorithm, encoded] = digest.split(':') as [string, string];
  const length = DIGEST_LENGTHS[algorithm];
  if (length === undefined) return /^[a-z0-9=_-]{32,}$/.test(encoded);
  return encoded.length === length && /^[0-9a-f]+$/.test(encoded);
}

export function pinningOf(ref: ImageReference): Pinning {
  if (ref.digest) return digestIsValid(ref.digest) ? 'digest' : 'bad-digest';
  if (ref.tag === undefined) return 'none';
  if (ref.tag === 'latest') return 'latest';
  const official = ref.registry === 'docker.io' && ref.repository.startsWith('library/');
  return isFloatingTag(ref.tag, official) ? 'floating' : 'fixed';
}

/**
 * Conservative: only tags that move by convention count; unknown tags are taken as fixed.
 * Short version tags (3, 1.25, 3.12-slim) and variant-only tags (alpine) float on Docker Hub's
 * official images, which document that; elsewhere `1.0` is as often a release that never moves, so only words like stable count.
 */
export function isFloatingTag(tag: string, official: boolean): boolean {
  if (/^v?\d+\.\d+\.\d+/i.test(tag)) return false;
  if (official && /^v?\d{1,3}(?:\.\d+)?(?:[-_][\w.-]*)?$/i.test(tag)) return true;
  // Official images publish variant-only aliases (alpine, slim, bookworm) that follow the newest version.
  if (official && !/\d/.test(tag)) return true;
  return tag.toLowerCase().split(/[-_.]/).some((word) => word === 'latest' || FLOATING_WORDS.has(word));
}

/**
 * Whether a trusted-registry entry admits the image. Entries are a host (`registry.example.com`,
 * `localhost:5000`, `docker.io`), a host and path prefix (`ghcr.io/acme`), or a host pattern
 * with a leading `*.` (`*.dkr.ecr.eu-west-1.amazonaws.com`).
 */
export function registryAllows(entry: string, ref: ImageReference): boolean {
  const pattern = entry.trim().replace(/\/+$/, '').toLowerCase();
  if (!pattern) return false;
  const slash = pattern.indexOf('/');
  const host = normaliseHost(slash === -1 ? pattern : pattern.slice(0, slash));
  const prefix = slash === -1 ? '' : pattern.slice(slash + 1);
  const hostMatches = host.startsWith('*.') ? ref.registry.endsWith(host.slice(1)) : ref.registry === host;
  if (!hostMatches) return false;
  if (!prefix) return true;
  const repo = ref.repository.toLowerCase();
  // `docker.io/nginx` means the official image, stored as library/nginx.
  const candidates = ref.registry === DOCKER_HUB && repo.startsWith('library/') ? [repo, repo.slice('library/'.length)] : [repo];
  return candidates.some((r) => r === prefix || r.startsWith(`${prefix}/`));
}

function normaliseHost(host: string): string {
  return HUB_ALIASES.has(host) ? DOCKER_HUB : host;
}

/** Every container's image with its entry, parsed; containers without a parsable image are left out. */
export function containerImages(workload: Workload): Array<{ container: Container; entry: Entry; ref: ImageReference }> {
  const out: Array<{ container: Container; entry: Entry; ref: ImageReference }> = [];
  for (const container of workload.containers) {
    const entry = container.map.get('image');
    const text = scalarOf(entry);
    const ref = typeof text === 'string' ? parseImage(text) : undefined;
    if (entry && ref) out.push({ container, entry, ref });
  }
  return out;
}
