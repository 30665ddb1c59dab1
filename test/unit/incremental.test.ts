/**
 * @file The incremental engine against the plain one: whatever is typed, linting through a
 * LintCache (re-splitting only around the edit, updating a scalar in place) gives exactly what a
 * fresh lint of the same text gives, down to every node's range in the parsed documents.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { DEFAULT_SETTINGS } from '../../shared/src/engine/config';
import { LintCache, lintText, type FileResult } from '../../shared/src/engine/lint';
import { LineIndex } from '../../shared/src/model/lines';
import { editScalarInPlace } from '../../shared/src/model/scalarEdit';
import { hasDirectives, parseSegment } from '../../shared/src/model/parse';
import { ChunkedText } from '../../shared/src/model/sourceText';
import { changedRange, mapOffset } from '../../shared/src/model/textChange';
import { random } from '../harness/random';

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8'));

const INSERTS = ['x', '1', ' ', '-', ':', '\n', '#', '"', "'", '---\n', '\n---\n', '  ', 'true', '{', ']', ',', '&a ', '*a', '\r\n', 'é', '\t'];

/** One keystroke-sized edit: mostly typing inside values, sometimes something structural. */
function edit(text: string, next: () => number, typingOnly = false): string {
  const at = Math.floor(next() * (text.length + 1));
  const roll = typingOnly ? 0 : next();
  if (roll < 0.55) {
    // Typing at the end of a word, as in a value being edited.
    const word = /\w\b/g;
    word.lastIndex = at;
    const m = word.exec(text);
    const where = m ? m.index + 1 : at;
    return text.slice(0, where) + (typingOnly || next() < 0.8 ? 'abc1'[Math.floor(next() * 4)] : INSERTS[Math.floor(next() * INSERTS.length)]) + text.slice(where);
  }
  if (roll < 0.8) return text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
  if (roll < 0.95) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 3)));
  return text.slice(0, at) + text.slice(Math.min(text.length, at + Math.floor(next() * 80)));
}

/** The parts of a result an editor shows or acts on, comparable with deepEqual. */
function summary(result: FileResult) {
  return {
    findings: result.findings.map((f) => ({ ...f })),
    objects: result.objects.map((o) => `${o.kind}/${o.name ?? ''}@${o.segment.base}`),
    segments: result.segments.map((s) => ({ base: s.base, text: s.text, problems: s.problems, tree: tree(s.doc?.contents as Node | null | undefined) })),
  };
}

/** Every node's kind, range and scalar value, in document order. */
function tree(node: Node | null | undefined): unknown {
  if (!node) return null;
  if (isScalar(node)) return { range: node.range, value: node.value, source: (node as { source?: unknown }).source };
  if (isMap(node)) return { range: node.range, items: node.items.map((p) => (isPair(p) ? [tree(p.key as Node), tree(p.value as Node)] : null)) };
  if (isSeq(node)) return { range: node.range, items: node.items.map((i) => tree(i as Node)) };
  return { range: node.range, alias: String((node as { source?: string }).source) };
}

