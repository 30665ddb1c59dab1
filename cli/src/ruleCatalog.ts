/**
 * @file Every rule id a finding can carry, with its metadata: the registered rules, plus the
 * pseudo-rules the engine reports about the file itself (syntax, Helm, size, suppression comments).
 * SARIF needs a driver rule for every result, so the pseudo-rules get metadata here.
 */
import { HELM_RULE_ID, LIMIT_RULE_ID, SYNTAX_RULE_ID } from '../../shared/src/engine/lint';
import type { RuleMeta } from '../../shared/src/engine/rule';
import { SUPPRESSION_RULE_ID } from '../../shared/src/engine/suppress';
import { allRules } from '../../shared/src/rules';

const PSEUDO_RULES: readonly RuleMeta[] = [
  {
    id: SYNTAX_RULE_ID,
    title: 'YAML syntax error',
    severity: 'error',
    category: 'syntax',
    docs: {
      summary: 'Reports a Kubernetes manifest that is not valid YAML.',
      why: 'A document that does not parse is not checked by any rule, so its security problems stay hidden; the API server would reject it as well.',
      fix: 'Correct the syntax at the reported position (indentation, a missing colon, an unclosed quote or bracket).',
      references: [{ standard: 'YAML', title: 'YAML Ain’t Markup Language version 1.2.2', url: 'https://yaml.org/spec/1.2.2/' }],
    },
    messages: {},
  },
  {
    id: HELM_RULE_ID,
    title: 'Helm template not analysed',
    severity: 'info',
    category: 'syntax',
    docs: {
      summary: 'Notes a Helm chart template whose documents are not valid YAML until rendered, and were skipped.',
      why: 'kubeguard checks manifests as the API server receives them; template actions ({{ }}) must be rendered first, so what they produce is not checked here.',
      fix: 'Lint the rendered chart: helm template RELEASE CHART | kubeguard scan - --stdin-filename rendered.yaml.',
      references: [{ standard: 'Helm docs', title: 'helm template', url: 'https://helm.sh/docs/helm/helm_template/' }],
    },
    messages: {},
  },
  {
    id: LIMIT_RULE_ID,
    title: 'File too large to analyse',
    severity: 'info',
    category: 'syntax',
    docs: {
      summary: 'Notes a file larger than kubeguard analyses (16 MiB), which was skipped.',
      why: 'Parsing very large files would stall the editor; nothing in such a file is checked.',
      fix: 'Split the file into smaller manifests, one workload or a few objects per file.',
      references: [{ standard: 'Kubernetes docs', title: 'Managing Resources', url: 'https://kubernetes.io/docs/concepts/workloads/management/' }],
    },
    messages: {},
  },
  {
    id: SUPPRESSION_RULE_ID,
    title: 'Problem with a suppression comment',
    severity: 'warning',
    category: 'syntax',
    docs: {
      summary: 'Reports a kubeguard-disable comment that names no rule or an unknown one, gives no reason, has expired or suppresses nothing.',
      why: 'A suppression silences a security finding; one without a reason cannot be reviewed, and one that matches nothing or has expired gives a false sense that a risk was accepted.',
      fix: 'Write "# kubeguard-disable-next-line <rule-id> -- <why this is acceptable>" on the line above the finding, with an optional "(until YYYY-MM-DD)"; remove suppressions that match nothing.',
      references: [],
    },
    messages: {},
  },
];

/** Registered rules first (sorted by id), then the pseudo-rules: the order of SARIF's `tool.driver.rules`. */
export const CATALOG: readonly RuleMeta[] = [...allRules.map((rule) => rule.meta), ...PSEUDO_RULES];

export function catalogIndex(ruleId: string): number {
  return CATALOG.findIndex((meta) => meta.id === ruleId);
}
