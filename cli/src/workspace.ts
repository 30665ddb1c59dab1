/** @file Folder-level context for a scan: every input is indexed before any is linted, so cross-file findings match the editor's. */
import { pathToFileURL } from 'node:url';
import type { Settings } from '../../shared/src/engine/config';
import { lintText, type FileResult } from '../../shared/src/engine/lint';
import { factsOf, indexText } from '../../shared/src/workspace/facts';
import { WorkspaceIndex } from '../../shared/src/workspace/index';
import { lintWorkspaceFile, mergeWorkspaceFindings } from '../../shared/src/workspace/lint';
import type { Input } from './files';

export class ScanWorkspace {
  private readonly index = new WorkspaceIndex();

  /** Indexes every input's facts (Namespaces, NetworkPolicies, workloads, references…) up front. */
  constructor(inputs: ReadonlyMap<Input, string>) {
    for (const [input, text] of inputs) this.index.set(uriOf(input), indexText(uriOf(input), text));
  }

  /** Lints one input's (possibly fixed) text: its own findings, with the workspace's Namespaces, plus its cross-file findings. */
  lint(input: Input, text: string, settings: Settings): FileResult {
    const uri = uriOf(input);
    const result = lintText(text, { settings, fileName: input.absolute, namespaces: this.index.namespaces() });
    // Re-index this text: a fix pass changes offsets, and cross-file findings are placed by the index's facts.
    this.index.set(uri, factsOf(uri, result));
    return mergeWorkspaceFindings(result, lintWorkspaceFile(this.index, uri, { settings, text, source: result }));
  }
}

function uriOf(input: Input): string {
  return input.absolute !== undefined ? pathToFileURL(input.absolute).href : 'untitled:stdin';
}
