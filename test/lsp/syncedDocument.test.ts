/**
 * @file The server's synced document against vscode-languageserver-textdocument's: the same changes,
 * as a client sends them (ranges past the end of a line, reversed ranges, CRs and
 * CRLFs typed, whole-text replacements), leave the same text, versions, line counts and positions.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { SyncedDocument } from '../../server/src/syncedDocument';
import { random } from '../harness/random';

const TYPED = ['x', '', '\n', 'key: value\n', '---\n', 'é', '  ', '\u2028', 'ab\ncd\n\n'];
const RARE = ['\r\n', '\r', 'line\r\nline'];

describe('SyncedDocument', () => {
  it('follows 6,000 random changes exactly as TextDocument does', () => {
    let chunkedWithCrlf = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const next = random(seed);
      const pick = (n: number) => Math.floor(next() * n);
      // Every third seed types a CRLF file (Windows line ends): CRs come in pairs, and break them now and then.
      const crlf = seed % 3 === 1;
      const eol = (text: string) => (crlf ? text.replace(/\n/g, '\r\n') : text);
      const initial = seed % 5 === 0 ? 'a\r\nb\n' : eol('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n'.repeat(1 + pick(200)));
      let expected = TextDocument.create('file:///x.yaml', 'yaml', 1, initial);
      const actual = SyncedDocument.create('file:///x.yaml', 'yaml', 1, initial);
      for (let step = 0; step < 200; step++) {
        // Lines from -1 to the last (TextDocument's own line offsets go wrong past the last line, which no client sends).
        const position = () => ({ line: pick(expected.lineCount + 1) - 1, character: next() < 0.1 ? 1000 : pick(12) - (next() < 0.05 ? 3 : 0) });
        const text = next() < (seed % 3 === 0 ? 0.1 : 0.005) ? RARE[pick(RARE.length)]! : eol(TYPED[pick(TYPED.length)]!);
        // One to three changes in one didChange, each in the coordinates of the text the ones before it left.
        const changes: TextDocumentContentChangeEvent[] = [];
        for (let count = next() < 0.01 ? 0 : 1 + pick(3); changes.length < Math.max(count, 1); ) {
          const change = count === 0 ? { text: `whole\n${text}` } : { range: { start: position(), end: position() }, text };
          expected = TextDocument.update(expected, [change], step + 2);
          changes.push(change);
        }
        SyncedDocument.update(actual, changes, step + 2);
        const where = `seed ${seed} step ${step}`;
        assert.equal(actual.getText(), expected.getText(), where);
        assert.equal(actual.version, expected.version);
        assert.equal(actual.lineCount, expected.lineCount, where);
        // Chunks never hold a lone CR, which LineIndex would not count as a line break.
        if (typeof actual.source !== 'string') {
          assert.doesNotMatch(expected.getText(), /\r(?!\n)/, `${where}: chunks with a lone CR`);
          if (expected.getText().includes('\r\n')) chunkedWithCrlf++;
        }
        for (let probe = 0; probe < 4; probe++) {
          const p = position();
          assert.equal(actual.offsetAt(p), expected.offsetAt(p), `${where}: offsetAt ${JSON.stringify(p)}`);
          const offset = pick(expected.getText().length + 3) - 1;
          assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `${where}: positionAt ${offset}`);
          const range = { start: position(), end: position() };
          assert.equal(actual.getText(range), expected.getText(range), `${where}: getText ${JSON.stringify(range)}`);
          assert.deepEqual(actual.getLineRange(p.line), expected.getLineRange(p.line), `${where}: getLineRange ${p.line}`);
          assert.equal(actual.getEOLCharacters(p.line), expected.getEOLCharacters(p.line), `${where}: getEOLCharacters ${p.line}`);
        }
      }
    }
    assert.ok(chunkedWithCrlf > 1000, `CRLF text kept in chunks at ${chunkedWithCrlf} steps`);
  });

  it('gives the engine chunks that a change never joins, in CRLF text too, until a lone CR makes it a plain string', () => {
    const document = SyncedDocument.create('file:///x.yaml', 'yaml', 1, 'image: nginx:1.0\n'.repeat(50_000));
    SyncedDocument.update(document, [{ range: { start: { line: 25_000, character: 16 }, end: { line: 25_000, character: 16 } }, text: '1' }], 2);
    const source = document.source;
    assert.ok(typeof source !== 'string' && !source.isJoined(), 'chunks, not joined');
    assert.equal(source.slice(25_000 * 17, 25_000 * 17 + 18), 'image: nginx:1.01\n');
    SyncedDocument.update(document, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'a: b\r\n' }], 3);
    assert.ok(typeof document.source !== 'string', 'a CRLF keeps the chunks');
    assert.equal(document.lineCount, 50_002);
    assert.equal(document.getText({ start: { line: 1, character: 0 }, end: { line: 1, character: 10 } }), 'a: b', 'a column past the end stops before the CRLF');
    assert.equal(document.getEOLCharacters(1), '\r\n');
    SyncedDocument.update(document, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x\r' }], 4);
    assert.equal(typeof document.source, 'string');
    assert.equal(document.lineCount, 50_003, 'a lone CR breaks a line, as LSP counts');
  });
});
