/** @file Markdown for a rule, from its metadata: the one source of hover text and docs/rules/<id>.md. */
import type { PeerIds, RuleMeta } from '../engine/rule';

const PEER_NAMES: Readonly<Record<keyof PeerIds, string>> = {
  kubeLinter: 'kube-linter',
  checkov: 'Checkov',
  polaris: 'Polaris',
  trivy: 'Trivy',
  kubescape: 'Kubescape',
  kubesec: 'kubesec',
  kubeScore: 'kube-score',
};

function peersLine(peers: PeerIds | undefined): string | undefined {
  if (!peers) return undefined;
  const parts = (Object.keys(PEER_NAMES) as Array<keyof PeerIds>).filter((k) => peers[k]).map((k) => `${PEER_NAMES[k]} \`${peers[k]}\``);
  return parts.length ? `Same concept elsewhere: ${parts.join(', ')}.` : undefined;
}

/** What a rule covers beyond its summary: the PSA checks it maps, hardening beyond PSS, opt-in. */
function scopeLine(meta: RuleMeta): string | undefined {
  const parts: string[] = [];
  if (meta.pssChecks?.length) {
    parts.push(`Pod Security admission ${meta.pssChecks.length === 1 ? 'check' : 'checks'}: ${meta.pssChecks.map((c) => `\`${c}\``).join(', ')}.`);
    parts.push('The severity follows the policy that applies (the Namespace\'s labels, else kubeguard.podSecurity): error where admission would reject the pod, warning where it only warns, info where the namespace admits it; the default severity is the one under the default policy.');
  }
  if (meta.category === 'hardening') parts.push('Hardening beyond the Pod Security Standards.');
  if (meta.enabledByDefault === false) parts.push(`Off by default: turn it on with \`"kubeguard.rules": { "${meta.id}": "${meta.severity}" }\`.`);
  return parts.length ? parts.join(' ') : undefined;
}

function fixLine(meta: RuleMeta): string {
  if (meta.fixable === 'safe') return 'Quick fix: yes, safe (joins "fix all").';
  if (meta.fixable === 'unsafe') return 'Quick fix: yes, review it (not applied by "fix all").';
  return 'Quick fix: none; the change needs a human decision.';
}

/** The hover for a finding: the message first, then why, what to do and references. */
export function renderHover(meta: RuleMeta, message: string): string {
  return [
    `**${meta.title}** \`${meta.id}\` (${meta.severity})`,
    message,
    `**Why it matters.** ${meta.docs.why}`,
    `**What to do.** ${meta.docs.fix}`,
    meta.docs.example ? '```yaml\n' + meta.docs.example + '\n```' : undefined,
    meta.docs.references.map((r) => `[${r.title}](${r.url})`).join(' · '),
    peersLine(meta.docs.peers),
    scopeLine(meta),
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n\n');
}

/** The full page for docs/rules/<id>.md. */
export function renderRuleDoc(meta: RuleMeta): string {
  const lines = [
    `# ${meta.id}`,
    '',
    `**${meta.title}**. Default severity: ${meta.severity}. Category: ${meta.category}. ${fixLine(meta)}`,
    '',
    meta.docs.summary,
    '',
    ...(scopeLine(meta) ? [scopeLine(meta)!, ''] : []),
    '## Why it matters',
    '',
    meta.docs.why,
    '',
    '## What to do',
    '',
    meta.docs.fix,
    '',
  ];
  if (meta.docs.example) lines.push('## Example', '', '```yaml', meta.docs.example, '```', '');
  lines.push('## Messages', '', ...Object.values<string>(meta.messages).map((m) => `- ${m}`), '');
  lines.push('## References', '', ...meta.docs.references.map((r) => `- [${r.title}](${r.url})`), '');
  const peers = peersLine(meta.docs.peers);
  if (peers) lines.push('## Other tools', '', peers, '');
  lines.push('<!-- Generated from the rule metadata by scripts/gen-docs.ts; do not edit by hand. -->', '');
  return lines.join('\n');
}

/** The link a diagnostic's code points at: the rule's primary reference. */
export function ruleUrl(meta: RuleMeta): string {
  return meta.docs.references[0]?.url ?? 'https://kubernetes.io/docs/concepts/security/';
}

/** docs/rules/README.md: every rule in one table. */
export function renderRuleIndex(metas: readonly RuleMeta[]): string {
  const rows = metas.map((m) => `| [\`${m.id}\`](${m.id}.md) | ${m.title} | ${m.severity} | ${m.category} | ${m.fixable ?? '—'} |`);
  return [
    '# kubeguard rules',
    '',
    '| rule | what it finds | default severity | category | quick fix |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Quick fix "safe" means it cannot break a working workload and joins "fix all"; "unsafe" fixes are offered one at a time for review.',
    '',
    '<!-- Generated from the rule metadata by scripts/gen-docs.ts; do not edit by hand. -->',
    '',
  ].join('\n');
}

/** The hover for a security-relevant key without a finding: what it does and its secure value, then its rule's reasoning. */
export function renderKeyHover(doc: { key: string; what: string; secure: string; rule: string }, meta: RuleMeta | undefined): string {
  return [
    `**\`${doc.key}\`** — ${doc.what}`,
    `**Secure value:** ${doc.secure}`,
    meta ? `**Why it matters.** ${meta.docs.why}` : undefined,
    meta?.docs.example ? '```yaml\n' + meta.docs.example + '\n```' : undefined,
    meta ? meta.docs.references.map((r) => `[${r.title}](${r.url})`).join(' · ') : undefined,
    meta ? `Checked by kubeguard rule \`${meta.id}\`. ${peersLine(meta.docs.peers) ?? ''}`.trim() : undefined,
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n\n');
}
