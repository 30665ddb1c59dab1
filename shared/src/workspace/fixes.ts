/** @file Building workspace fixes from a file's parsed text: edit the object a fact came from, or append documents. */
import { YamlEditor, type TextEdit } from '../edits/editor';
import { isJsonText } from '../edits/format';
import type { Span } from '../model/node';
import type { K8sObject } from '../model/objects';
import type { FileSource, WorkspaceFixDescriptor } from './context';

/** Runs `apply` on an editor for the object whose anchor is at `at`; edits come back in file offsets. */
export function editObject(source: FileSource, at: Span, apply: (editor: YamlEditor, object: K8sObject) => void): TextEdit[] | undefined {
  const object = source.objects.find((o) => o.segment.base + (o.anchor.range?.[0] ?? -1) === at.start);
  if (!object) return undefined;
  const editor = new YamlEditor(object.segment);
  apply(editor, object);
  return editor.edits.map((e) => ({ start: e.start + object.segment.base, end: e.end + object.segment.base, text: e.text }));
}

/** Edits appending `text` as new documents at the end of the file; undefined for JSON, which holds one document. */
export function appendDocuments(source: FileSource, text: string): TextEdit[] | undefined {
  if (isJsonText(source.text)) return undefined;
  const last = source.segments[source.segments.length - 1];
  if (!last) return undefined;
  const editor = new YamlEditor(last).appendDocument(text);
  return editor.edits.map((e) => ({ start: e.start + last.base, end: e.end + last.base, text: e.text }));
}

/** The two places generated documents may go: the end of the reported file, or a new file beside it. */
export function generatedDocumentFixes(what: string, text: string, newFileName: string): WorkspaceFixDescriptor[] {
  return [
    { title: `Add ${what} at the end of this file`, edits: (source) => appendDocuments(source, text) },
    { title: `Add ${what} in a new file ${newFileName}`, newFile: { name: newFileName, text: text + '\n' } },
  ];
}
