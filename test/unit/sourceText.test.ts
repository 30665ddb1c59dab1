/**
 * @file ChunkedText against the plain string it stands for: after any sequence of edits every read
 * gives what the string gives, and the change it reports since an earlier version covers every
 * difference between the two texts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../shared/src/model/lines';
import { ChunkedText, followedBy } from '../../shared/src/model/sourceText';
import type { TextChange } from '../../shared/src/model/textChange';
import { random } from '../harness/random';

const PIECES = ['a', '\n', 'é', 'key: value\n', '---\n', '\r\n', '', 'x'.repeat(5000), 'long line '.repeat(4000)];

/** Whether `change` covers every difference between `before` and `after`. */
function covers(change: TextChange, before: string, after: string): boolean {
  return (
    change.start <= change.oldEnd &&
    change.start <= change.newEnd &&
    change.oldEnd <= before.length &&
    change.newEnd <= after.length &&
    before.slice(0, change.start) === after.slice(0, change.start) &&
    before.slice(change.oldEnd) === after.slice(change.newEnd)
  );
}

describe('ChunkedText', () => {
  it('reads like the string it stands for after 1,500 random edits, large and small', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const next = random(seed);
      const pick = (n: number) => Math.floor(next() * n);
      let plain = seed % 2 ? 'k: v\n'.repeat(20_000) : '';
      let chunked = ChunkedText.of(plain);
      for (let step = 0; step < 150; step++) {
        const start = pick(plain.length + 1);
        const end = next() < 0.7 ? start : Math.min(plain.length, start + pick(next() < 0.9 ? 10 : 70_000));
        const inserted = next() < 0.2 ? '' : PIECES[pick(PIECES.length)]!;
        plain = plain.slice(0, start) + inserted + plain.slice(end);
        chunked = chunked.edit(start, end, inserted);
        assert.equal(chunked.length, plain.length, `seed ${seed} step ${step}: length`);
        assert.equal(chunked.isJoined(), false, 'an edit never joins the text');
        for (let probe = 0; probe < 5; probe++) {
          const a = pick(plain.length + 2) - 1;
          const b = pick(plain.length + 2) - 1;
          assert.equal(chunked.slice(a, b), plain.slice(a, b), `seed ${seed} step ${step}: slice(${a}, ${b})`);
          assert.equal(chunked.slice(a), plain.slice(a));
          assert.equal(chunked.charCodeAt(a), plain.charCodeAt(a));
          for (const c of ['\n', '\r', 'é', '-']) {
            assert.equal(chunked.indexOf(c, a), plain.indexOf(c, a), `seed ${seed} step ${step}: indexOf(${JSON.stringify(c)}, ${a})`);
            assert.equal(chunked.lastIndexOf(c, a), plain.lastIndexOf(c, a), `seed ${seed} step ${step}: lastIndexOf(${JSON.stringify(c)}, ${a})`);
          }
        }
        assert.equal(chunked.includes('\r'), plain.includes('\r'));
        assert.equal(chunked.isJoined(), false, 'reading parts never joins the text');
        if (step % 20 === 19) assert.equal(chunked.toString(), plain, `seed ${seed} step ${step}: whole text`);
      }
    }
  });

  it('gives a LineIndex the same positions as its string, without being joined', () => {
    const plain = 'apiVersion: v1\nkind: Pod\n\n  x: é\n'.repeat(3000) + 'last line';
    const chunked = ChunkedText.of('#' + plain).edit(0, 1, '');
    const lines = new LineIndex(chunked);
    const expected = new LineIndex(plain);
    for (let offset = 0; offset <= plain.length; offset += 7) assert.deepEqual(lines.positionAt(offset), expected.positionAt(offset));
    assert.equal(lines.lineCount, expected.lineCount);
    assert.equal(chunked.isJoined(), false);
  });

  it('tells the change since each of its last 8 versions, covering every difference', () => {
    const next = random(7);
    let plain = 'apiVersion: v1\nkind: Pod\n'.repeat(2000);
    let chunked = ChunkedText.of(plain);
    const history: Array<{ id: number; plain: string }> = [];
    for (let step = 0; step < 500; step++) {
      history.unshift({ id: chunked.id, plain });
      const start = Math.floor(next() * (plain.length + 1));
      const end = Math.min(plain.length, start + Math.floor(next() * 4) * Math.floor(next() * 3));
      const inserted = ['', 'x', 'ab', '\n'][Math.floor(next() * 4)]!;
      plain = plain.slice(0, start) + inserted + plain.slice(end);
      chunked = chunked.edit(start, end, inserted);
      assert.equal(chunked.changeSince(chunked.id), null);
      history.forEach((version, back) => {
        const change = chunked.changeSince(version.id);
        if (back >= 8) return assert.equal(change, undefined, 'older versions are not remembered');
        assert.ok(change && covers(change, version.plain, plain), `step ${step}, ${back + 1} back: ${JSON.stringify(change)}`);
      });
    }
  });

  it('merges two changes into one that covers both (followedBy), over all small cases', () => {
    const base = 'abcdef';
    let checked = 0;
    const edits = (text: string) => {
      const out: Array<{ change: TextChange; text: string }> = [];
      for (let start = 0; start <= text.length; start++) {
        for (let end = start; end <= Math.min(text.length, start + 2); end++) {
          for (const inserted of ['', 'X', 'YZ']) out.push({ change: { start, oldEnd: end, newEnd: start + inserted.length }, text: text.slice(0, start) + inserted + text.slice(end) });
        }
      }
      return out;
    };
    for (const first of edits(base)) {
      for (const second of edits(first.text)) {
        const merged = followedBy(first.change, second.change);
        assert.ok(covers(merged, base, second.text), `${JSON.stringify(first.change)} then ${JSON.stringify(second.change)} → ${JSON.stringify(merged)}`);
        checked++;
      }
    }
    assert.ok(checked > 2500, `${checked} pairs`);
  });
});
