// The server half of the fuzzer: one long-lived `node dist/server.js --stdio`, fed the same inputs as the
// engine through the editor's own protocol (didOpen, incremental didChange, pull or push diagnostics,
// codeAction incl. fix-all, hover, didClose). The server must answer every request in time, never
// exit, never log an error, and report what the engine reports for the same text.
import { Lines, LspProcess } from '../../bench/lib/lsp.mjs';

const PULL = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, diagnostics: { refreshSupport: true } },
};
const PUSH = {
  textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } }, hover: { contentFormat: ['plaintext'] } },
  workspace: { applyEdit: true },
};

/** Time a request may take: 5 s, more for big texts (the 2 s engine limit plus IPC and a loaded machine). */
const limitFor = (chars) => Math.max(5_000, Math.ceil(chars / 100_000) * 4_000);

export class ServerFuzzer {
  constructor(serverPath) {
    this.serverPath = serverPath;
    this.lsp = undefined;
    this.mode = 'pull';
    this.starts = 0;
    this.loggedErrors = [];
    this.checked = 0;
  }

  async start() {
    this.mode = this.starts % 3 === 2 ? 'push' : 'pull';
    this.starts++;
    this.loggedErrors = [];
    this.lsp = new LspProcess(process.execPath, ['--enable-source-maps', this.serverPath, '--stdio'], {
      onRequest: (method, params) => (method === 'workspace/configuration' ? params.items.map(() => null) : null),
      onNotification: (method, params) => {
        if (method === 'window/logMessage' && params.type === 1) this.loggedErrors.push(params.message);
      },
    });
    await this.lsp.request('initialize', { processId: process.pid, rootUri: null, capabilities: this.mode === 'pull' ? PULL : PUSH, workspaceFolders: null }, 20_000);
    this.lsp.notify('initialized', {});
  }

  async stop() {
    if (this.lsp) await this.lsp.shutdown(3_000);
    this.lsp = undefined;
  }

