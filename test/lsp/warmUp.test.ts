/** @file What the warm-up rehearses typing on (the user's own documents around the middle of the file, small enough to lint cold in a slice), and how it runs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../shared/src/engine/config';
import { LintCache, lintText } from '../../shared/src/engine/lint';
import type { LintState } from '../../server/src/documents';
import { NamespaceIndex } from '../../shared/src/workspace/namespaces';
import { chooseRehearsal, warmUp } from '../../server/src/warmUp';

function stateOf(text: string): LintState {
  const result = lintText(text, { settings: DEFAULT_SETTINGS, cache: new LintCache() });
  return { uri: 'file:///w/app.yaml', version: 1, settings: DEFAULT_SETTINGS, result, positions: result.lines, resultId: '1' };
}

function deployment(i: number, padding = 0): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\n  annotations:\n    note: "${'x'.repeat(padding)}"\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:${i}\n`;
}

test('a small file is rehearsed whole, typing at the ends of its plain values, with the user\'s settings', () => {
  const text = deployment(1);
  const state = stateOf(text);
  const rehearsal = chooseRehearsal(state);
  assert.equal(rehearsal.text, text);
  assert.equal(rehearsal.settings, state.settings);
  assert.notEqual(rehearsal.uri, state.uri, 'never the open document itself');
  assert.ok(rehearsal.places.length > 0);
  for (const at of rehearsal.places) assert.ok(at === text.length || text[at] === '\n', `place ${at} ends a line`);
  assert.ok(rehearsal.places.includes(text.indexOf('app:1') + 'app:1'.length));
});

test('a big file: whole documents around its middle, within the window', () => {
  const docs = Array.from({ length: 400 }, (_, i) => deployment(i));
  const text = docs.join('---\n');
  const rehearsal = chooseRehearsal(stateOf(text));
  assert.ok(rehearsal.text.length <= 24_000 && rehearsal.text.length > 12_000, `${rehearsal.text.length} chars`);
  const start = text.indexOf(rehearsal.text);
  const end = start + rehearsal.text.length;
  assert.ok(start > 0 && rehearsal.text.startsWith('---\n'), 'starts at a document');
  assert.ok(end === text.length || text.startsWith('---\n', end), 'ends where a document ends');
  assert.ok(Math.abs(start + rehearsal.text.length / 2 - text.length / 2) < 2_000, 'centred on the middle');
  assert.ok(rehearsal.places.length === 30);
});

test('documents all bigger than the window, or nothing linted yet: the embedded sample', () => {
  const huge = [deployment(1, 30_000), deployment(2, 30_000)].join('---\n');
  for (const state of [stateOf(huge), undefined]) {
    const rehearsal = chooseRehearsal(state);
    assert.match(rehearsal.text, /kind: Namespace/);
    assert.equal(rehearsal.settings, DEFAULT_SETTINGS);
  }
});

test('a file with no plain value to type after falls back to the sample too', () => {
  const rehearsal = chooseRehearsal(stateOf('# only a comment\n'));
  assert.match(rehearsal.text, /kind: Namespace/);
});

test('CRLF line ends: the places are before the CR', () => {
  const text = deployment(7).replace(/\n/g, '\r\n');
  const rehearsal = chooseRehearsal(stateOf(text));
  assert.ok(rehearsal.places.length > 0);
  for (const at of rehearsal.places) assert.equal(text.slice(at, at + 2), '\r\n');
});

test('the warm-up waits while real work is waiting, readies the open documents, then types its rehearsal to the end without error', async () => {
  const steps: string[] = [];
  const errors: unknown[] = [];
  const busyUntil = performance.now() + 150;
  let lastAsked = performance.now();
  warmUp({
    onError: (error) => errors.push(error),
    started: Promise.resolve(),
    busy: () => {
      lastAsked = performance.now();
      return lastAsked < busyUntil;
    },
    prepare: () => steps.push(`prepare${performance.now() >= busyUntil ? '' : ' while busy'}`),
    newest: () => {
      steps.push('newest');
      return stateOf(deployment(1));
    },
    namespaces: () => NamespaceIndex.EMPTY,
  });
  // Done when it has stopped asking whether it may go on.
  while (performance.now() - lastAsked < 500) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(errors, []);
  assert.deepEqual(steps, ['prepare', 'newest']);
});
