/* global document */
// Regenerates the README's pictures, docs/images/<name>.png (English) and docs/images/zh-CN/<name>.png
// (the extension in Simplified Chinese), with the e2e suite's harness: code-server + Chromium on a copy
// of examples/ and the local SES API emulator. Deterministic content: a fixed window size, the sample
// workspace at a fixed folder name, its fixed data, a solid cursor, no MessageId or time in view.
// Each step waits for what it shows and fails if it never appears, so a picture cannot show a broken
// feature. Run: `npm run screenshots` (needs `npm run build`, `npm run compile-tests` and test/e2e/setup.sh).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  closeWorkbench, goTo, insertText, launchBrowser, problems, repoRoot, runCommand, screenshot, startCodeServer, waitFor,
} from '../../test/e2e/harness.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const EMULATOR_PORT = 18081;
// code-server's port too: VS Code shows it in places (the Settings editor's "Remote [127.0.0.1:PORT]"), a free one would differ each run.
const CODE_SERVER_PORT = 18080;
const nls = {
  en: JSON.parse(await fs.readFile(path.join(repoRoot, 'package.nls.json'), 'utf8')),
  'zh-cn': JSON.parse(await fs.readFile(path.join(repoRoot, 'package.nls.zh-cn.json'), 'utf8')),
};
// `node scripts/docs/screenshots.mjs [--en | --zh] [name …]`: one language, some pictures.
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const locales = process.argv.includes('--en') ? ['en'] : process.argv.includes('--zh') ? ['zh-cn'] : ['en', 'zh-cn'];

/** Our command's palette title in the language of the run (VS Code's own stay English: no language pack). */
const title = (locale, key) => `SES: ${nls[locale][`command.${key}`]}`;

