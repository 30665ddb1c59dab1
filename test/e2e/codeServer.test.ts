// Runs kubeguard inside a real VS Code (code-server + headless Debian chromium): the vscode-API suite, then what a person sees.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { runApiSuite } from './harness/apiSuite';
import { launchChromium, saveFailureScreenshot } from './harness/browser';
import { startCodeServer } from './harness/codeServer';
import { REPO_ROOT } from './harness/paths';
import { assertBuilt, provisionCodeServer } from './harness/provision';
import {
  applyQuickFix, errorSquiggleOnLine, goToLine, hoverOver, openWithQuickOpen, poll, problemsPanelRows, tokenOnLine,
  waitForWorkbench,
} from './harness/workbench';

const MINUTE = 60_000;

describe('kubeguard in a real VS Code (code-server)', { timeout: 20 * MINUTE }, () => {
  let codeServerBinary: string;
  let browser: Browser;

  before(async () => {
    assertBuilt();
    codeServerBinary = provisionCodeServer(); // ≈1 min on a cold machine, instant when installed
    browser = await launchChromium();
  }, { timeout: 15 * MINUTE });

  after(async () => { await browser?.close(); });

  test('the vscode-API e2e suite passes in the extension host', { timeout: 5 * MINUTE }, async () => {
    const server = await startCodeServer(codeServerBinary);
    try {
      const started = Date.now();
      const result = await runApiSuite(server, browser, 3 * MINUTE);
      console.log(`--- e2e suite (extension host), ${((Date.now() - started) / 1000).toFixed(1)} s ---\n${result.log.join('\n')}`);
      if (result.exitCode !== 0) console.log(`--- code-server log ---\n${server.log().slice(-4000)}`);
      assert.equal(result.exitCode, 0,
        result.exitCode === 124 ? `the suite never reported back; screenshot: ${result.screenshot}` : `the e2e suite failed:\n${mochaFailures(result.log)}`);
    } finally {
      await server.stop();
    }
  });

  test('a person sees the squiggle, the hover, the Problems row and the quick fix', { timeout: 5 * MINUTE }, async () => {
    const server = await startCodeServer(codeServerBinary);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const file = path.join(server.workspace, 'privileged-pod.yaml');
    const original = readFileSync(file, 'utf8');
    const privilegedLine = original.split('\n').findIndex((line) => line.includes('privileged: true')) + 1;
    const trueColumn = original.split('\n')[privilegedLine - 1].indexOf('true') + 1;
    try {
      await page.goto(server.url());
      await waitForWorkbench(page);
      await openWithQuickOpen(page, 'privileged-pod.yaml');

      const squiggle = await errorSquiggleOnLine(page, 'privileged: true');
      const squiggleBox = await squiggle.boundingBox();
      const valueBox = await tokenOnLine(page, 'privileged: true', 'true').boundingBox();
      assert.ok(squiggleBox && valueBox && Math.abs(squiggleBox.x - valueBox.x) < 2 && Math.abs(squiggleBox.width - valueBox.width) < 2,
        `the squiggle should underline exactly 'true' (squiggle ${JSON.stringify(squiggleBox)}, value ${JSON.stringify(valueBox)})`);

      // The status bar counts the file's findings (at least the privileged error).
      const status = await poll(async () => {
        const text = await page.locator('.statusbar-item[id*="kubeguard.status"]').first().innerText().catch(() => '');
        return /[1-9]\d*/.test(text) ? text : undefined;
      }, () => 'a kubeguard status bar item with a finding count', 15_000);
      assert.match(status, /\d/);

      const hover = await hoverOver(page, squiggle);
      const problemText = await hover.problem.innerText();
      const markdownText = await hover.markdown.innerText();
      console.log(`hover: ${JSON.stringify(problemText)} + ${JSON.stringify(markdownText.slice(0, 300))}`);
      // "kubeguard(privileged-container)"; the code is drawn as a link (to the rule's docs) without the parentheses.
      assert.match(problemText, /kubeguard\W*privileged-container/);
      assert.match(markdownText, /privileged-container/, 'the language server hover names the rule');
      if (process.env.KUBEGUARD_SCREENSHOT === '1') await screenshotForReadme(page);

      await page.mouse.move(5, 5); // close the hover
      const rows = await problemsPanelRows(page, 'privileged-container');
      const row = rows.find((r) => r.includes('privileged-container'))!;
      assert.match(row, /kubeguard/);
      const message = problemText.slice(0, problemText.lastIndexOf('kubeguard')).trim(); // the hover shows the same message
      assert.ok(message.length > 0 && row.includes(message), `the row should carry the message '${message}': ${row}`);
      assert.ok(row.includes(`[Ln ${privilegedLine}, Col ${trueColumn}]`), `row should point at the value: ${row}`);

      await goToLine(page, privilegedLine, trueColumn);
      await applyQuickFix(page, 'Set privileged: false');
      await page.locator('.editor-instance .view-lines', { hasText: 'privileged: false' }).waitFor({ timeout: 10_000 });
      await page.keyboard.press('Control+S');
      const expected = original.replace('privileged: true', 'privileged: false');
      const saved = await poll(async () => {
        const text = readFileSync(file, 'utf8');
        return text === expected ? text : undefined;
      }, () => `the fixed file on disk; it reads:\n${readFileSync(file, 'utf8')}`, 10_000);
      assert.equal(saved, expected, 'only the value changed, comments kept');
    } catch (error) {
      const shot = await saveFailureScreenshot(page, 'workbench-failure');
      console.log(`screenshot: ${shot}\n--- code-server log ---\n${server.log().slice(-4000)}`);
      throw error;
    } finally {
      await page.close();
      await server.stop();
    }
  });
});

/** Mocha's "N failing" section, so the assertion itself says which test failed and why (CI may show only the tail). */
function mochaFailures(log: string[]): string {
  const text = log.join('\n');
  const start = text.search(/^\s*\d+ failing/m);
  return start < 0 ? '(no mocha failure report in the log above)' : text.slice(start, start + 6000);
}

/** docs/images/hover.png for the README: the manifest's text with the squiggle and the open hover, cropped to them. */
async function screenshotForReadme(page: Page): Promise<void> {
  const images = path.join(REPO_ROOT, 'docs', 'images');
  mkdirSync(images, { recursive: true });
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  // The hover fades in; a screenshot taken mid-animation is washed out.
  await hover.evaluate((element) =>
    Promise.all(element.getAnimations({ subtree: true }).map((animation: { finished: Promise<unknown> }) => animation.finished)));
  const editor = await page.locator('.editor-instance').first().boundingBox();
  // The hover grows as its Markdown (code blocks included) renders: wait until its size holds still.
  let previous = '';
  const popup = await poll(async () => {
    const box = await hover.boundingBox();
    const key = JSON.stringify(box);
    const settled = key === previous;
    previous = key;
    return settled ? box : undefined;
  }, () => 'the hover to stop resizing', 5_000);
  if (!editor || !popup) throw new Error('editor or hover not on screen');
  const padding = 16;
  const right = Math.min(editor.x + editor.width, popup.x + popup.width + padding);
  const bottom = Math.min(editor.y + editor.height, popup.y + popup.height + padding);
  await page.screenshot({ path: path.join(images, 'hover.png'), clip: { x: editor.x, y: editor.y, width: right - editor.x, height: bottom - editor.y } });
  console.log(`wrote ${path.join(images, 'hover.png')}`);
}
