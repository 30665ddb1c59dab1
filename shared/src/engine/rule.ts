/** @file What a rule is: its metadata (the one source of its docs and hover), its check, and its fixes. */
import type { Node } from 'yaml';
import type { YamlEditor } from '../edits/editor';
import type { Span } from '../model/node';
import type { K8sObject } from '../model/objects';
import type { Workload } from '../model/workload';
import type { CheckId } from '../pss/types';
import type { WorkspaceContext } from '../workspace/context';
import type { NamespaceIndex } from '../workspace/namespaces';
import type { SameFileObjects } from '../workspace/sameFile';
import type { ServiceAccountIndex } from '../workspace/serviceAccounts';
import type { Settings } from './config';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Category = 'pod-security' | 'hardening' | 'rbac' | 'images' | 'secrets' | 'network' | 'resources' | 'exposure' | 'references' | 'syntax';

export interface Reference {
  /** e.g. 'PSS', 'Kubernetes docs', 'CIS'. */
  readonly standard: string;
  readonly title: string;
  readonly url: string;
  readonly control?: string;
}

/** Peers' identifiers for the same concept, so compliance teams can cross-walk. */
export interface PeerIds {
  readonly kubeLinter?: string;
  readonly checkov?: string;
  readonly polaris?: string;
  readonly trivy?: string;
  readonly kubescape?: string;
  readonly kubesec?: string;
  readonly kubeScore?: string;
}

export interface RuleDocs {
  /** One sentence: what the rule finds. */
  readonly summary: string;
  /** Why it matters: what an attacker gains. */
  readonly why: string;
  /** What to do, ending in a period. */
  readonly fix: string;
  /** A short YAML example of the secure form. */
  readonly example?: string;
  readonly references: readonly Reference[];
  readonly peers?: PeerIds;
}

export interface RuleMeta<M extends string = string> {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly category: Category;
  /** 'safe': cannot break a working workload, joins fix-all. 'unsafe': offered as a quick fix only. */
  readonly fixable?: 'safe' | 'unsafe';
  /**
   * False for opt-in rules (disputed checks): they run only when the user gives them a
   * severity in `kubeguard.rules`.
   */
  readonly enabledByDefault?: boolean;
  /** The Pod Security admission checks this rule reports (their findings carry `pssCheck`). */
  readonly pssChecks?: readonly CheckId[];
  readonly docs: RuleDocs;
  readonly messages: Readonly<Record<M, string>>;
}

export interface FixDescriptor {
  readonly title: string;
  /** Overrides the rule's `fixable` for this one fix. */
  readonly safe?: boolean;
  apply(editor: YamlEditor): void;
}

export interface ReportDescriptor<M extends string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  /** The node the squiggle goes on (a key or a value), or an explicit span. */
  readonly at: Node | Span;
  readonly fix?: FixDescriptor | readonly FixDescriptor[];
  /** Overrides the rule's severity for this finding (e.g. SYS_ADMIN is worse than NET_RAW). */
  readonly severity?: Severity;
  /** The PSA check this finding is a violation of, for PSS-mapped rules. */
  readonly pssCheck?: CheckId;
}

export interface ObjectContext<M extends string> {
  readonly object: K8sObject;
  readonly settings: Settings;
  /** Namespaces known in the workspace, the linted file's own taking precedence. */
  readonly namespaces: NamespaceIndex;
  /** ServiceAccounts declared in the linted file. */
  readonly serviceAccounts: ServiceAccountIndex;
  /**
   * The file's objects. A Namespace document is re-linted when the objects of the file in that
   * namespace change; other documents are not, so only rules about Namespaces may depend on them.
   */
  readonly sameFile: SameFileObjects;
  /** Whether another rule is on: lets a rule step aside for a broader one instead of reporting twice. */
  isEnabled(ruleId: string): boolean;
  report(descriptor: ReportDescriptor<M>): void;
}

export interface WorkloadContext<M extends string> extends ObjectContext<M> {
  readonly workload: Workload;
}

export interface Rule<M extends string = string> {
  readonly meta: RuleMeta<M>;
  /** Runs once per Kubernetes object. */
  checkObject?(context: ObjectContext<M>): void;
  /** Runs once per object that carries a pod spec. */
  checkWorkload?(context: WorkloadContext<M>): void;
  /**
   * Runs once per file against the workspace index (shared/src/workspace), after the file's own
   * lint and only when a fact it read changed; never inside `lintText`.
   */
  checkWorkspace?(context: WorkspaceContext<M>): void;
}

/** Identity function that gives rule files their types (ESLint's createRule, in spirit). */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** Fills `{{name}}` placeholders. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (data && name in data ? shorten(String(data[name])) : `{{${name}}}`));
}

/** Values quoted in messages (names, images) are the user's text: a huge one must not make a huge message. */
const MAX_QUOTED = 400;
function shorten(value: string): string {
  if (value.length <= MAX_QUOTED) return value;
  // Cut on a code point boundary so no lone surrogate is left behind.
  const head = Array.from(value.slice(0, MAX_QUOTED + 1)).slice(0, -1).join('');
  return `${head}…`;
}
