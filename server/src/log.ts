/** @file Logging and the guards that keep any one bad request or document from taking the server down. */
import type { Connection } from 'vscode-languageserver/node';

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Logs through the connection (`window/logMessage`), which lands in the editor's output panel, never in a popup. */
export function connectionLog(connection: Connection): Log {
  return {
    info: (message) => connection.console.info(message),
    warn: (message) => connection.console.warn(message),
    error: (message) => connection.console.error(message),
  };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

/**
 * Wraps a handler so that a throw or a rejection is logged and answered with `fallback`:
 * a linter that crashes on a half-typed file is worse than one that is quiet for a keystroke.
 */
export function guard<P extends unknown[], R>(log: Log, what: string, fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await handler(...args);
    } catch (error) {
      log.error(`kubeguard: ${what} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}

/**
 * Last line of defence for what no handler can catch (a throw in a timer, a forgotten promise).
 * Node's default is to exit; an editor would then show "server crashed" and stop linting.
 */
export function installProcessGuards(log: () => Log | undefined): void {
  let reporting = false;
  const report = (kind: string, error: unknown) => {
    // Logging itself can fail (the client hung up); never recurse into another report.
    if (reporting) return;
    reporting = true;
    try {
      const message = `kubeguard: ${kind}: ${describeError(error)}`;
      const target = log();
      if (target) target.error(message);
      else process.stderr.write(message + '\n');
    } catch {
      // Nowhere left to report to.
    } finally {
      reporting = false;
    }
  };
  process.on('uncaughtException', (error) => report('uncaught exception', error));
  process.on('unhandledRejection', (reason) => report('unhandled rejection', reason));
}
