// `npm start`: builds kubeguard and opens it in a real VS Code (code-server) in your browser, on examples/.
// Usage: npm start [-- --port 8080]      Stop with Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const examples = join(root, 'examples');
// Kept between runs (unlike the tests' temp dirs) so window layout and settings you change survive a restart.
const state = join(root, '.vscode-test', 'start');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function requestedPort() {
  const index = process.argv.indexOf('--port');
  return index > 0 ? Number(process.argv[index + 1]) : Number(process.env.PORT ?? 0);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

async function waitForHealthy(url, child) {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${join(state, 'code-server.log')}`);
    try { if ((await fetch(url)).ok) return; } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not come up; see ${join(state, 'code-server.log')}`);
}

run(process.execPath, ['esbuild.mjs']);
if (!existsSync(join(root, 'dist', 'server.js'))) console.warn('warning: dist/server.js is missing, so the extension will show no diagnostics');
const setup = spawnSync('bash', [join(root, 'scripts', 'e2e', 'setup-code-server.sh')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (setup.status !== 0) process.exit(setup.status ?? 1);
const codeServer = setup.stdout.trim().split('\n').pop();

mkdirSync(join(state, 'user-data', 'User'), { recursive: true });
writeFileSync(join(state, 'config.yaml'), 'auth: none\n'); // or code-server writes one with a password into ~/.config
const settings = join(state, 'user-data', 'User', 'settings.json');
if (!existsSync(settings)) {
  writeFileSync(settings, JSON.stringify({
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'update.mode': 'none',
    'git.openRepositoryInParentFolders': 'never', // examples/ is inside this repo: no prompt about it
  }, null, 2));
}

const port = requestedPort() || (await freePort());
const host = `127.0.0.1:${port}`;
const log = openSync(join(state, 'code-server.log'), 'w');
const child = spawn(codeServer, [
  '--config', join(state, 'config.yaml'), '--user-data-dir', join(state, 'user-data'), '--extensions-dir', join(state, 'extensions'),
  '--bind-addr', host, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
  '--disable-getting-started-override',
], { stdio: ['ignore', log, log], detached: true }); // own process group: Ctrl+C also ends the extension host and server

function stop() {
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code, signal) => {
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already empty */ }
  process.exit(signal === 'SIGTERM' ? 0 : code ?? 0);
});

await waitForHealthy(`http://${host}/healthz`, child);
// `payload` loads this folder as an "extension under development": no .vsix, no install.
const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${host}${root}`]]);
console.log(`
kubeguard is running in VS Code (code-server ${host}) on examples/. Open:

  http://${host}/?folder=${encodeURIComponent(examples)}&payload=${encodeURIComponent(payload)}

After changing the sources: \`npm run build\` (or \`node esbuild.mjs --watch\`), then "Developer: Reload Window".
code-server's log: ${join(state, 'code-server.log')}.  Stop with Ctrl+C.
`);
