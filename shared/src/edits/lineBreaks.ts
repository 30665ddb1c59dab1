/**
 * @file Fixes are written with `\n`. A file written with CRLF throughout gets CRLF in what a fix
 * inserts, so it does not end up with mixed line breaks. The editor (server/src/codeActions.ts,
 * fixAll.ts) and the CLI (cli/src/fix.ts) both pass their edits through here, so they agree.
 * A file with mixed or no line breaks is left as the fixes write it.
 */

/** The line break a file is written with: CRLF when every line break in it is one, else LF. */
export function lineBreakOf(text: string): '\n' | '\r\n' {
  return text.includes('\r\n') && !/(?:^|[^\r])\n/.test(text) ? '\r\n' : '\n';
}

/** The edits with the file's line break in their text (`\n` not already preceded by `\r` becomes `\r\n` in a CRLF file). */
export function withFileLineBreaks<E extends { readonly text: string }>(fileText: string, edits: readonly E[]): E[] {
  if (lineBreakOf(fileText) === '\n' || !edits.some((edit) => edit.text.includes('\n'))) return [...edits];
  return edits.map((edit) => (edit.text.includes('\n') ? { ...edit, text: edit.text.replace(/\r?\n/g, '\r\n') } : edit));
}
