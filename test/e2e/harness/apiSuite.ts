// Runs the mocha suite (out/test/e2e/suite) inside code-server's extension host, like @vscode/test-electron does.
import { Browser } from 'playwright-core';
import { format } from 'node:util';
import { saveFailureScreenshot } from './browser';
import { CodeServer } from './codeServer';
import { SUITE_ENTRY } from './paths';

export interface SuiteResult {
  /** What VS Code passed to `codeAutomationExit`: 0 when `run()` resolved, 1 when it failed; 124 on our timeout. */
  exitCode: number;
  /** The extension host's console output: mocha's report among it. */
  log: string[];
  screenshot?: string;
}

/**
 * The workbench reports the test run through two functions it expects on `window` (VS Code's smoke-test hooks):
 * `codeAutomationLog` receives the extension host's console output and `codeAutomationExit` the exit code.
 */
export async function runApiSuite(server: CodeServer, browser: Browser, timeoutMs: number): Promise<SuiteResult> {
  const page = await browser.newPage();
  const log: string[] = [];
  let reportExit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => { reportExit = resolve; });
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => log.push(formatConsoleArgs(args ?? [])));
  await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
  await page.goto(server.url({ extensionTestsPath: SUITE_ENTRY }));

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => { timer = setTimeout(() => resolve(124), timeoutMs); });
  const exitCode = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  const screenshot = exitCode === 124 ? await saveFailureScreenshot(page, 'api-suite-timeout') : undefined;
  await page.close();
  return { exitCode, log, screenshot };
}

/** Console arguments as the terminal would print them, without the browser's `%c` styling. */
function formatConsoleArgs(args: unknown[]): string {
  if (typeof args[0] === 'string' && args[0].includes('%c')) {
    const styles = args[0].split('%c').length - 1;
    return format(args[0].replaceAll('%c', ''), ...args.slice(1 + styles));
  }
  return format(...args);
}
