/**
 * @file The JSON Schema (draft-07) of `.kubeguard.yaml`, built from the rule registry so every
 * rule id is completed and checked. The same object validates the file in the core
 * (configFile.ts) and is written to `schemas/kubeguard.schema.json` (`npm run docs`), which the
 * extension contributes to Red Hat YAML for completion and hover.
 */
import type { RuleMeta } from '../engine/rule';

/** The names kubeguard looks for, in order of preference when a folder holds both. */
export const CONFIG_FILE_NAMES = ['.kubeguard.yaml', '.kubeguard.yml'] as const;

export const RULE_SETTINGS = ['error', 'warning', 'info', 'hint', 'off'] as const;
export const PSS_LEVELS = ['restricted', 'baseline', 'privileged'] as const;
export const PSS_VERSION_PATTERN = '^(latest|v1\\.(0|[1-9][0-9]{0,2}))$';

/** Keywords the schema carries for editors (VS Code, Red Hat YAML), not for validation. */
export const EDITOR_KEYWORDS = ['markdownDescription', 'enumDescriptions', 'patternErrorMessage', 'defaultSnippets'] as const;

export type JsonSchema = { readonly [keyword: string]: unknown };

const GLOB_LIST: JsonSchema = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
};

const STRING_LIST: JsonSchema = { type: 'array', items: { type: 'string' } };

/** The schema of `.kubeguard.yaml` for the given rules (all registered rules in practice). */
export function configSchema(rules: readonly RuleMeta[]): JsonSchema {
  const ruleProperties: Record<string, JsonSchema> = {};
  for (const meta of [...rules].sort((a, b) => a.id.localeCompare(b.id))) {
    const optIn = meta.enabledByDefault === false ? ' Off by default (opt-in).' : '';
    ruleProperties[meta.id] = {
      description: `${meta.title}. Default severity: ${meta.severity}.${optIn}`,
      enum: [...RULE_SETTINGS],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'kubeguard configuration (.kubeguard.yaml)',
    description: 'Project settings shared by the kubeguard editor extension and the kubeguard CLI. Globs are relative to the folder of this file.',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: { $ref: '#/definitions/rules' },
      ignore: {
        ...GLOB_LIST,
        description: 'Paths kubeguard does not lint (globs relative to this file\'s folder, e.g. `vendor/**` or `**/*.generated.yaml`). A glob that matches a folder covers everything below it.',
        markdownDescription: 'Paths kubeguard does not lint: globs relative to this file\'s folder (`vendor/**`, `**/*.generated.yaml`). A glob that matches a folder covers everything below it. Ignored files get no findings; their objects still count for other files (a Namespace\'s labels, a NetworkPolicy).',
      },
      overrides: {
        type: 'array',
        description: 'Rule settings for some paths only (e.g. vendored charts). Every entry whose files match applies, in order: a later entry wins.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            files: { ...GLOB_LIST, minItems: 1, description: 'Globs (relative to this file\'s folder) of the files this entry applies to.' },
            rules: { $ref: '#/definitions/rules' },
          },
          defaultSnippets: [{ label: 'override', body: { files: ['${1:vendor/**}'], rules: { '${2:rule-id}': '${3|off,info,hint,warning,error|}' } } }],
        },
      },
      images: {
        type: 'object',
        additionalProperties: false,
        description: 'Image provenance.',
        properties: {
          trustedRegistries: {
            ...STRING_LIST,
            description: 'Registries allowed to serve images: a host (registry.example.com), a host and path prefix (ghcr.io/acme) or *.example.com. Empty turns the image-registry-untrusted check off.',
          },
        },
      },
      podSecurity: {
        type: 'object',
        additionalProperties: false,
        description: 'The Pod Security Standards policy for workloads whose Namespace (with an enforce label) is not in the workspace.',
        properties: {
          level: {
            enum: [...PSS_LEVELS],
            enumDescriptions: [
              'Baseline violations are errors, violations only of restricted are warnings.',
              'Only baseline violations are reported (as errors).',
              'Pod Security Standards controls are not reported; hardening rules still run.',
            ],
            description: 'The level workloads are checked against (default: restricted).',
          },
          version: {
            type: 'string',
            pattern: PSS_VERSION_PATTERN,
            patternErrorMessage: 'latest or v1.<minor>, e.g. v1.30',
            description: 'The policy version: latest or v1.<minor> (default: latest).',
          },
          minimumUid: {
            type: 'integer',
            minimum: 0,
            maximum: 2147483647,
            description: 'UIDs and GIDs below this are reported by the opt-in run-as-high-uid rule (default: 10000).',
          },
        },
      },
      runtime: {
        type: 'object',
        additionalProperties: false,
        description: 'Which workloads run untrusted code and must use a sandboxed RuntimeClass.',
        properties: {
          untrusted: {
            type: 'object',
            additionalProperties: false,
            description: 'Untrusted workloads: by namespace, or by pod label selector. Empty turns the untrusted-runtime-class check off.',
            properties: {
              namespaces: { ...STRING_LIST, description: 'Namespaces whose workloads are untrusted.' },
              selectors: { ...STRING_LIST, description: 'Pod label selectors, key=value or key.' },
            },
          },
          sandboxedClasses: { ...STRING_LIST, description: 'RuntimeClass names that sandbox a pod (default: gvisor, kata).' },
        },
      },
    },
    definitions: {
      rules: {
        type: 'object',
        description: 'Per-rule severity: error, warning, info, hint, or off. A severity turns an opt-in rule on.',
        additionalProperties: false,
        properties: ruleProperties,
      },
    },
  };
}

/** The schema file as `npm run docs` writes it: two-space JSON with a final newline. */
export function renderConfigSchema(rules: readonly RuleMeta[]): string {
  return JSON.stringify(configSchema(rules), null, 2) + '\n';
}
