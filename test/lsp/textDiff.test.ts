/** @file The fix-all diff: its edits rebuild the new text exactly, stay in order, and are as small as the change. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, diffTexts } from '../../server/src/textDiff';

function check(before: string, after: string) {
  const edits = diffTexts(before, after);
  assert.equal(applyEdits(before, edits), after, JSON.stringify({ before, after, edits }));
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1]!.end <= edits[i]!.start, 'sorted, non-overlapping');
  return edits;
}

test('no change, no edits', () => {
  assert.deepEqual(diffTexts('a\nb\n', 'a\nb\n'), []);
});

test('an inserted line is one insertion at a line start', () => {
  assert.deepEqual(check('a:\n  b: true\n', 'a:\n  b: true\n  c: false\n'), [{ start: 13, end: 13, text: '  c: false\n' }]);
});

test('a changed value is narrowed to the characters that differ', () => {
  assert.deepEqual(check('x: 1\nprivileged: true\ny: 2\n', 'x: 1\nprivileged: false\ny: 2\n'), [{ start: 17, end: 20, text: 'fals' }]);
});

test('changes far apart stay separate edits', () => {
  const lines = Array.from({ length: 200 }, (_, i) => `line ${i}`);
  const changed = [...lines];
  changed[3] = 'line three';
  changed.splice(150, 0, 'inserted');
  const edits = check(lines.join('\n') + '\n', changed.join('\n') + '\n');
  assert.equal(edits.length, 2);
  assert.ok(edits.every((e) => e.end - e.start < 10 && e.text.length < 15));
});

test('edge cases: empty texts, first character, no final newline, CRLF', () => {
  check('', 'a');
  check('a', '');
  check('\nx', 'y\nx');
  check('a\nb', 'a\nb\nc');
  check('a\r\nb\r\n', 'a\r\nc\r\nb\r\n');
  check('same', 'same\n');
});

test('random edits round-trip', () => {
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const alphabet = ['a', 'b', ' ', '\n', 'key: value\n', '- item\n', '#'];
  for (let round = 0; round < 500; round++) {
    let before = '';
    for (let i = random(60); i > 0; i--) before += alphabet[random(alphabet.length)];
    let after = before;
    for (let i = random(5); i >= 0; i--) {
      const at = random(after.length + 1);
      const cut = random(4);
      after = after.slice(0, at) + (random(2) ? alphabet[random(alphabet.length)] : '') + after.slice(at + cut);
    }
    check(before, after);
  }
});

test('past the line budget it falls back to one edit over the changed span, quickly', () => {
  const before = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n');
  const after = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i % 3 ? i : -i}`).join('\n');
  const started = Date.now();
  const edits = check(before, after);
  assert.equal(edits.length, 1);
  assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
});
