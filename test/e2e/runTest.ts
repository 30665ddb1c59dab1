// Runs the same vscode-API e2e suite in desktop VS Code via @vscode/test-electron (needs to download VS Code; not usable offline).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  // The suite edits (and reverts) fixtures: give it a copy of the workspace, as the code-server runner does.
  const root = mkdtempSync(path.join(tmpdir(), 'kubeguard-electron-'));
  const workspace = path.join(root, 'workspace');
  cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js'),
      // Other installed extensions (a YAML extension, say) would add their own diagnostics and hovers.
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error('e2e tests failed:', error);
  process.exit(1);
});
