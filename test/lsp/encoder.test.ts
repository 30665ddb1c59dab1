/** @file The stdio encoder: diagnostic reports encoded from cached pieces are the same JSON value as JSON.stringify's, in ASCII bytes, framed with their length. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PassThrough, Readable, Writable } from 'node:stream';
import { StreamMessageReader, type Diagnostic, type Message } from 'vscode-languageserver/node';
import { encodable, encodeFrame, FrameWriter } from '../../server/src/encoder';

/** A frame's body, after checking that its header gives the body's length in bytes. */
function encodeMessage(message: Message): Buffer {
  const frame = encodeFrame(message);
  const split = frame.indexOf('\r\n\r\n');
  const header = /^Content-Length: (\d+)$/.exec(frame.subarray(0, split).toString('latin1'));
  assert.ok(header, frame.subarray(0, 60).toString('latin1'));
  const body = frame.subarray(split + 4);
  assert.equal(Number(header[1]), body.length);
  return body;
}

const LINK = Object.freeze({ href: 'https://example.com/rules/x.md' });

function diagnostic(line: number, message: string, code = 'privileged-container', severity: Diagnostic['severity'] = 1, codeDescription: Diagnostic['codeDescription'] = LINK): Diagnostic {
  const d: Diagnostic = { range: { start: { line, character: 4 }, end: { line: line + 1, character: 1234567 } }, severity, source: 'kubeguard', code, message };
  return codeDescription ? { ...d, codeDescription } : d;
}

/** Same value as JSON.stringify, and every byte ASCII (so the transport converts nothing). */
function assertEncodesAsJson(message: Message): Buffer {
  const bytes = encodeMessage(message);
  assert.deepEqual(JSON.parse(bytes.toString('utf8')), JSON.parse(JSON.stringify(message)));
  assert.ok(bytes.every((b) => b < 0x80), bytes.toString('latin1'));
  return bytes;
}

test('a pull report: every diagnostic as JSON.stringify writes it, whatever its message holds', () => {
  const messages = ['plain', 'quotes " and \\ backslash', 'unicode → ü ✓ 😀', 'lone surrogate \ud800 and \udfff', 'line\nbreak\ttab\u0001\u2028\u2029', '', 'x'.repeat(5000)];
  const items = encodable(messages.map((m, i) => diagnostic(i * 3, m)));
  assertEncodesAsJson({ jsonrpc: '2.0', id: 12, result: { kind: 'full', resultId: '7', items } } as Message);
});

test('range numbers of every length are written digit by digit as JSON writes them', () => {
  const numbers = [0, 1, 9, 10, 99, 100, 4095, 65_536, 2 ** 31 - 1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5, -1, -Number.MAX_VALUE, -Number.MIN_VALUE, -1.2345678901234567e-300];
  const items = encodable(numbers.map((n, i) => ({ range: { start: { line: n, character: numbers[(i + 1) % numbers.length]! }, end: { line: numbers[(i + 2) % numbers.length]!, character: n } }, severity: 2, source: 'kubeguard', code: 'r', message: `n${i}` })));
  assertEncodesAsJson({ jsonrpc: '2.0', id: 8, result: { kind: 'full', resultId: '8', items } } as Message);
});

test('a publish: params.diagnostics, with and without a rule link', () => {
  const diagnostics = encodable([diagnostic(0, 'with link'), diagnostic(1, 'no link', 'yaml-syntax', 1, undefined)]);
  assertEncodesAsJson({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a/ü.yaml', version: 3, diagnostics } } as Message);
});

test('an empty report, and one diagnostic', () => {
  assertEncodesAsJson({ jsonrpc: '2.0', id: 1, result: { kind: 'full', resultId: '1', items: encodable([]) } } as Message);
  assertEncodesAsJson({ jsonrpc: '2.0', id: 1, result: { kind: 'full', resultId: '1', items: encodable([diagnostic(9, 'one')]) } } as Message);
});

test('one message under two rules, or two severities: each diagnostic keeps its own', () => {
  const items = encodable([diagnostic(0, 'same words', 'rule-a', 1), diagnostic(1, 'same words', 'rule-b', 2), diagnostic(2, 'same words', 'rule-a', 3), diagnostic(3, 'same words', 'rule-a', 1)]);
  const bytes = assertEncodesAsJson({ jsonrpc: '2.0', id: 2, result: { kind: 'full', resultId: '2', items } } as Message);
  const decoded = JSON.parse(bytes.toString('utf8')).result.items as Diagnostic[];
  assert.deepEqual(decoded.map((d) => [d.code, d.severity]), [['rule-a', 1], ['rule-b', 2], ['rule-a', 3], ['rule-a', 1]]);
});

test('arrays not built by toDiagnostics, and other messages, go through JSON.stringify unchanged', () => {
  const unmarked = { jsonrpc: '2.0', id: 3, result: { kind: 'full', items: [{ ...diagnostic(0, 'x'), data: { extra: ['→'] }, tags: [1] }] } } as Message;
  assert.equal(encodeMessage(unmarked).toString('utf8'), JSON.stringify(unmarked));
  const hover = { jsonrpc: '2.0', id: 4, result: { contents: { kind: 'markdown', value: '**ü**' } } } as Message;
  assert.equal(encodeMessage(hover).toString('utf8'), JSON.stringify(hover));
});

test('a message whose other strings spell the placeholder is encoded whole by JSON.stringify', () => {
  const diagnostics = encodable([diagnostic(0, 'x')]);
  const params = { uri: 'file:///\u0000kubeguard-diagnostics\u0000', diagnostics };
  assertEncodesAsJson({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params } as Message);
  // The message object is left as it was.
  assert.equal(params.diagnostics, diagnostics);
});

test('FrameWriter: each message is one write of header and body, which a JSON-RPC reader reads back', async () => {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = new FrameWriter(output);
  const report = { jsonrpc: '2.0', id: 5, result: { kind: 'full', resultId: '5', items: encodable([diagnostic(0, 'ü → ✓')]) } } as Message;
  const log = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'naïve' } } as Message;
  await writer.write(report);
  await writer.write(log);
  assert.equal(chunks.length, 2, 'one write per message');

  const received: Message[] = [];
  const reader = new StreamMessageReader(Readable.from(chunks));
  reader.listen((message) => received.push(message));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(received, [JSON.parse(JSON.stringify(report)), log]);
  reader.dispose();
});

test('FrameWriter: a failed write rejects and is reported to the connection', async () => {
  const output = new Writable({ write: (_chunk, _encoding, callback) => callback(new Error('pipe closed')) });
  output.on('error', () => undefined);
  const writer = new FrameWriter(output);
  const errors: Error[] = [];
  writer.onError(([error]) => errors.push(error));
  await assert.rejects(writer.write({ jsonrpc: '2.0', id: 1, result: null } as Message), /pipe closed/);
  assert.ok(errors.some((e) => /pipe closed/.test(e.message)));
});
