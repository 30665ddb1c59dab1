/**
 * @file Writes docs/rules/<id>.md, docs/rules/README.md and the JSON Schema of .kubeguard.yaml
 * (schemas/kubeguard.schema.json) from the rule metadata (`npm run docs`).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderConfigSchema } from '../shared/src/config/schema';
import { renderRuleDoc, renderRuleIndex } from '../shared/src/docs/render';
import { allRules } from '../shared/src/rules';

/** Where the schema goes, relative to the checkout (package.json's contributes.yamlValidation points there). */
export const SCHEMA_FILE = join('schemas', 'kubeguard.schema.json');

/** The schema's text; the config test compares the checked-in file with this. */
export function generatedSchema(): string {
  return renderConfigSchema(allRules.map((r) => r.meta));
}

/** The generated files, path → content; the docs test compares the checked-in files with this. */
export function generatedDocs(): Map<string, string> {
  const files = new Map<string, string>();
  for (const rule of allRules) files.set(`${rule.meta.id}.md`, renderRuleDoc(rule.meta));
  files.set('README.md', renderRuleIndex(allRules.map((r) => r.meta)));
  return files;
}

if (require.main === module) {
  const dir = join(__dirname, '..', '..', 'docs', 'rules');
  mkdirSync(dir, { recursive: true });
  const files = generatedDocs();
  for (const name of readdirSync(dir)) if (name.endsWith('.md') && !files.has(name)) rmSync(join(dir, name));
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  console.log(`wrote ${files.size} files to ${dir}`);
  const schema = join(__dirname, '..', '..', SCHEMA_FILE);
  mkdirSync(join(schema, '..'), { recursive: true });
  writeFileSync(schema, generatedSchema());
  console.log(`wrote ${schema}`);
}
