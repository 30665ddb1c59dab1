// Drives the VS Code workbench the way a person does (keyboard, mouse, what is on screen), for the DOM e2e test.
import { Locator, Page } from 'playwright-core';

const SLOW = 60_000; // first squiggle: cold extension host + language server on a busy machine

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: SLOW });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: SLOW });
}

export async function openWithQuickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').waitFor();
}

/** Polls until `probe` returns a value; throws `message()` after the timeout. */
export async function poll<T>(probe: () => Promise<T | undefined>, message: () => string, timeoutMs = SLOW): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${message()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The error squiggle drawn on the editor line that shows `lineText` (squiggles are overlays, matched by position). */
export async function errorSquiggleOnLine(page: Page, lineText: string, timeoutMs = SLOW): Promise<Locator> {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const line = editor.locator('.view-line', { hasText: lineText }).first();
  return poll(async () => {
    const lineBox = await line.boundingBox();
    if (!lineBox) return undefined;
    const squiggles = editor.locator('.squiggly-error');
    for (let i = 0; i < (await squiggles.count()); i++) {
      const box = await squiggles.nth(i).boundingBox();
      if (box && box.y + box.height / 2 >= lineBox.y && box.y + box.height / 2 <= lineBox.y + lineBox.height) return squiggles.nth(i);
    }
    return undefined;
  }, () => `an error squiggle on the line '${lineText}'`, timeoutMs);
}

/** The syntax-highlighting span that draws `token` on the editor line showing `lineText`. */
export function tokenOnLine(page: Page, lineText: string, token: string): Locator {
  const line = page.locator('.editor-instance .monaco-editor .view-line', { hasText: lineText }).first();
  return line.locator('span > span', { hasText: new RegExp(`^${token}$`) }).first();
}

export async function problemsPanelRows(page: Page, containing: string): Promise<string[]> {
  await page.keyboard.press('Control+Shift+M');
  return poll(async () => {
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    return rows.some((row) => row.includes(containing)) ? rows : undefined;
  }, () => `a Problems panel row containing '${containing}'`, 15_000);
}

/**
 * Hovers the middle of `target` and returns the hover's two parts: the problem (message, source and code, drawn by
 * VS Code from the diagnostic) and the Markdown that the language server's hover provider returned.
 */
export async function hoverOver(page: Page, target: Locator): Promise<{ widget: Locator; problem: Locator; markdown: Locator }> {
  const box = await target.boundingBox();
  if (!box) throw new Error('hover target is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const widget = page.locator('.monaco-hover:not(.hidden)').first();
  const problem = widget.locator('.marker.hover-contents').first();
  const markdown = widget.locator('.markdown-hover .rendered-markdown').first();
  await problem.waitFor({ timeout: 15_000 });
  await markdown.waitFor({ timeout: 15_000 });
  return { widget, problem, markdown };
}

/** Puts the cursor at a 1-based line and column with Quick Open's go-to-line mode (`:line:column`). */
export async function goToLine(page: Page, line: number, column: number): Promise<void> {
  await page.mouse.move(5, 5); // away from any hover
  await page.keyboard.press('Escape');
  await page.locator('.editor-instance .monaco-editor textarea').first().focus();
  // Ctrl+G in the browser opens Quick Open; fill it with the go-to-line prefix explicitly.
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Opens the quick-fix menu (Ctrl+.) at the cursor and picks the action titled `title`. */
export async function applyQuickFix(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first().waitFor({ timeout: 15_000 });
  // Locator.click() times out on action-widget rows (actionability check): select with the keyboard.
  const focused = page.locator('.action-widget .monaco-list-row.action.focused');
  for (let i = 0; i < 20 && !(await focused.innerText().catch(() => '')).includes(title); i++) await page.keyboard.press('ArrowDown');
  if (!(await focused.innerText().catch(() => '')).includes(title)) {
    const offered = await page.locator('.action-widget .monaco-list-row.action').allInnerTexts();
    throw new Error(`could not select '${title}' in the quick-fix menu: ${JSON.stringify(offered)}`);
  }
  await page.keyboard.press('Enter');
}
