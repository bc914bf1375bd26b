// End-to-end harness: the extension in a real VS Code (code-server, run by Node 24 from
// node_modules) driven through Debian's Chromium with playwright-core. Run `bash setup.sh` first.
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from '../../scripts/codeServer.mjs';

// Starting code-server lives beside `npm start`, which needs it before the test packages exist.
export { defaultSettings, freePort, repoRoot, startCodeServer } from '../../scripts/codeServer.mjs';
export const resultsDir = path.join(repoRoot, 'test-results');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/**
 * Closes the browser and stops code-server, first saving its output and the extension host's and our
 * extension's logs to test-results/<name>-code-server.log for a failure to be read afterwards.
 */
export async function closeWorkbench({ browser, server, name }) {
  await browser?.close();
  if (!server) return;
  await fs.mkdir(resultsDir, { recursive: true });
  const logs = [server.logs(), await server.readLog('remoteexthost'), await server.readLog('SES Template Studio')];
  await fs.writeFile(path.join(resultsDir, `${name}-code-server.log`), logs.join('\n'));
  await server.stop();
}

export async function launchBrowser({ headless = true } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export async function openWorkbench(browser, url, { timeout = 60_000 } = {}) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout });
  return page;
}

/** Polls `fn` until it returns a truthy value; on timeout throws with `what` and the page's visible text. */
export async function waitFor(fn, { timeout = 15_000, interval = 100, what = 'condition', page } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) { lastError = err; }
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, interval));
  }
  let text = '';
  if (page) text = await visibleText(page).catch((e) => `<could not read page: ${e.message}>`);
  throw new Error(`Timed out after ${timeout} ms waiting for ${what}`
    + (lastError ? `\nlast error: ${lastError.message}` : '')
    + (page ? `\n--- page text ---\n${text}\n--- end page text ---` : ''));
}

export async function visibleText(page, max = 4000) {
  const t = await page.evaluate(() => document.body.innerText);
  return t.length > max ? `${t.slice(0, max)}\n…(${t.length - max} more chars)` : t;
}

