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

/** The longest a diagnostic's range can be as JSON: the keys (71 bytes) and four numbers of at most 24 characters, JSON's longest. */
const MAX_RANGE_BYTES = 170;
/** Room left before a message's body for its `Content-Length` header, so header and body share one buffer. */
const HEADER_ROOM = 40;

const ascii = (text: string) => Buffer.from(text, 'latin1');
/** The constant parts of a range, between its four numbers. */
const RANGE_START = ascii('{"range":{"start":{"line":');
const RANGE_START_NEXT = ascii(',{"range":{"start":{"line":');
const RANGE_CHARACTER = ascii(',"character":');
const RANGE_END = ascii('},"end":{"line":');
const RANGE_CLOSE = ascii('}}');

/** Writes a non-negative integer's decimal digits at `at`; returns where they end. Others (never an LSP position) as JSON writes them. */
function writeNumber(bytes: Buffer, at: number, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) return at + bytes.write(JSON.stringify(value), at, 'latin1');
  let end = at;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) end++;
  for (let i = end, rest = value; i >= at; i--, rest = Math.floor(rest / 10)) bytes[i] = 0x30 + (rest % 10);
  return end + 1;
}

/**
 * A frame (`Content-Length` header, then `before` + the diagnostics as a JSON array + `after`, as
 * UTF-8 bytes equal in value to what JSON.stringify would give) in one buffer, written once.
 * `before` and `after` are ASCII.
 */
function frameDiagnostics(before: string, diagnostics: readonly Diagnostic[], after: string): Buffer {
  const pieces = diagnostics.map(tailOf);
  let size = HEADER_ROOM + before.length + after.length + 2;
  for (const piece of pieces) size += MAX_RANGE_BYTES + piece.length;
  const bytes = Buffer.allocUnsafe(size);
  const bodyStart = HEADER_ROOM;
  let at = bodyStart + bytes.write(before, bodyStart, 'latin1');
  bytes[at++] = 0x5b; // [
  for (let i = 0; i < diagnostics.length; i++) {
    const { start, end } = diagnostics[i]!.range;
    const open = i === 0 ? RANGE_START : RANGE_START_NEXT;
    bytes.set(open, at);
    at = writeNumber(bytes, at + open.length, start.line);
    bytes.set(RANGE_CHARACTER, at);
    at = writeNumber(bytes, at + RANGE_CHARACTER.length, start.character);
    bytes.set(RANGE_END, at);
    at = writeNumber(bytes, at + RANGE_END.length, end.line);
    bytes.set(RANGE_CHARACTER, at);
    at = writeNumber(bytes, at + RANGE_CHARACTER.length, end.character);
    bytes.set(RANGE_CLOSE, at);
    at += RANGE_CLOSE.length;
    bytes.set(pieces[i]!, at);
    at += pieces[i]!.length;
  }
  bytes[at++] = 0x5d; // ]
  at += bytes.write(after, at, 'latin1');
  const header = headerOf(at - bodyStart);
  bytes.write(header, bodyStart - header.length, 'latin1');
  return bytes.subarray(bodyStart - header.length, at);
}

const headerOf = (bodyLength: number) => `Content-Length: ${bodyLength}\r\n\r\n`;

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

/** The message as an LSP frame: its `Content-Length` header and its body, UTF-8 JSON. */
export function encodeFrame(message: Message): Buffer {
  const found = diagnosticsIn(message);
  if (!found) return frameJson(JSON.stringify(message));
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
  if (at !== shell.lastIndexOf(PLACEHOLDER_JSON)) return frameJson(JSON.stringify(message));
  return frameDiagnostics(shell.slice(0, at), diagnostics, shell.slice(at + PLACEHOLDER_JSON.length));
}

function frameJson(json: string): Buffer {
  const bodyLength = Buffer.byteLength(json, 'utf8');
  const header = headerOf(bodyLength);
  const bytes = Buffer.allocUnsafe(header.length + bodyLength);
  bytes.write(json, bytes.write(header, 0, 'latin1'), 'utf8');
  return bytes;
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
      frame = encodeFrame(message);
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