async function openFromExplorer(page, name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${name.replaceAll('.', '\\.')}$`) }) });
  await waitFor(() => row.isVisible(), { page, what: `${name} in the Explorer`, timeout: 30_000 });
  await row.dblclick();
  await waitFor(async () => (await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label'))?.startsWith(name), { page, what: `${name} open` });
  await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus({ timeout: 120_000 });
}

async function waitForQuickInput(page, pattern, what) {
  const widget = page.locator('.quick-input-widget');
  await waitFor(async () => (await widget.isVisible()) && pattern.test(await widget.innerText()), { page, what, timeout: 30_000 });
}

const SIDEBAR_WIDE = 620;
const SIDEBAR_NORMAL = 300;
/** Drags the side bar's edge to `x` (the rows' descriptions are cut at the default width). */
async function dragSidebarEdge(page, x) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const edge = box.x + box.width + 1;
  await page.mouse.move(edge, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Hides the bottom panel (Problems): the pictures after the first three have no use for it. */
async function hidePanel(page) {
  const panel = page.locator('.part.panel');
  if (await panel.isVisible()) await page.keyboard.press('Control+j');
  await waitFor(async () => !(await panel.isVisible()), { page, what: 'the panel hidden' });
}

// The seed's statistics are relative to today; the picture's are pinned to 30 days ending on a fixed
// day, so that the charts' dates do not change with the day the pictures are taken.
const STATISTICS_END = Date.UTC(2026, 10, 28, 3, 0, 0) / 1000; // 2026-11-28 11:00 Beijing
const STATISTICS_RANGE = { start: '2026-10-30', end: '2026-11-28' };
const { rowsFromSeries } = await import(pathToFileURL(path.join(repoRoot, 'out/test/emulator/statistics.js')).href);
function fixedStatistics(seed) {
  const { statisticsSeries = [], ...rest } = seed;
  return { ...rest, statistics: [...(seed.statistics ?? []), ...rowsFromSeries(statisticsSeries, STATISTICS_END)] };
}

/** The pictures, in order; each leaves the workbench as it found it (editors closed, no widget open). */
const SHOTS = [
  ['checks', 'the findings of welcome.ses.html in the editor and in Problems', async (page) => {
    await openFromExplorer(page, 'welcome.ses.html');
    await waitFor(async () => (await problems(page)).some((m) => m.code === 'missing-variable' && m.file?.endsWith('welcome.ses.html')),
      { page, what: 'the missing {{coupon}} in Problems', timeout: 60_000 });
    await goTo(page, 9, 74);
    await runCommand(page, 'Show or Focus Hover');
    await waitFor(async () => /coupon/.test(await page.locator('.monaco-hover').first().innerText().catch(() => '')), { page, what: 'the hover of {{coupon}}' });
  }],
  ['quick-fix', 'the quick fixes of the missing {{coupon}}', async (page) => {
    await page.keyboard.press('Escape');
    await goTo(page, 9, 74);
    await page.keyboard.press('Control+.');
    await waitFor(async () => /coupon/.test(await page.locator('.context-view').first().innerText().catch(() => '')), { page, what: 'the quick fix menu' });
  }],
  ['completion', 'the data keys offered after {{', async (page) => {
    await page.keyboard.press('Escape');
    await goTo(page, 10, 1);
    await page.keyboard.press('End');
    await insertText(page, '\n  <p>Your code: {{');
    await page.keyboard.press('Control+Space');
    await waitFor(async () => /coupon_expiry/.test(await page.locator('.suggest-widget').innerText().catch(() => '')), { page, what: 'the suggestions' });
  }, async (page) => {
    await page.keyboard.press('Escape');
    await runCommand(page, 'File: Revert File');
  }],
  ['client-support', 'display:flex, which Outlook on Windows ignores: the support table of the target clients in its hover', async (page) => {
    await runCommand(page, 'View: Close All Editors');
    await openFromExplorer(page, 'order-confirmation.ses.html');
    await goTo(page, 13, 24);
    await insertText(page, 'display:flex;');
    const token = page.locator('.editor-group-container.active .view-lines .view-line span span', { hasText: 'display' }).first();
    // The finding first (the hover belongs to it), then the mouse over the token.
    await waitFor(async () => (await page.locator('.editor-group-container.active .squiggly-warning, .editor-group-container.active .squiggly-info, .editor-group-container.active .squiggly-error').count()) > 0, { page, what: 'the client-support finding', timeout: 60_000 });
    await waitFor(async () => !/Activating Extensions/.test(await page.locator('.part.statusbar').innerText()), { page, what: 'the extensions activated (the status bar says so)', timeout: 60_000 });
    // The mouse onto the token; again from elsewhere if no hover came (one that moved too early shows none).
    const hoverText = async () => (await page.locator('.monaco-hover').evaluateAll((els) => els.map((e) => e.innerText))).join('\n');
    for (let attempt = 1; ; attempt++) {
      // Measured each time: the line is laid out again as its tokens are coloured.
      const box = await waitFor(() => token.boundingBox(), { page, what: 'the display token' });
      await page.mouse.move(5, 400);
      // Near the token's start: the span may hold the whole attribute value, `display:flex;padding:24px;`.
      await page.mouse.move(box.x + 16, box.y + box.height / 2 + 1);
      await page.mouse.move(box.x + 15, box.y + box.height / 2);
      const shown = await waitFor(async () => /caniemail/.test(await hoverText()), { page, what: 'the support table in the hover', timeout: 8_000 }).catch((error) => (attempt < 5 ? false : Promise.reject(error)));
      if (shown) break;
    }
  }, async (page) => {
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    await runCommand(page, 'File: Revert File');
  }],
  ['preview', 'the preview of order-confirmation, filled from its data set', async (page, locale) => {
    await runCommand(page, 'View: Close All Editors');
    await hidePanel(page);
    await openFromExplorer(page, 'order-confirmation.ses.html');
    await runCommand(page, title(locale, 'openPreviewToSide'));
    await waitFor(async () => {
      for (const frame of page.frames()) {
        if (/ES-20261128-0042/.test(await frame.evaluate(() => document.body?.innerText ?? '').catch(() => ''))) return true;
      }
      return false;
    }, { page, what: 'the filled email in the preview', timeout: 60_000 });
  }],
  ['dark-mode', 'the preview in "Dark: partial", as the Gmail and Outlook apps darken an email', async (page) => {
    const ui = await waitFor(async () => {
      for (const frame of page.frames()) {
        if (await frame.locator('#view-darkPartial').count().catch(() => 0)) return frame;
      }
      return undefined;
    }, { page, what: 'the preview\'s view buttons', timeout: 30_000 });
    await ui.locator('#view-darkPartial').click();
    await waitFor(async () => {
      for (const frame of page.frames()) {
        const dark = await frame.evaluate(() => /ES-20261128-0042/.test(document.body?.innerText ?? '') && document.defaultView.getComputedStyle(document.body).backgroundColor).catch(() => false);
        // The light page background darkened: the partial inversion is applied.
        if (typeof dark === 'string' && /rgb\((\d{1,2}), (\d{1,2}), (\d{1,2})\)/.test(dark)) return true;
      }
      return false;
    }, { page, what: 'the darkened email', timeout: 30_000 });
  }, async (page) => {
    for (const frame of page.frames()) {
      if (await frame.locator('#view-html').count().catch(() => 0)) await frame.locator('#view-html').click();
    }
  }],
  ['test-send', 'the confirmation of a test send (through the local emulator)', async (page, locale) => {
    await runCommand(page, 'View: Close All Editors');
    await openFromExplorer(page, 'order-confirmation.ses.html');
    await runCommand(page, title(locale, 'sendTestEmail'));
    const input = page.locator('.quick-input-widget input');
    await waitFor(async () => (await page.locator('.quick-input-widget').isVisible()) && !(await input.inputValue()).startsWith('>'), { page, what: 'the recipients box' });
    await input.fill('you@example.com');
    await page.keyboard.press('Enter');
    await waitFor(async () => /TemplateID: 21001/.test(await page.locator('.monaco-dialog-box').innerText().catch(() => '')), { page, what: 'the confirmation dialog', timeout: 30_000 });
  }, async (page) => {
    await page.keyboard.press('Escape');
    await page.locator('.monaco-dialog-box').waitFor({ state: 'hidden' });
  }],
  ['new-template', 'the starter gallery of New Template', async (page, locale) => {
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, title(locale, 'newTemplate'));
    await waitForQuickInput(page, /welcome|欢迎/i, 'the starters');
  }, async (page) => page.keyboard.press('Escape')],
  ['walkthrough', 'the getting-started walkthrough', async (page, locale) => {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    const input = page.locator('.quick-input-widget input');
    await waitFor(async () => (await page.locator('.quick-input-widget').isVisible()) && !(await input.inputValue()).startsWith('>'), { page, what: 'the walkthrough pick' });
    await input.fill('SES Template Studio');
    await waitForQuickInput(page, new RegExp(nls[locale]['walkthrough.title']), 'our walkthrough in the pick');
    await page.keyboard.press('Enter');
    await waitFor(() => page.locator('.getting-started-step').first().isVisible(), { page, what: 'the walkthrough' });
  }],
  ['account', 'the SES view: the templates with their review status, a sender domain with its DNS records', async (page, locale) => {
    await runCommand(page, 'View: Close All Editors');
    const icon = page.locator('.activitybar .action-item a[aria-label^="SES"], .activitybar .action-item .action-label[aria-label^="SES"]').first();
    await icon.click();
    const pane = (index) => page.locator('.sidebar .pane').nth(index);
    const rows = (index) => pane(index).locator('.monaco-list-row');
    await waitFor(async () => (await rows(0).count()) >= 4, { page, what: 'the templates listed', timeout: 60_000 });
    await dragSidebarEdge(page, SIDEBAR_WIDE);
    // The blocklist's rows carry their bounce times (the clock): its pane stays closed in the picture.
    const blocklist = pane(2).locator('.pane-header');
    if ((await blocklist.getAttribute('aria-expanded')) === 'true') await blocklist.click();
    await waitFor(async () => (await rows(1).count()) >= 1, { page, what: 'the sender domains', timeout: 60_000 });
    await rows(1).filter({ hasText: 'mail.example.com' }).first().click();
    await waitFor(async () => (await rows(1).count()) >= 3, { page, what: 'the domain expanded' });
    await rows(1).filter({ hasText: locale === 'en' ? 'DNS records' : 'DNS 记录' }).first().click();
    await waitFor(async () => (await rows(1).count()) >= 6, { page, what: 'its DNS records', timeout: 30_000 });
  }, async (page) => {
    await dragSidebarEdge(page, SIDEBAR_NORMAL);
    await page.locator('.activitybar .action-item a[aria-label^="Explorer"], .activitybar .action-item .action-label[aria-label^="Explorer"]').first().click();
  }],
  ['health', 'Sending health: the daily volumes and rates of a fixed 30-day range of the seeded statistics', async (page, locale) => {
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'View: Close Primary Side Bar');
    await runCommand(page, title(locale, 'account.openHealth'));
    const frame = await waitFor(async () => {
      for (const candidate of page.frames()) {
        if (await candidate.evaluate(() => !!document.querySelector('#app form#query')).catch(() => false)) return candidate;
      }
      return undefined;
    }, { page, what: 'the Sending health webview', timeout: 60_000 });
    // The first report (the last 30 days) sets the form: the fixed range is entered after it.
    await waitFor(() => frame.evaluate(() => !!document.body.dataset.report && document.querySelector('#charts')?.dataset.drawn === '2'), { page, what: 'the first report', timeout: 60_000 });
    await frame.fill('#start', STATISTICS_RANGE.start);
    await frame.fill('#end', STATISTICS_RANGE.end);
    await frame.click('#show');
    await waitFor(() => frame.evaluate((start) => (document.body.dataset.report ?? '').startsWith(`${start}/`) && document.querySelector('#charts')?.dataset.drawn === '2', STATISTICS_RANGE.start), { page, what: 'the charts of the fixed range', timeout: 60_000 });
    await frame.evaluate(() => document.scrollingElement?.scrollTo(0, 0));
  }, async (page) => {
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  }],
];

async function shoot(locale) {
  const outDir = path.join(repoRoot, 'docs', 'images', ...(locale === 'en' ? [] : ['zh-CN']));
  await fs.mkdir(outDir, { recursive: true });
  // A fixed folder name: it is the Explorer's title.
  const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-docs-'));
  const workspace = path.join(temp, 'examples');
  await fs.cp(path.join(repoRoot, 'examples'), workspace, { recursive: true });
  const emu = await import(pathToFileURL(path.join(repoRoot, 'out/test/emulator/index.js')).href);
  // A fixed port: the test send's confirmation shows the endpoint.
  const emulator = await emu.startEmulator({ port: EMULATOR_PORT, seed: fixedStatistics(emu.loadSeedFile(path.join(repoRoot, 'test/emulator/seeds/examples.json'))) });
  const server = await startCodeServer({
    extensionDir: repoRoot, workspaceDir: workspace, locale, port: CODE_SERVER_PORT,
    machineSettings: { 'sesStudio.api.endpoint': emulator.url },
    // No port auto-forwarding: its Ports tab and notifications come and go with the machine's listening ports.
    settings: { 'editor.cursorBlinking': 'solid', 'workbench.editor.enablePreview': false, 'remote.autoForwardPorts': false },
    env: { HOME: temp, TENCENTCLOUD_SECRET_ID: emu.DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: emu.DEFAULT_SECRET_KEY, TENCENTCLOUD_SESSION_TOKEN: undefined },
  });
  const browser = await launchBrowser();
  try {
    // Generous timeouts: the first load of the workbench takes minutes on a busy machine.
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(server.url, { timeout: 300_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 300_000 });
    for (const [name, what, show, undo] of SHOTS) {
      if (only.length > 0 && !only.includes(name)) continue;
      await show(page, locale).catch(async (error) => {
        await screenshot(page, `docs-${locale}-${name}-failed`);
        throw error;
      });
      await new Promise((resolve) => setTimeout(resolve, 500)); // animations (hover fade-in) settle
      const file = path.join(outDir, `${name}.png`);
      await page.screenshot({ path: file });
      console.log(`${path.relative(repoRoot, file)}: ${what}`);
      await undo?.(page);
    }
  } finally {
    await closeWorkbench({ browser, server, name: `docs-screenshots-${locale}` });
    await emulator.close();
    await fs.rm(temp, { recursive: true, force: true });
  }
}

for (const locale of locales) await shoot(locale);
