/**
 * @file `--format github`: one GitHub Actions workflow command per problem
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), which the Actions
 * runner turns into annotations on the pull request's changed lines, then the usual summary.
 */
import type { Severity } from '../../../shared/src/engine/rule';
import type { Problem } from '../problems';
import { CATALOG } from '../ruleCatalog';

/** Actions has three annotation levels; info and hint findings are notices. */
const COMMAND: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function formatGithub(problems: readonly Problem[], summary: readonly string[]): string {
  const titles = new Map(CATALOG.map((meta) => [meta.id, meta.title]));
  const lines = problems.map((p) => {
    const title = `${titles.get(p.ruleId) ?? p.ruleId} (${p.ruleId})`;
    const properties = [
      ['file', p.file.split('\\').join('/')],
      ['line', String(p.line)],
      ['col', String(p.column)],
      ['endLine', String(p.endLine)],
      ['endColumn', String(p.endColumn)],
      ['title', title],
    ]
      .map(([key, value]) => `${key}=${escapeProperty(value!)}`)
      .join(',');
    return `::${COMMAND[p.severity]} ${properties}::${escapeData(p.message)}`;
  });
  // Plain lines are just log output for the runner; the summary says what the annotations add up to.
  return [...lines, ...summary].join('\n') + '\n';
}

/** A command's message: `%`, CR and LF would end or corrupt the command (as @actions/core escapes them). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which separate the properties from each other and from the message. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
