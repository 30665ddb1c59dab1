/**
 * @file Kustomize's `namespace:` field: the namespace transformer sets it on every namespaced
 * resource the kustomization lists (files, and whole folders such as a base), overriding their
 * own `metadata.namespace`. Only what can be resolved inside the workspace counts; remote bases
 * are ignored. Paths are URLs (file:///…), resolved the way the kustomization's folder sees them.
 */
import { isMap, type Node } from 'yaml';
import type { Span } from '../model/node';
import { MapView } from '../model/node';
import type { Segment } from '../model/parse';

export interface KustomizationFact {
  readonly type: 'kustomization';
  readonly at: Span;
  readonly kind: 'Kustomization';
  readonly name: undefined;
  readonly namespace: undefined;
  /** The `namespace:` it sets on its resources, when it sets one. */
  readonly targetNamespace: string | undefined;
  /** `resources:` (and the older `bases:`) entries as written. */
  readonly resources: readonly string[];
  /** Files holding patches (`patches[].path`, `patchesStrategicMerge`): partial objects, not objects of their own. */
  readonly patches: readonly string[];
}

const FILE_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

export function isKustomizationFile(uri: string): boolean {
  return FILE_NAMES.has(uri.slice(uri.lastIndexOf('/') + 1));
}

/** The kustomization a file holds (its apiVersion and kind are optional, so it is known by its name). */
export function kustomizationIn(uri: string, segments: readonly Segment[]): KustomizationFact | undefined {
  if (!isKustomizationFile(uri)) return undefined;
  for (const segment of segments) {
    const root = segment.doc?.contents as Node | null | undefined;
    if (!segment.doc || !root || !isMap(root)) continue;
    const map = new MapView(segment.doc, root as never);
    const entry = map.get('namespace');
    const targetNamespace = map.string('namespace');
    const resources = [...(map.seq('resources')?.strings() ?? []), ...(map.seq('bases')?.strings() ?? [])].map((s) => s.value);
    // Inline patches (a YAML string) name no file.
    const patches = [
      ...(map.seq('patchesStrategicMerge')?.strings() ?? []).map((s) => s.value),
      ...[...(map.seq('patches')?.maps() ?? []), ...(map.seq('patchesJson6902')?.maps() ?? [])].map((item) => item.map.string('path') ?? ''),
    ].filter((p) => p && !p.includes('\n'));
    const node = (entry?.valueNode ?? entry?.keyNode ?? root) as Node;
    const start = segment.base + (node.range?.[0] ?? 0);
    const end = segment.base + (node.range?.[1] ?? 0);
    return { type: 'kustomization', at: { start, end }, kind: 'Kustomization', name: undefined, namespace: undefined, targetNamespace: targetNamespace || undefined, resources, patches };
  }
  return undefined;
}

export interface NamespaceClaim {
  /** A file URL, or a folder URL ending in '/' that claims every file below it. */
  readonly target: string;
  readonly namespace: string;
  readonly kustomization: string;
}

const MANIFEST = /\.(?:ya?ml|json)$/i;

/** The patch files a kustomization names, as URLs. */
export function patchFilesOf(kustomizationUri: string, fact: KustomizationFact): string[] {
  return fact.patches.flatMap((entry) => {
    const target = resolve(kustomizationUri, entry);
    return target ? [target] : [];
  });
}

/** `entry` relative to the kustomization, or undefined for a remote base. */
function resolve(kustomizationUri: string, entry: string): string | undefined {
  // Remote bases (github.com/org/repo//path?ref=v1, https://…) are outside the workspace.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.includes('?ref=') || /^(?:github\.com|gitlab\.com|bitbucket\.org)\//.test(entry)) return undefined;
  try {
    return new URL(entry, kustomizationUri).href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** What a kustomization with a `namespace:` claims: each local resource, as a file or a folder. */
export function claimsOf(kustomizationUri: string, fact: KustomizationFact): NamespaceClaim[] {
  if (!fact.targetNamespace) return [];
  const claims: NamespaceClaim[] = [];
  for (const entry of fact.resources) {
    const target = resolve(kustomizationUri, entry);
    if (!target) continue;
    claims.push({ target: MANIFEST.test(target) ? target : `${target}/`, namespace: fact.targetNamespace, kustomization: kustomizationUri });
  }
  return claims;
}

/**
 * The namespace kustomizations give a file, or undefined when none does or when they disagree
 * (one base in two overlays with different namespaces: which one is deployed is not ours to guess).
 */
export function claimedNamespace(uri: string, claims: readonly NamespaceClaim[]): string | undefined {
  let found: string | undefined;
  for (const claim of claims) {
    const hit = claim.target.endsWith('/') ? uri.startsWith(claim.target) : uri === claim.target;
    if (!hit) continue;
    if (found !== undefined && found !== claim.namespace) return undefined;
    found = claim.namespace;
  }
  return found;
}

