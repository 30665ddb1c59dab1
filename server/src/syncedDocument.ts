/**
 * @file An open document's text as the client syncs it. `vscode-languageserver-textdocument` keeps
 * the text as one string and rebuilds it on every change: for a 4 MB bundle, 8 MB copied and left
 * to the collector per keystroke, about half of a keystroke's time and all of its major
 * collections. This keeps it as a ChunkedText instead (shared/src/model/sourceText.ts), which a
 * change updates by one small chunk and which the engine lints without joining. Positions count
 * lines the way LSP does. LineIndex breaks lines at `\n`, which is where LSP breaks them in CRLF text
 * too; only a text that has (or gets) a lone `\r`, which LSP also counts as a line break, is left to
 * a TextDocument.
 */
import { TextDocument, type DocumentUri, type Position, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { hasLoneCarriageReturn, LineIndex } from '../../shared/src/model/lines';
import { ChunkedText, type SourceText } from '../../shared/src/model/sourceText';

export class SyncedDocument implements TextDocument {
  private chunked: { text: ChunkedText; lines: LineIndex } | undefined;
  /** Set instead of `chunked` once the text has a lone `\r`. */
  private whole: TextDocument | undefined;

  private constructor(
    readonly uri: DocumentUri,
    readonly languageId: string,
    private current: number,
    content: string,
  ) {
    this.reset(content);
  }

  /** The `TextDocuments` configuration (create, update) for documents of this kind. */
  static create(uri: DocumentUri, languageId: string, version: number, content: string): SyncedDocument {
    return new SyncedDocument(uri, languageId, version, content);
  }

  static update(document: SyncedDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): SyncedDocument {
    for (const change of changes) document.apply(change);
    document.current = version;
    return document;
  }

  get version(): number {
    return this.current;
  }

  /** The text for the engine: chunks, unless a lone `\r` made it a plain string. */
  get source(): SourceText {
    return this.chunked ? this.chunked.text : this.whole!.getText();
  }

  get lineCount(): number {
    return this.chunked ? this.chunked.lines.lineCount : this.whole!.lineCount;
  }

  getText(range?: Range): string {
    if (!this.chunked) return this.whole!.getText(range);
    if (!range) return this.chunked.text.toString();
    // As String#substring, which TextDocument uses: a reversed range reads the same text.
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    return this.chunked.text.slice(Math.min(start, end), Math.max(start, end));
  }

  /** As TextDocument counts: an offset inside a CRLF is placed before it. */
  positionAt(offset: number): Position {
    if (!this.chunked) return this.whole!.positionAt(offset);
    const lines = this.chunked.lines;
    const position = lines.positionAt(offset);
    const start = lines.lineStart(position.line);
    return { line: position.line, character: this.beforeLineBreak(start + position.character, start) - start };
  }

  /** As TextDocument counts: a column past the end of a line stops before its line break. */
  offsetAt(position: Position): number {
    if (!this.chunked) return this.whole!.offsetAt(position);
    const { text, lines } = this.chunked;
    if (position.line >= lines.lineCount) return text.length;
    if (position.line < 0) return 0;
    const start = lines.lineStart(position.line);
    if (position.character <= 0) return start;
    return this.beforeLineBreak(Math.min(start + position.character, lines.lineEnd(position.line)), start);
  }

  getLineRange(line: number): Range {
    if (!this.chunked) return this.whole!.getLineRange(line);
    const lines = this.chunked.lines;
    const at = Math.min(Math.max(line, 0), lines.lineCount - 1);
    const start = lines.lineStart(at);
    const end = line < 0 ? start : line >= lines.lineCount ? this.chunked.text.length : this.beforeLineBreak(lines.lineEnd(at), start);
    return { start: { line: at, character: 0 }, end: { line: at, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    if (!this.chunked) return this.whole!.getEOLCharacters(line);
    if (line < 0 || line >= this.chunked.lines.lineCount) return '';
    const end = this.chunked.lines.lineEnd(line);
    return this.chunked.text.slice(this.beforeLineBreak(end, this.chunked.lines.lineStart(line)), end);
  }

  /** `offset`, moved back over the `\n` or `\r\n` just before it, but not before `lineStart`. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    const text = this.chunked!.text;
    let at = offset;
    while (at > lineStart && isLineBreak(text.charCodeAt(at - 1))) at--;
    return at;
  }

  private apply(change: TextDocumentContentChangeEvent): void {
    if (!('range' in change) || change.range === undefined) return this.reset(change.text);
    if (!this.chunked) {
      TextDocument.update(this.whole!, [change], this.current);
      return;
    }
    const { start, end } = wellFormed(change.range);
    const from = this.offsetAt(start);
    const to = this.offsetAt(end);
    const text = this.chunked.text.edit(from, to, change.text);
    // Only a `\r` the change typed, or one just before it, can have been left without its `\n`.
    if (loneCarriageReturnBetween(text, from - 1, from + change.text.length)) return this.reset(text.toString(), true);
    this.chunked = { text, lines: LineIndex.afterEdit(this.chunked.lines, text, { start: from, oldEnd: to, newEnd: from + change.text.length }) };
  }

  private reset(content: string, whole = hasLoneCarriageReturn(content)): void {
    if (whole) {
      this.chunked = undefined;
      this.whole = TextDocument.create(this.uri, this.languageId, this.current, content);
    } else {
      this.whole = undefined;
      const text = ChunkedText.of(content);
      this.chunked = { text, lines: new LineIndex(text) };
    }
  }
}

/** The range with its start first, as TextDocument reads a reversed one. */
function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Whether a `\r` at an offset from `from` to `to` (both included) is not followed by a `\n`. */
function loneCarriageReturnBetween(text: ChunkedText, from: number, to: number): boolean {
  for (let at = Math.max(from, 0); at <= to && at < text.length; at++) {
    if (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) !== 10) return true;
  }
  return false;
}