export async function screenshot(page, name) {
  await fs.mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

const quickInput = (page) => page.locator('.quick-input-widget');

async function quickPick(page, { open, text, pick, what, timeout = 15_000, closed }) {
  const widget = quickInput(page);
  const input = widget.locator('input');
  // Keys pressed while the workbench is still starting can be lost: open again until it shows.
  await waitFor(async () => {
    await open();
    await input.waitFor({ state: 'visible', timeout: 2000 });
    return true;
  }, { what: `the quick input to open for ${what}`, page });
  await input.fill(text);
  // The list re-renders while results arrive: find the row by its label, and click it by that label
  // (not by index) in the same attempt, retrying until the click lands.
  try {
    await waitFor(async () => {
      const rows = widget.locator('.quick-input-list .monaco-list-row');
      const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      const label = labels.find(pick);
      if (label === undefined) return false;
      await widget.locator(`.quick-input-list .monaco-list-row[aria-label="${label.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"]`).first().click({ timeout: 2000 });
      return true;
    }, { what, page, timeout });
  } catch (err) {
    await page.keyboard.press('Escape');
    throw err;
  }
  await (closed ? closed() : widget.waitFor({ state: 'hidden' }));
}

/** Runs a command by its title through the command palette (e.g. 'View: Focus Problems'). */
export async function runCommand(page, title, { timeout = 45_000 } = {}) {
  // The palette lists the commands known when it opens: one opened before the extension host had
  // registered ours never shows them (seen on CI's first, cold start). Reopen until it does.
  const until = Date.now() + timeout;
  for (;;) {
    try {
      await quickPick(page, {
        open: () => page.keyboard.press('F1'),
        text: `>${title}`,
        pick: (label) => label === title || label.startsWith(`${title},`) || label.startsWith(`${title} `),
        what: `command "${title}" in the command palette`,
        timeout: 5_000,
        // A command may open a quick pick of its own in the same widget.
        closed: () => waitFor(async () => !(await quickInput(page).isVisible())
          || !(await quickInput(page).locator('input').inputValue()).startsWith('>'),
        { what: `the command palette to close after "${title}"`, page }),
      });
      return;
    } catch (error) {
      if (Date.now() > until || !String(error?.message).includes('in the command palette')) throw error;
    }
  }
}

/** Opens a workspace file through Quick Open and waits for its editor to be active and focused. */
export async function openFile(page, relativePath) {
  const rel = relativePath.replaceAll('\\', '/');
  const base = path.posix.basename(rel);
  const dir = path.posix.dirname(rel);
  // Result rows are labelled "name dir" ("b.txt src/deep"), the first one with ", file results".
  const want = dir === '.' ? base : `${base} ${dir}`;
  await quickPick(page, {
    open: () => page.keyboard.press(`${mod}+KeyP`),
    text: rel,
    pick: (label) => label === want || label.startsWith(`${want},`),
    what: `"${rel}" in quick open`,
  });
  await waitFor(() => page.locator('.tabs-container .tab.active').first().getAttribute('aria-label')
    .then((l) => l?.startsWith(base)), { what: `active editor tab "${base}"`, page });
  await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
}

/** Moves the cursor of the active editor with Go to Line (1-based line and column). */
export async function goTo(page, line, col = 1) {
  await page.keyboard.press(`${mod}+KeyG`);
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
}

/**
 * Inserts text at the cursor as written. Relies on defaultSettings turning off auto-closing
 * and auto-indent; page.keyboard.type() would also trigger suggestions and snippets per key.
 */
export async function insertText(page, text) {
  await page.keyboard.insertText(text);
}

/** Inserts text at line:col, or at the cursor when no line is given. */
export async function typeInEditor(page, text, { line, col = 1 } = {}) {
  if (line) await goTo(page, line, col);
  await insertText(page, text);
}

/** Replaces the whole content of the active editor. */
export async function replaceEditorText(page, text) {
  await page.keyboard.press(`${mod}+KeyA`);
  await page.keyboard.press('Delete');
  await insertText(page, text);
}

export async function saveEditor(page) {
  await page.keyboard.press(`${mod}+KeyS`);
  await waitFor(async () => !(await page.locator('.tabs-container .tab.active.dirty').count()),
    { what: 'the active editor to be saved', page });
}

// Monaco renders only the lines on screen, positioned absolutely: order them by `top`.
const renderedLines = (viewLines) => viewLines.evaluate((el) => [...el.querySelectorAll('.view-line')]
  .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
  .map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n'));

/** The rendered (on-screen) lines of the active editor. */
export async function editorText(page) {
  return renderedLines(page.locator('.editor-group-container.active .monaco-editor .view-lines').first());
}

const outputLines = (page) => page.locator('.output-view .monaco-editor .view-lines').first();

/** Shows `channelName` in the Output view, through "Output: Show Output Channels...". */
export async function showOutputChannel(page, channelName, { timeout = 15_000 } = {}) {
  await quickPick(page, {
    open: () => runCommand(page, 'Output: Show Output Channels...'),
    text: channelName,
    pick: (label) => label === channelName || label.startsWith(`${channelName},`),
    what: `output channel "${channelName}" in the channel picker`,
    timeout,
  });
  await outputLines(page).waitFor();
}

/**
 * Shows the channel and returns its rendered text: the last screenful, as the view follows the
 * end. For a channel's whole text without the UI, see readLog() of startCodeServer().
 */
export async function readOutputChannel(page, channelName) {
  await showOutputChannel(page, channelName);
  return renderedLines(outputLines(page));
}

/**
 * Waits until the channel shows `pattern` (string or RegExp) and returns its rendered text.
 * The channel may not exist yet (extension still activating): the picker is retried.
 */
export async function waitForOutput(page, channelName, pattern, { timeout = 30_000 } = {}) {
  const matches = typeof pattern === 'string' ? (t) => t.includes(pattern) : (t) => pattern.test(t);
  await waitFor(() => showOutputChannel(page, channelName, { timeout: 2000 }).then(() => true),
    { timeout, what: `output channel "${channelName}" to exist`, page });
  return waitFor(async () => {
    const text = await renderedLines(outputLines(page));
    return matches(text) ? text : null;
  }, { timeout, what: `output channel "${channelName}" to show ${pattern}`, page });
}

/**
 * Opens the Problems view (unless it is already showing) and returns its markers as
 * { message, severity, line, col, source, code, file } with `file` the absolute path.
 * The tree is virtualised: only rows that fit in the panel are in the DOM.
 */
export async function problems(page) {
  const panel = page.locator('.markers-panel').first();
  if (!(await panel.isVisible())) {
    await runCommand(page, 'View: Focus Problems');
    await panel.waitFor();
  }
  return panel.evaluate(parseProblems);
}

// Runs in the page. VS Code 1.139: a file row holds `.resource-label-container` whose icon
// label's aria-label is the path; its markers follow as rows with `.marker-*` parts.
function parseProblems(panel) {
  const rows = [...panel.querySelectorAll('.monaco-list-row')]
    .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
  const markers = [];
  let file;
  for (const row of rows) {
    const resource = row.querySelector('.resource-label-container .monaco-icon-label');
    if (resource) { file = resource.getAttribute('aria-label'); continue; }
    const message = row.querySelector('.marker-message');
    if (!message) continue;
    const text = (sel) => row.querySelector(sel)?.textContent.trim() || undefined;
    const pos = /Ln (\d+), Col (\d+)/.exec(text('.marker-line') ?? '');
    const icon = row.querySelector('.marker-icon');
    markers.push({
      message: message.innerText.trim(),
      severity: ['error', 'warning', 'info'].find((s) => icon?.classList.contains(s)),
      line: pos ? Number(pos[1]) : undefined,
      col: pos ? Number(pos[2]) : undefined,
      source: text('.marker-source'),
      code: text('.marker-code'),
      file,
    });
  }
  return markers;
}
