/** @file Hovers on security keys without findings: the key is recognised only in its place, and its rule exists. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KEY_DOCS, keyHover } from '../../shared/src/docs/keys';
import { parseSegment } from '../../shared/src/model/parse';
import { ruleById } from '../../shared/src/rules';
import { yaml } from '../harness/yaml';

const text = yaml`
  apiVersion: v1
  kind: Pod
  spec:
    hostNetwork: false
    containers:
      - name: app
        securityContext:
          privileged: false
        env:
          - name: privileged
            value: "x"`;

const hoverAt = (needle: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  return keyHover(parseSegment(0, text), at + 1, (id) => ruleById(id)?.meta);
};

describe('key hovers', () => {
  it('explains hostNetwork under a pod spec, with its secure value and its rule', () => {
    const hover = hoverAt('hostNetwork');
    assert.ok(hover);
    assert.match(hover.markdown, /node's network namespace/);
    assert.match(hover.markdown, /Secure value:\*\* `false`/);
    assert.match(hover.markdown, /host-namespaces/);
    assert.equal(text.slice(hover.start, hover.end), 'hostNetwork');
  });

  it('explains privileged inside a securityContext', () => {
    assert.match(hoverAt('privileged')!.markdown, /every Linux capability/);
  });

  it('says nothing for the same word elsewhere (an env var value or name)', () => {
    assert.equal(hoverAt('privileged', 1), undefined);
    assert.equal(hoverAt('image'), undefined);
  });

  it('every key doc names a registered rule', () => {
    for (const doc of KEY_DOCS) assert.ok(ruleById(doc.rule), `${doc.key}: rule ${doc.rule} is not registered`);
  });
});
