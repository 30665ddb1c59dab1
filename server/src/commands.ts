/** @file `workspace/executeCommand`: "Fix all auto-fixable problems", applied through `workspace/applyEdit`. */
import type { Connection, ExecuteCommandParams } from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import { toTextEdits, toWorkspaceEdit } from './convert';
import { computeFixAll, FIX_ALL_COMMAND, FIX_ALL_KIND } from './fixAll';
import { guard } from './log';

export const COMMANDS = [FIX_ALL_COMMAND];

export function registerCommands(connection: Connection, context: ServerContext): void {
  const { documents, features, log } = context;
  connection.onExecuteCommand(guard(log, 'workspace/executeCommand', null, async (params: ExecuteCommandParams) => {
    if (params.command !== FIX_ALL_COMMAND) return null;
    const uri = uriArgument(params.arguments?.[0]);
    if (!uri) {
      log.warn(`kubeguard: ${FIX_ALL_COMMAND} needs the document URI as its argument`);
      return null;
    }
    const fixed = await computeFixAll(documents, uri);
    if (!fixed || fixed.edits.length === 0) return null;
    if (!features.applyEdit) {
      log.warn(`kubeguard: the client does not support workspace/applyEdit; use the ${FIX_ALL_KIND} code action instead`);
      return null;
    }
    const edit = toWorkspaceEdit(uri, fixed.state.version, toTextEdits(fixed.state.positions, fixed.edits), features.versionedEdits);
    const applied = await connection.workspace.applyEdit({ label: 'kubeguard: fix all auto-fixable problems', edit });
    if (!applied.applied) log.info(`kubeguard: fix all was not applied to ${uri}${applied.failureReason ? `: ${applied.failureReason}` : ''}`);
    return null;
  }));
}

/** Accepts what clients put in `arguments`: a URI string, a TextDocumentIdentifier, or `{ uri }`. */
function uriArgument(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (typeof argument === 'object' && argument !== null && typeof (argument as { uri?: unknown }).uri === 'string') return (argument as { uri: string }).uri;
  return undefined;
}
