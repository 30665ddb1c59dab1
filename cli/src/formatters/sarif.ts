/**
 * @file `--format sarif`: one SARIF 2.1.0 run with every rule's help (from the rule metadata) and
 * a `security-severity` per rule, which is what GitHub code scanning ranks alerts by. Locations
 * are relative to the scan root (`%SRCROOT%`, the folder kubeguard ran in) so code scanning maps
 * them onto the repository; fingerprints ignore line numbers so an alert survives edits above it.
 */
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { renderRuleDoc, ruleUrl } from '../../../shared/src/docs/render';
import type { RuleMeta, Severity } from '../../../shared/src/engine/rule';
import { findingHash, portableRelative } from '../fingerprint';
import type { Input } from '../files';
import type { FileProblems, Problem } from '../problems';
import { CATALOG } from '../ruleCatalog';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** The key of kubeguard's own fingerprint in `partialFingerprints`; the value is `<hash>:<occurrence>`. */
export const FINGERPRINT_KEY = 'kubeguardFindingHash/v1';
/** The extension's Marketplace page, which carries the README (package.json publisher.name). */
const INFORMATION_URI = 'https://marketplace.visualstudio.com/items?itemName=kubeguard.kubeguard';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** Code scanning ranks these like CVSS scores: 9.0 and up critical, 7.0–8.9 high, 4.0–6.9 medium, below 4.0 low. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { error: '9.0', warning: '6.0', info: '3.0', hint: '1.0' };

export interface SarifOptions {
  /** The scan root: where kubeguard ran. */
  readonly root: string;
  readonly toolVersion: string;
  /** Set when `--baseline` hid the known findings: every reported result is then new. */
  readonly baselineApplied: boolean;
}

export function formatSarif(files: readonly FileProblems[], options: SarifOptions): string {
  const metas = [...CATALOG];
  const indexOf = new Map(metas.map((meta, index) => [meta.id, index]));
  const results: object[] = [];
  for (const { input, problems } of files) {
    const artifact = artifactOf(input, options.root);
    const occurrences = new Map<string, number>();
    for (const problem of problems) {
      let ruleIndex = indexOf.get(problem.ruleId);
      if (ruleIndex === undefined) {
        // A rule id the catalogue does not know still needs a driver rule for the result to be valid.
        ruleIndex = metas.push(unknownRule(problem)) - 1;
        indexOf.set(problem.ruleId, ruleIndex);
      }
      const hash = findingHash({ ruleId: problem.ruleId, file: artifact.fingerprintPath, object: problem.object, message: problem.message });
      const occurrence = (occurrences.get(hash) ?? 0) + 1;
      occurrences.set(hash, occurrence);
      results.push({
        ruleId: problem.ruleId,
        ruleIndex,
        level: LEVEL[problem.severity],
        message: { text: problem.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifact.location,
              region: { startLine: problem.line, startColumn: problem.column, endLine: problem.endLine, endColumn: problem.endColumn },
            },
            ...(problem.object ? { logicalLocations: [{ fullyQualifiedName: problem.object, kind: 'resource' }] } : {}),
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${occurrence}` },
        ...(options.baselineApplied ? { baselineState: 'new' } : {}),
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubeguard',
            informationUri: INFORMATION_URI,
            version: options.toolVersion,
            ...(/^\d+\.\d+\.\d+/.test(options.toolVersion) ? { semanticVersion: options.toolVersion } : {}),
            rules: metas.map(driverRule),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.root.endsWith(path.sep) ? options.root : options.root + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

interface Artifact {
  readonly location: { readonly uri: string; readonly uriBaseId?: string };
  /** The path the fingerprint hashes: the same text on every machine for the same file. */
  readonly fingerprintPath: string;
}

function artifactOf(input: Input, root: string): Artifact {
  if (input.absolute === undefined) return { location: { uri: encodeSegments(input.display), uriBaseId: SRCROOT }, fingerprintPath: input.display };
  const relative = portableRelative(root, input.absolute);
  // Outside the scan root a relative URI would point above %SRCROOT%: give the absolute file URI instead.
  if (relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) {
    return { location: { uri: pathToFileURL(input.absolute).href }, fingerprintPath: input.absolute.split(path.sep).join('/') };
  }
  return { location: { uri: encodeSegments(relative), uriBaseId: SRCROOT }, fingerprintPath: relative };
}

function encodeSegments(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

function driverRule(meta: RuleMeta): object {
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.docs.summary },
    help: { text: helpText(meta), markdown: helpMarkdown(meta) },
    helpUri: ruleUrl(meta),
    defaultConfiguration: { level: LEVEL[meta.severity], ...(meta.enabledByDefault === false ? { enabled: false } : {}) },
    properties: {
      tags: tagsOf(meta),
      'security-severity': SECURITY_SEVERITY[meta.severity],
      precision: precisionOf(meta),
    },
  };
}

function unknownRule(problem: Problem): RuleMeta {
  return {
    id: problem.ruleId,
    title: problem.ruleId,
    severity: problem.severity,
    category: 'syntax',
    docs: { summary: `Findings of ${problem.ruleId}.`, why: 'See the message of each finding.', fix: 'See the message of each finding.', references: [] },
    messages: {},
  };
}

function tagsOf(meta: RuleMeta): string[] {
  const tags = ['security', 'kubernetes', meta.category];
  if (meta.pssChecks?.length) tags.push('pod-security-standards');
  return [...new Set(tags)];
}

/** How often a finding is real: the engine's own reports are certain; opt-in rules exist because their checks are disputed. */
function precisionOf(meta: RuleMeta): 'very-high' | 'high' | 'medium' {
  if (meta.category === 'syntax') return 'very-high';
  return meta.enabledByDefault === false ? 'medium' : 'high';
}

function pascalCase(id: string): string {
  return id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

function helpText(meta: RuleMeta): string {
  const parts = [meta.docs.summary, `Why it matters: ${meta.docs.why}`, `What to do: ${meta.docs.fix}`];
  if (meta.docs.example) parts.push(`Example:\n${meta.docs.example}`);
  if (meta.docs.references.length) parts.push(`References:\n${meta.docs.references.map((r) => `- ${r.title}: ${r.url}`).join('\n')}`);
  return parts.join('\n\n');
}

/**
 * The rule's docs page, less what does not help beside an alert: its title (code scanning shows the
 * rule's name above it), the message templates (the alert shows the message), the generator note.
 */
function helpMarkdown(meta: RuleMeta): string {
  return renderRuleDoc(meta)
    .replace(/^# .*\n\n/, '')
    .replace(/## Messages\n[\s\S]*?(?=## |<!--|$)/, '')
    .replace(/<!-- Generated[^\n]*-->\n?/, '')
    .replace(/## [^\n]+\n\s*(?=## |$)/g, '')
    .trim();
}
