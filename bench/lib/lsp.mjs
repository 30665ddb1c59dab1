// A minimal LSP client over stdio: JSON-RPC framing, request/notification, arrival timestamps.
// Written here rather than taken from vscode-jsonrpc so that what is timed is the server, not a client library.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export class LspProcess {
  /**
   * @param {string} command
   * @param {string[]} args
   * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, onRequest?: (method: string, params: any) => any, onNotification?: (method: string, params: any, at: number) => void }} options
   */
  constructor(command, args, options = {}) {
    this.child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.child.pid;
    this.onRequest = options.onRequest ?? (() => null);
    this.onNotification = options.onNotification ?? (() => {});
    this.nextId = 1;
    /** @type {Map<number, {resolve: Function, reject: Function, method: string}>} */
    this.pending = new Map();
    /** @type {Array<{method: string, params: any, at: number}>} */
    this.notifications = [];
    /** @type {Array<() => void>} */
    this.waiters = [];
    this.stderr = '';
    this.exited = false;
    this.exitInfo = null;
    this.buffer = Buffer.alloc(0);
    this.child.stdout.on('data', (chunk) => this.receive(chunk));
    this.child.stderr.on('data', (chunk) => {
      this.stderr += chunk.toString();
      if (this.stderr.length > 200_000) this.stderr = this.stderr.slice(-100_000);
    });
    this.child.stdin.on('error', () => {});
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.exitInfo = { code, signal };
      for (const { reject, method } of this.pending.values()) reject(new Error(`${method}: server exited (code ${code}, signal ${signal})`));
      this.pending.clear();
      this.wake();
    });
  }

  get alive() {
    return !this.exited;
  }

  receive(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length:\s*(\d+)/i.exec(header);
      if (!match) throw new Error(`bad LSP header: ${header}`);
      const length = Number(match[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      const at = performance.now();
      this.dispatch(JSON.parse(body), at);
    }
  }

  dispatch(message, at) {
    if ('id' in message && message.method === undefined) {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(Object.assign(new Error(`${waiter.method}: ${message.error.message}`), { rpc: message.error, at }));
      else waiter.resolve({ result: message.result, at });
    } else if ('id' in message) {
      Promise.resolve()
        .then(() => this.onRequest(message.method, message.params))
        .then(
          (result) => this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null }),
          (error) => this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error?.message ?? error) } }),
        );
    } else {
      this.notifications.push({ method: message.method, params: message.params, at });
      if (this.notifications.length > 10_000) this.notifications.splice(0, 5_000);
      this.onNotification(message.method, message.params, at);
      this.wake();
    }
  }

  send(message) {
    if (this.exited) return;
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Resolves with `{ result, at, sent }` (`at`/`sent`: performance.now() of arrival and of sending). */
  request(method, params, timeoutMs = 60_000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.exited) return reject(new Error(`${method}: server is not running`));
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(Object.assign(new Error(`${method}: no answer within ${timeoutMs} ms`), { timeout: true }));
      }, timeoutMs);
      const sent = performance.now();
      this.pending.set(id, {
        method,
        resolve: (value) => {
          clearTimeout(timer);
          resolve({ ...value, sent });
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
    return performance.now();
  }

  wake() {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** The first notification at index >= `since` that satisfies `predicate`. */
  async waitForNotification(predicate, since = 0, timeoutMs = 60_000, what = 'notification') {
    const deadline = performance.now() + timeoutMs;
    let index = since;
    for (;;) {
      for (; index < this.notifications.length; index++) {
        const n = this.notifications[index];
        if (predicate(n)) return n;
      }
      if (this.exited) throw new Error(`server exited while waiting for ${what}`);
      const left = deadline - performance.now();
      if (left <= 0) throw Object.assign(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`), { timeout: true });
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async shutdown(timeoutMs = 5000) {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit', null);
    } catch {
      // fall through to kill
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
    if (!this.exited) this.child.kill('SIGKILL');
  }

  kill() {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}

/** Offsets ↔ LSP positions (UTF-16, line breaks \n, \r\n and lone \r, as vscode-languageserver-textdocument counts them). */
export class Lines {
  constructor(text) {
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) starts.push(i + 1);
    }
    this.starts = starts;
  }

  positionAt(offset) {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}