  /** Runs one input; returns failures (each { kind, message, detail? }). Restarts the server after any failure. */
  async check(input, expectedRuleIds, index, rng) {
    if (!this.lsp || !this.lsp.alive) await this.start();
    const lsp = this.lsp;
    const failures = [];
    // The engine saw the same path (Helm templates are recognised by a templates/ folder).
    const uri = `file://${input.fileName.split('/').map(encodeURIComponent).join('/')}`;
    const logged = this.loggedErrors.length;
    let text = input.base;
    let version = 1;
    let lastResultId;
    const limit = () => limitFor(text.length);
    const step = async (what, fn) => {
      try {
        return await fn();
      } catch (error) {
        const exited = !lsp.alive;
        failures.push({
          kind: exited ? 'server-crash' : error.timeout ? 'server-hang' : 'server-error-response',
          message: `${what}: ${error.message}`,
          detail: exited ? `exit ${JSON.stringify(lsp.exitInfo)}; stderr: ${lsp.stderr.slice(-3000)}` : error.rpc ? JSON.stringify(error.rpc).slice(0, 3000) : undefined,
        });
        throw error;
      }
    };
    const diagnostics = async (what) => {
      if (this.mode === 'pull') {
        const { result } = await step(what, () => lsp.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: lastResultId }, limit()));
        if (result.kind === 'full') lastResultId = result.resultId;
        return result.kind === 'full' ? result.items : undefined;
      }
      const note = await step(what, () => lsp.waitForNotification((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === version, since, limit(), `publishDiagnostics v${version}`));
      return note.params.diagnostics;
    };
    let since = lsp.notifications.length;
    try {
      lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: rng.chance(0.9) ? 'yaml' : 'json', version, text } });
      let items = await diagnostics('diagnostics after didOpen');
      for (const s of input.steps) {
        version++;
        since = lsp.notifications.length;
        const lines = new Lines(text);
        // Edits of one step, last first: each range is still valid after the ones behind it are applied.
        const sorted = s.edits.map((e) => representable(text, e)).sort((a, b) => b.start - a.start || b.end - a.end);
        // Widened edits that now touch each other cannot be sent one by one: send the whole text instead.
        const touching = sorted.some((e, i) => i > 0 && e.end > sorted[i - 1].start);
        const contentChanges = touching || rng.chance(0.1)
          ? [{ text: applyAll(text, [...s.edits].sort((a, b) => b.start - a.start || b.end - a.end)) }]
          : sorted.map((e) => ({ range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, text: e.text }));
        lsp.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
        text = applyAll(text, [...s.edits].sort((a, b) => b.start - a.start || b.end - a.end));
        // Pull clients ask after some changes only; push clients get every version published.
        if (this.mode === 'push' || rng.chance(0.5) || s === input.steps[input.steps.length - 1]) items = (await diagnostics(`diagnostics after ${s.name}`)) ?? items;
      }
      if (text !== input.text) throw new Error('fuzzer bug: server text diverged from the engine text');
      if (items && expectedRuleIds) {
        // Every finding of the engine must be among the server's diagnostics. The server may add more:
        // its workspace checks (cross-file rules) see what lintText alone does not, and may use a
        // suppression the engine alone reports as unused.
        const got = items.map((d) => (typeof d.code === 'string' ? d.code : d.data?.ruleId)).sort();
        const left = new Map();
        for (const id of got) left.set(id, (left.get(id) ?? 0) + 1);
        const missing = [];
        for (const id of expectedRuleIds) {
          // An "unused suppression" note may be dropped by the server: a workspace finding used the suppression.
          if (id === 'suppression') continue;
          if (left.get(id)) left.set(id, left.get(id) - 1);
          else missing.push(id);
        }
        const overflow = items.some((d) => /Maximum call stack size exceeded/.test(d.message));
        // A handled parser limit (clear diagnostic) depends on the caller's stack depth, so the server and engine may differ there.
        const parserLimit = items.some((d) => /too large for the YAML parser/.test(d.message));
        if (overflow) {
          // The yaml parser's recursion: whether it overflows depends on the caller's stack (see parser-stack-overflow).
          failures.push({ kind: 'parser-stack-overflow', sig: 'yaml', message: 'a document could not be parsed: Maximum call stack size exceeded (yaml Parser recursion)', detail: 'reported by the server' });
        } else if (missing.length && !parserLimit) {
          failures.push({ kind: 'server-engine-mismatch', sig: missing.includes('yaml-syntax') ? 'syntax' : 'rules', message: `the server did not report ${missing.length} of the engine's ${expectedRuleIds.length} finding(s) for the same text`, detail: `missing: ${missing.join(' ')}\nserver: ${got.join(' ')}\nengine: ${expectedRuleIds.join(' ')}`.slice(0, 4000) });
        }
      }
      const lines = new Lines(text);
      const lineCount = lines.starts.length;
      const randomPosition = () => (rng.chance(0.1) ? { line: rng.int(lineCount + 5), character: rng.int(500) } : lines.positionAt(rng.int(text.length + 1)));
      const targets = (items ?? []).filter(() => rng.chance(0.3)).slice(0, 3);
      for (const d of targets) {
        const { result } = await step('codeAction at a diagnostic', () => lsp.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], triggerKind: 1 } }, limit()));
        this.checkEdits(result, lines, text, failures);
      }
      const a = randomPosition();
      const b = rng.chance(0.5) ? a : randomPosition();
      const { result: actions } = await step('codeAction at a random range', () => lsp.request('textDocument/codeAction', { textDocument: { uri }, range: { start: a, end: b }, context: { diagnostics: [], triggerKind: 2 } }, limit()));
      this.checkEdits(actions, lines, text, failures);
      if (rng.chance(0.3)) {
        const { result } = await step('codeAction source.fixAll', () => lsp.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 } }, limit() * 4));
        this.checkEdits(result, lines, text, failures);
      }
      for (const position of [randomPosition(), ...(targets[0] ? [targets[0].range.start] : [])]) {
        await step('hover', () => lsp.request('textDocument/hover', { textDocument: { uri }, position }, limit()));
      }
      lsp.notify('textDocument/didClose', { textDocument: { uri } });
      // A request after didClose: must still be answered (with nothing).
      await step('hover after didClose', () => lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }, 5_000));
    } catch (error) {
      if (!failures.length) failures.push({ kind: 'fuzzer-error', message: String(error?.message ?? error), detail: String(error?.stack ?? '') });
    }
    for (const message of this.loggedErrors.slice(logged)) failures.push({ kind: 'server-logged-error', message: message.split('\n')[0].slice(0, 300), detail: message.slice(0, 4000) });
    this.checked++;
    if (failures.length) {
      // Start clean for the next input: a hung or confused server would blame the wrong input.
      lsp.kill();
      this.lsp = undefined;
    }
    return failures;
  }

  /** Every edit a code action offers must lie inside the document it was computed for. */
  checkEdits(actions, lines, text, failures) {
    for (const action of actions ?? []) {
      const changes = action.edit?.documentChanges?.flatMap((c) => c.edits ?? []) ?? Object.values(action.edit?.changes ?? {}).flat();
      for (const e of changes) {
        for (const p of [e.range.start, e.range.end]) {
          const lineLength = p.line < lines.starts.length ? (p.line + 1 < lines.starts.length ? lines.starts[p.line + 1] : text.length + 1) - lines.starts[p.line] - 1 : -1;
          if (p.line >= lines.starts.length || p.character > lineLength + 1) {
            failures.push({ kind: 'server-invariant', message: `code action "${action.title}" edits outside the document (${p.line}:${p.character}, ${lines.starts.length} lines)` });
            return;
          }
        }
      }
    }
  }
}

/**
 * LSP positions cannot point between the \r and \n of a CRLF (it is one line break): an edit that starts
 * or ends there is widened over the pair, with the same result text, so what the server is sent is exact.
 */
function representable(text, edit) {
  let { start, end, text: insert } = edit;
  if (start > 0 && text[start - 1] === '\r' && text[start] === '\n') {
    start--;
    insert = '\r' + insert;
  }
  if (end > 0 && end < text.length && text[end - 1] === '\r' && text[end] === '\n') {
    end++;
    insert = insert + '\n';
  }
  if (start > end) end = start;
  return { start, end, text: insert };
}

function applyAll(text, sortedDescending) {
  let out = text;
  for (const e of sortedDescending) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
