// Starts a throwaway code-server (a real VS Code workbench + Node extension host) for one test, and tears it down.
import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, WORKSPACE_FIXTURE } from './paths';

/** User settings that keep the workbench quiet and deterministic: no welcome page, trust prompt, updates or telemetry. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'editor.hover.delay': 200,
  // Below the line, the hover has the whole editor height: nothing is clipped (matters for the README screenshot).
  'editor.hover.above': false,
  'files.autoSave': 'off',
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  // The temp workspace may sit inside a git checkout: no "open the parent repository?" toast over the editor.
  'git.openRepositoryInParentFolders': 'never',
};

export interface CodeServer {
  /** The temp copy of test/e2e/workspace that the workbench opens; tests may edit it. */
  workspace: string;
  /** Workbench URL with the extension under development loaded (and `extensionTestsPath` if given). */
  url(options?: { extensionTestsPath?: string }): string;
  /** Everything code-server printed, for failure reports. */
  log(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(binary: string): Promise<CodeServer> {
  const root = mkdtempSync(path.join(tmpdir(), 'kubeguard-e2e-'));
  const workspace = path.join(root, 'workspace');
  const userData = path.join(root, 'user-data');
  cpSync(WORKSPACE_FIXTURE, workspace, { recursive: true });
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  // Without --config, code-server writes a config.yaml (with a password) into the home folder.
  writeFileSync(path.join(root, 'config.yaml'), 'auth: none\n');

  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const child = spawn(binary, [
    '--config', path.join(root, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', path.join(root, 'extensions'),
    '--bind-addr', host, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', workspace,
  ], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so teardown reaches the extension host and the language server too.
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => { output += chunk; });
  child.stderr?.on('data', (chunk) => { output += chunk; });

  const server: CodeServer = {
    workspace,
    url({ extensionTestsPath } = {}) {
      const remote = (file: string) => `vscode-remote://${host}${file}`;
      const payload: [string, string][] = [['extensionDevelopmentPath', remote(REPO_ROOT)], ['skipWelcome', 'true']];
      if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
      return `http://${host}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    log: () => output,
    async stop() {
      await killProcessGroup(child);
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await waitForHealthy(`http://${host}/healthz`, child, () => output);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitForHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}

/** SIGTERM the whole group (server, extension host, language server); SIGKILL whatever is left after 5 s. */
async function killProcessGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => { try { process.kill(-pid, signal); } catch { /* group already empty */ } };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise<void>((resolve) => { timer = setTimeout(resolve, 5000); })]);
    clearTimeout(timer);
  }
  // Children may outlive the leader (an extension host once survived a plain kill of the server): always sweep.
  signalGroup('SIGKILL');
}
