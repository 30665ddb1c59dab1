/** @file What a workspace rule sees (the file's facts and a recording view of every other file's) and how it reports. */
import type { TextEdit } from '../edits/editor';
import type { Settings } from '../engine/config';
import type { Severity } from '../engine/rule';
import type { Span } from '../model/node';
import type { K8sObject } from '../model/objects';
import type { Segment } from '../model/parse';
import type { Fact, FactOf, FactType } from './facts';

/** A fact with the file it comes from and the namespace it lands in. */
export interface Placed<F extends Fact = Fact> {
  readonly uri: string;
  readonly fact: F;
  /**
   * The kustomization's namespace, else `metadata.namespace`, else '' (none given: the object
   * lands in whatever namespace it is applied to). '' for cluster-scoped kinds, except a
   * Namespace, which is filed under its own name.
   */
  readonly namespace: string;
}

/**
 * Read access to the whole workspace. Every call records what the rule read, so the index
 * re-runs the rule for this file only when one of those things changes.
 */
export interface WorkspaceView {
  /** Facts of one type in one namespace ('' for cluster-scoped types), or in all namespaces when `namespace` is omitted. Stable order: file, then position. */
  list<T extends FactType>(type: T, namespace?: string): ReadonlyArray<Placed<FactOf<T>>>;
  /** Whether a file is part of the workspace (for naming new files without clobbering one). */
  hasFile(uri: string): boolean;
}

/** The parsed text of the file being checked: present for open documents and in tests, needed only to build fixes. */
export interface FileSource {
  readonly text: string;
  readonly objects: readonly K8sObject[];
  readonly segments: readonly Segment[];
}

export interface NewFile {
  /** A file name, resolved against the folder of the reported file. */
  readonly name: string;
  readonly text: string;
}

export interface WorkspaceFixDescriptor {
  readonly title: string;
  /** Overrides the rule's `fixable` for this fix. */
  readonly safe?: boolean;
  /** Edits to the reported file; undefined when this file cannot take the fix (JSON cannot hold a second document). */
  readonly edits?: (source: FileSource) => readonly TextEdit[] | undefined;
  /** Or: a new file beside the reported one. */
  readonly newFile?: NewFile;
}

export interface WorkspaceReportDescriptor<M extends string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  /** File offsets, usually a fact's `at`. */
  readonly at: Span;
  readonly severity?: Severity;
  readonly fix?: WorkspaceFixDescriptor | readonly WorkspaceFixDescriptor[];
}

export interface WorkspaceContext<M extends string> {
  readonly uri: string;
  /** The file's own facts, placed. */
  readonly file: readonly Placed[];
  readonly workspace: WorkspaceView;
  readonly settings: Settings;
  isEnabled(ruleId: string): boolean;
  report(descriptor: WorkspaceReportDescriptor<M>): void;
}
