// Mocha entry point loaded by the extension host (code-server's `payload` or @vscode/test-electron): runs every *.e2e.js here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Called by VS Code with `extensionTestsPath`; rejecting (or throwing) makes VS Code exit with code 1. */
export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false, // the log travels through the workbench (codeAutomationLog), not a terminal
    // Generous: a cold extension host plus language server start can take a while on a busy CI machine.
    timeout: 60_000,
    // KUBEGUARD_E2E_GREP=fixAll runs only the matching tests (code-server passes its environment to the extension host).
    grep: process.env.KUBEGUARD_E2E_GREP || undefined,
  });
  // Suite files are *.e2e.js, never *.test.js: `npm test` runs *.test.js with node:test outside VS Code.
  const suiteFiles = fs.readdirSync(__dirname).filter((name) => name.endsWith('.e2e.js')).sort();
  for (const name of suiteFiles) mocha.addFile(path.join(__dirname, name));

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} e2e test(s) failed`);
}