describe('incremental linting', () => {
  it('agrees with a fresh lint after every one of 3,000 random edits, with in-place scalar updates on', () => {
    let checked = 0;
    let inPlace = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const next = random(seed);
      let text = EXAMPLES[seed % EXAMPLES.length]!;
      const cache = new LintCache({ editInPlaceFrom: 0 });
      let previous = lintText(text, { settings: DEFAULT_SETTINGS, cache, today: '2026-01-01' });
      for (let step = 0; step < 100; step++) {
        // A third of the runs only type letters, as someone editing values does: the in-place path's case.
        text = edit(text, next, seed % 3 === 0);
        if (text.length > 20_000) text = text.slice(0, 20_000);
        const result = lintText(text, { settings: DEFAULT_SETTINGS, cache, today: '2026-01-01' });
        // A document whose text changed but whose parse is the same object was updated in place.
        const docs = new Map(previous.segments.map((s) => [s.doc, s.text]));
        if (result.segments.some((s) => s.doc && docs.has(s.doc) && docs.get(s.doc) !== s.text)) inPlace++;
        previous = result;
        const incremental = summary(result);
        const fresh = summary(lintText(text, { settings: DEFAULT_SETTINGS, today: '2026-01-01' }));
        assert.deepEqual(incremental, fresh, `seed ${seed}, step ${step}`);
        checked++;
      }
    }
    assert.equal(checked, 3000);
    assert.ok(inPlace > 200, `only ${inPlace} edits took the in-place path`);
  });

  it('agrees with a fresh lint when the text comes as ChunkedText edits, one or several per lint, as the server syncs it', () => {
    let checked = 0;
    let unjoined = 0;
    for (let seed = 31; seed <= 50; seed++) {
      const next = random(seed);
      // Every third seed edits a CRLF file, which the server now also keeps in chunks.
      const example = EXAMPLES[seed % EXAMPLES.length]!;
      let text = (seed % 3 === 0 ? example.replace(/\r?\n/g, '\r\n') : example).repeat(1 + (seed % 4));
      let chunked = ChunkedText.of(text);
      const cache = new LintCache();
      lintText(chunked, { settings: DEFAULT_SETTINGS, cache, today: '2026-01-01' });
      for (let step = 0; step < 100; step++) {
        // Several changes may arrive between two lints: the text then tells one change covering them all.
        for (let edits = next() < 0.2 ? 3 : 1; edits > 0; edits--) {
          const typed = edit(text, next, seed % 2 === 0);
          const change = changedRange(text, typed) ?? { start: 0, oldEnd: 0, newEnd: 0 };
          chunked = chunked.edit(change.start, change.oldEnd, typed.slice(change.start, change.newEnd));
          text = typed;
        }
        const result = lintText(chunked, { settings: DEFAULT_SETTINGS, cache, today: '2026-01-01' });
        if (!chunked.isJoined()) unjoined++;
        assert.deepEqual(summary(result), summary(lintText(text, { settings: DEFAULT_SETTINGS, today: '2026-01-01' })), `seed ${seed}, step ${step}`);
        assert.equal(result.text, text);
        checked++;
      }
    }
    assert.equal(checked, 2000);
    // Typing in values (half the runs) lints without building the whole string; the rest may need it (syntax errors, suppressions).
    assert.ok(unjoined > 800, `only ${unjoined} lints left the text unjoined`);
  });

  it('types into a scalar in place: the document keeps its parse, and its ranges match a fresh parse', () => {
    const text = EXAMPLES.find((t) => t.includes('image:'))!;
    const at = text.indexOf('image:') + text.slice(text.indexOf('image:')).indexOf('\n');
    const segment = parseSegment(0, text);
    const typed = text.slice(0, at) + '-rc1' + text.slice(at);
    const change = changedRange(text, typed)!;
    const edited = editScalarInPlace(segment, typed, change);
    assert.ok(edited, 'an edit at the end of an image value is a scalar edit');
    assert.equal(edited.doc, segment.doc, 'the same document object, updated');
    assert.deepEqual(tree(edited.doc!.contents as Node), tree(parseSegment(0, typed).doc!.contents as Node));
  });

  it('refuses edits that can change structure, and leaves the document untouched', () => {
    const text = 'a:\n  b: value\n  c: "quoted"\n  d: |\n    block\n  e: *x\n';
    const cases: Array<[string, string]> = [
      ['value', 'value: x'], // a key inside
      ['value', 'value #c'], // a comment
      ['value', 'value\n  z'], // a new line
      ['b', 'bb'], // a key
      ['"quoted"', '"quo"ted"'], // a quote
      ['block', 'blocks'], // a block scalar
      ['value', 'val, ue'], // a flow indicator
    ];
    for (const [from, to] of cases) {
      const segment = parseSegment(0, text);
      const before = JSON.stringify(tree(segment.doc!.contents as Node));
      const at = text.indexOf(from);
      const next = text.slice(0, at) + to + text.slice(at + from.length);
      assert.equal(editScalarInPlace(segment, next, changedRange(text, next)!), undefined, `${from} → ${to}`);
      assert.equal(JSON.stringify(tree(segment.doc!.contents as Node)), before, `${from} → ${to} left the document as it was`);
    }
    // Typing into an empty value: right after `key:` or `-` it joins that token.
    const empties = 'm:\nn: 1\nlist:\n-\n- x\n';
    for (const [at, typed] of [[empties.indexOf('m:') + 2, 'x'], [empties.indexOf('-\n') + 1, 'x'], [empties.indexOf('list:') + 5, 'é']] as const) {
      const segment = parseSegment(0, empties);
      const next = empties.slice(0, at) + typed + empties.slice(at);
      assert.equal(editScalarInPlace(segment, next, changedRange(empties, next)!), undefined, JSON.stringify(next));
      const cache = new LintCache();
      lintText(empties, { settings: DEFAULT_SETTINGS, cache });
      assert.deepEqual(summary(lintText(next, { settings: DEFAULT_SETTINGS, cache })), summary(lintText(next, { settings: DEFAULT_SETTINGS })), JSON.stringify(next));
    }
    // Typing inside the quotes, or changing the value's type, is fine.
    for (const [from, to] of [['"quoted"', '"quoted x"'], ['value', '12']] as const) {
      const segment = parseSegment(0, text);
      const at = text.indexOf(from);
      const next = text.slice(0, at) + to + text.slice(at + from.length);
      const edited = editScalarInPlace(segment, next, changedRange(text, next)!);
      assert.ok(edited, `${from} → ${to}`);
      assert.deepEqual(tree(edited.doc!.contents as Node), tree(parseSegment(0, next).doc!.contents as Node));
    }
  });

  it('finds the changed range of two texts and maps offsets through it', () => {
    const cases: Array<[string, string, [number, number, number] | undefined]> = [
      ['abc', 'abc', undefined],
      ['abc', 'abxc', [2, 2, 3]],
      ['aa', 'aaa', [2, 2, 3]],
      ['abcdef', 'abef', [2, 4, 2]],
      ['', 'x', [0, 0, 1]],
      ['x'.repeat(10_000) + 'y' + 'x'.repeat(10_000), 'x'.repeat(10_000) + 'z' + 'x'.repeat(10_000), [10_000, 10_001, 10_001]],
    ];
    for (const [before, after, expected] of cases) {
      const change = changedRange(before, after);
      assert.deepEqual(change && [change.start, change.oldEnd, change.newEnd], expected, `${before.slice(0, 10)} → ${after.slice(0, 10)}`);
    }
    const change = changedRange('hello world', 'hello big world')!;
    assert.equal(mapOffset(change, 2), 2);
    assert.equal(mapOffset(change, 8), 12);
  });

  it('finds a directive line (`%` at a line start) exactly where a multiline `^%` does', () => {
    const next = random(11);
    const alphabet = ['%', '\n', '\r', '\u2028', '\u2029', 'a', ' ', '#'];
    let found = 0;
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const expected = /^%/m.test(text);
      assert.equal(hasDirectives(text), expected, JSON.stringify(text));
      if (expected) found++;
    }
    assert.ok(found > 200 && found < 1800, `both answers are exercised (${found} of 2000 have one)`);
  });

  it('derives a line index after an edit that equals one built from scratch', () => {
    const next = random(7);
    let text = EXAMPLES.join('---\n');
    let lines = new LineIndex(text);
    lines.positionAt(0);
    for (let i = 0; i < 300; i++) {
      const after = edit(text, next);
      const change = changedRange(text, after);
      const derived = change ? LineIndex.afterEdit(lines, after, change) : lines;
      const fresh = new LineIndex(after);
      assert.equal(derived.lineCount, fresh.lineCount, `edit ${i}`);
      for (let line = 0; line < fresh.lineCount; line++) assert.equal(derived.lineStart(line), fresh.lineStart(line), `edit ${i}, line ${line}`);
      text = after;
      lines = derived;
    }
  });
});
