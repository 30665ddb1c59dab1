// Where the e2e harness finds the repo, its build output and the provisioned code-server.
import * as path from 'node:path';

/** out/test/e2e/harness/ → the repo root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const SETUP_SCRIPT = path.join(REPO_ROOT, 'scripts', 'e2e', 'setup-code-server.sh');
export const WORKSPACE_FIXTURE = path.join(REPO_ROOT, 'test', 'e2e', 'workspace');
export const SUITE_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'out', 'e2e-artifacts');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
