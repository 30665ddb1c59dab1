/**
 * @file How outgoing messages become bytes on stdio. LSP resends all of a document's diagnostics after
 * every keystroke: on a 5,000-line manifest that is 300 diagnostics, ≈ 150 KB of JSON, and encoding it
 * with `JSON.stringify` was the largest single cost of a keystroke. Diagnostic reports built by
 * `toDiagnostics` are therefore encoded from pieces: each diagnostic's range is written from its four
 * numbers and the rest of it (severity, rule, link, message) is a string cached per message, already
 * escaped to ASCII, copied into one buffer. Every other message goes through `JSON.stringify` as
 * vscode-jsonrpc's own writer does.
 */
import { AbstractMessageWriter, type Diagnostic, type Message, type MessageWriter } from 'vscode-languageserver/node';

/** Diagnostic arrays that `toDiagnostics` built, so all of the known shape: range, severity, source, code, codeDescription?, message. */
const reports = new WeakSet<readonly Diagnostic[]>();

/** Marks a diagnostics array built by `toDiagnostic` (and nothing else) for the fast encoding. */
export function encodable(diagnostics: Diagnostic[]): Diagnostic[] {
  reports.add(diagnostics);
  return diagnostics;
}

interface Tail {
  readonly severity: Diagnostic['severity'];
  readonly source: Diagnostic['source'];
  readonly code: Diagnostic['code'];
  readonly codeDescription: Diagnostic['codeDescription'];
  /** `,"severity":…,"message":"…"}`: everything after the range, as ASCII bytes. */
  readonly bytes: Buffer;
}

/** Tails by message; a message is almost always one rule's, so one entry each. Cleared when it grows past this. */
const MAX_CACHED_TAILS = 50_000;
const tails = new Map<string, Tail>();

function tailOf(diagnostic: Diagnostic): Buffer {
  const { severity, source, code, codeDescription, message } = diagnostic;
  const json = () => Buffer.from(',' + toAscii(JSON.stringify({ severity, source, code, codeDescription, message })).slice(1), 'latin1');
  if (typeof message !== 'string') return json();
  const cached = tails.get(message);
  if (cached && cached.severity === severity && cached.source === source && cached.code === code && cached.codeDescription?.href === codeDescription?.href) return cached.bytes;
  if (tails.size >= MAX_CACHED_TAILS) tails.clear();
  const bytes = json();
  tails.set(message, { severity, source, code, codeDescription, bytes });
  return bytes;
}

/** JSON text with every non-ASCII character written as a `\u` escape: the same value, one byte per character. */
function toAscii(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** The longest a diagnostic's range can be as JSON: four 15-digit numbers and the keys. */
const MAX_RANGE_BYTES = 160;

/**
 * `before` + the diagnostics as a JSON array + `after`, as UTF-8 bytes, equal in value to what
 * JSON.stringify would give. `before` and `after` are ASCII.
 */
function encodeDiagnostics(before: string, diagnostics: readonly Diagnostic[], after: string): Buffer {
  const pieces = diagnostics.map(tailOf);
  let size = before.length + after.length + 2;
  for (const piece of pieces) size += MAX_RANGE_BYTES + piece.length;
  const bytes = Buffer.allocUnsafe(size);
  let at = bytes.write(before, 0, 'latin1');
  bytes[at++] = 0x5b; // [
  for (let i = 0; i < diagnostics.length; i++) {
    const { start, end } = diagnostics[i]!.range;
    at += bytes.write(`${i === 0 ? '' : ','}{"range":{"start":{"line":${start.line},"character":${start.character}},"end":{"line":${end.line},"character":${end.character}}}`, at, 'latin1');
    at += pieces[i]!.copy(bytes, at);
  }
  bytes[at++] = 0x5d; // ]
  at += bytes.write(after, at, 'latin1');
  return bytes.subarray(0, at);
}

/** Stands in for the diagnostics while the rest of the message goes through JSON.stringify. */
const PLACEHOLDER = '\u0000kubeguard-diagnostics\u0000';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/** The diagnostics array a message carries: a pull report's `items` or a publish's `diagnostics`. */
function diagnosticsIn(message: Message): { readonly holder: Record<string, unknown>; readonly key: string; readonly diagnostics: Diagnostic[] } | undefined {
  const result = (message as { result?: unknown }).result;
  if (isRecord(result) && Array.isArray(result.items) && reports.has(result.items)) return { holder: result, key: 'items', diagnostics: result.items };
  const params = (message as { params?: unknown }).params;
  if (isRecord(params) && Array.isArray(params.diagnostics) && reports.has(params.diagnostics)) return { holder: params, key: 'diagnostics', diagnostics: params.diagnostics };
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The message as UTF-8 JSON. */
export function encodeMessage(message: Message): Buffer {
  const found = diagnosticsIn(message);
  if (!found) return Buffer.from(JSON.stringify(message), 'utf8');
  const { holder, key, diagnostics } = found;
  holder[key] = PLACEHOLDER;
  let shell: string;
  try {
    shell = toAscii(JSON.stringify(message));
  } finally {
    holder[key] = diagnostics;
  }
  const at = shell.indexOf(PLACEHOLDER_JSON);
  // Some other string of the message spelling the placeholder too (a URI could): no guessing which.
  if (at !== shell.lastIndexOf(PLACEHOLDER_JSON)) return Buffer.from(JSON.stringify(message), 'utf8');
  return encodeDiagnostics(shell.slice(0, at), diagnostics, shell.slice(at + PLACEHOLDER_JSON.length));
}

/**
 * Writes messages to a stream (the server's stdout) as LSP frames: the `Content-Length` header and
 * the body in one write, so one system call per message where vscode-jsonrpc's own writer makes two.
 */
export class FrameWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    output.on('error', (error: Error) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let frame: Buffer;
    try {
      const body = encodeMessage(message);
      frame = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    } catch (error) {
      this.fireError(error, message, ++this.errors);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.output.write(frame, (error?: Error | null) => {
        if (!error) return resolve();
        this.fireError(error, message, ++this.errors);
        reject(error);
      });
    });
  }

  end(): void {
    this.output.end();
  }
}
