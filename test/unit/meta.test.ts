/** @file Invariants of the registry and the rule metadata: sorted ids equal to file names, complete docs, checked-in docs up to date. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { allRules } from '../../shared/src/rules';
import { generatedDocs } from '../../scripts/gen-docs';
import { repoRoot } from '../harness/corpus';

const root = repoRoot();

describe('rule registry', () => {
  it('is sorted by id, without duplicates', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
  });

  it('lists every rule file, and each file is named after its rule id', () => {
    const dir = join(root, 'shared', 'src', 'rules');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['index.ts', 'common.ts'].includes(f)).map((f) => f.replace(/\.ts$/, ''));
    const ids = allRules.map((r) => r.meta.id);
    for (const file of files) assert.ok(ids.includes(file), `shared/src/rules/${file}.ts is not in the registry (or its id differs from its file name)`);
  });

  it('ids are kebab-case', () => {
    for (const rule of allRules) assert.match(rule.meta.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('rule metadata', () => {
  for (const { meta } of allRules) {
    it(`${meta.id} has complete docs`, () => {
      assert.ok(meta.title.length > 3);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(meta.severity));
      for (const field of ['summary', 'why', 'fix'] as const) assert.ok(meta.docs[field].trim().endsWith('.'), `${field} should be a sentence ending in a period`);
      assert.ok(meta.docs.references.length > 0, 'at least one reference');
      for (const r of meta.docs.references) assert.match(r.url, /^https:\/\//);
      assert.ok(Object.keys(meta.messages).length > 0);
      for (const message of Object.values<string>(meta.messages)) assert.ok(message.length > 20);
      if (meta.docs.example) {
        const docs = parseAllDocuments(meta.docs.example);
        assert.ok(Array.isArray(docs) && docs.every((d) => d.errors.length === 0), 'the example is valid YAML');
      }
    });
  }
});

describe('generated docs', () => {
  it('docs/rules matches the rule metadata (run `npm run docs` after changing a rule)', () => {
    const dir = join(root, 'docs', 'rules');
    for (const [name, content] of generatedDocs()) {
      const path = join(dir, name);
      assert.ok(existsSync(path), `docs/rules/${name} is missing`);
      assert.equal(readFileSync(path, 'utf8'), content, `docs/rules/${name} is out of date`);
    }
    const expected = new Set(generatedDocs().keys());
    for (const name of readdirSync(dir)) assert.ok(expected.has(name), `docs/rules/${name} belongs to no rule`);
  });
});
