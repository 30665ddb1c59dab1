/**
 * @file Validates a SARIF log against the published SARIF 2.1.0 JSON schema. The schema is the copy
 * Microsoft's @microsoft/jest-sarif package ships (sarif-2.1.0-rtm.5.json, a draft-04 schema); it is
 * checked with the ajv that package itself depends on (v6, which reads draft-04), resolved from the
 * package's own folder so the repository's other ajv versions do not matter. Nothing is vendored.
 */
import { createRequire } from 'node:module';

interface AjvError {
  readonly dataPath: string;
  readonly message?: string;
  readonly params?: unknown;
}
type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

let validator: Validate | undefined;

function compile(): Validate {
  const fromPackage = createRequire(require.resolve('@microsoft/jest-sarif/package.json'));
  const Ajv = fromPackage('ajv') as new (options: object) => { addMetaSchema(schema: object): void; compile(schema: object): Validate };
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, jsonPointers: true });
  ajv.addMetaSchema(fromPackage('ajv/lib/refs/json-schema-draft-04.json') as object);
  return ajv.compile(fromPackage('./lib/schemas/sarif-2.1.0-rtm.5.json') as object);
}

/** The schema violations of a log, as `path message` lines; empty when it is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  validator ??= compile();
  if (validator(log)) return [];
  return (validator.errors ?? []).map((error) => `${error.dataPath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params ?? {})}`);
}
