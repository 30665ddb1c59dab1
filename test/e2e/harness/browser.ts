// Launches Debian's chromium through playwright-core with the flags this offline, root, headless machine needs.
import { Browser, Page, chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS_DIR, CHROMIUM } from './paths';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', // running as root
      '--disable-gpu',
      '--disable-dev-shm-usage',
      // The network is closed: without these chromium keeps trying (and failing) to reach Google's services.
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Saves a screenshot for a failure report and returns its path (out/ is git-ignored). */
export async function saveFailureScreenshot(page: Page, name: string): Promise<string | undefined> {
  try {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const file = path.join(ARTIFACTS_DIR, `${name}.png`);
    await page.screenshot({ path: file });
    return file;
  } catch {
    return undefined;
  }
}
