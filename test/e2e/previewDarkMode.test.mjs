// The preview's dark-mode views in a real VS Code (code-server) and Chromium (issue 14): each view is
// switched to from the toolbar, and the colours the browser computes inside the sandboxed email frame
// are checked (partial inversion, full inversion, the template's own dark styles), with the clients
// each view names. The frame still runs no script: the renderer rewrote the colours.
/* global getComputedStyle */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closeWorkbench, launchBrowser, openFile, openWorkbench, repoRoot, runCommand, screenshot, startCodeServer, waitFor } from './harness.mjs';
import { shownEmailFrames } from './previewUi.mjs';

const DARK = 'dark.ses.html';
// A light card on a light grey page, a dark band, and a dark-mode rule of its own (red title, to tell it apart).
const DARK_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Dark mode</title>
<style>
  .card { background-color: #ffffff; }
  @media (prefers-color-scheme: dark) { .title { color: #ff0000 !important; } }
</style>
</head>
<body style="margin:0;background-color:#f4f6f8">
<table class="card" role="presentation" width="100%">
  <tr><td id="title" class="title" style="color:#333333">Hello {{name}}</td></tr>
  <tr><td id="band" style="background-color:#111111;color:#ffffff">Dark band</td></tr>
</table>
</body>
</html>
`;
const PLAIN = 'plain.ses.html';
const PLAIN_HTML = '<!DOCTYPE html><html lang="en"><head><title>Plain</title></head><body style="background-color:#ffffff"><p style="color:#333333">Plain {{name}}</p></body></html>\n';

/** The preview webview (toolbar) and its email frame, once the email shows `marker`. */
async function preview(page, marker) {
  return waitFor(async () => {
    for (const frame of page.frames()) {
      const isPreview = await frame.evaluate(() => !!document.getElementById('toolbar') && !!document.getElementById('email')).catch(() => false);
      if (!isPreview) continue;
      const email = (await shownEmailFrames(frame))[0];
      const text = await email?.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text?.includes(marker)) return { ui: frame, email };
    }
    return null;
  }, { page, what: `the preview showing "${marker}"`, timeout: 60_000 });
}

/** The colours the browser computed in the email frame: page, card, title, band. */
function colours(email) {
  return email.evaluate(() => {
    const style = (el) => getComputedStyle(el);
    const title = document.getElementById('title');
    const band = document.getElementById('band');
    return {
      page: style(document.body).backgroundColor,
      card: style(document.querySelector('.card')).backgroundColor,
      title: style(title).color,
      band: style(band).backgroundColor,
      bandText: style(band).color,
      canvas: style(document.documentElement).backgroundColor,
    };
  });
}

/** Clicks a view and waits until the email frame's colours satisfy `check` (the frame is replaced on every update). */
async function switchTo(page, view, marker, check, what) {
  const { ui } = await preview(page, marker);
  await ui.locator(`#view-${view}`).click();
  return waitFor(async () => {
    const { email } = await preview(page, marker);
    const found = await colours(email).catch(() => undefined);
    return found && check(found) ? found : null;
  }, { page, what, timeout: 30_000 });
}

describe('the preview in dark mode', () => {
  let workspace, server, browser, page;
  before(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-dark-'));
    await fs.writeFile(path.join(workspace, DARK), DARK_HTML);
    await fs.writeFile(path.join(workspace, 'dark.data.json'), '{ "name": "Ada" }\n');
    await fs.writeFile(path.join(workspace, PLAIN), PLAIN_HTML);
    await fs.writeFile(path.join(workspace, 'plain.data.json'), '{ "name": "Bo" }\n');
    server = await startCodeServer({ extensionDir: repoRoot, workspaceDir: workspace });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url, { timeout: 180_000 });
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'previewDarkMode' });
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });

  test('HTML: the template\'s colours, its dark rule off', async () => {
    await openFile(page, DARK);
    await runCommand(page, 'SES: Open Preview to the Side');
    const { ui, email } = await preview(page, 'Hello Ada');
    const found = await colours(email);
    assert.deepEqual(found, {
      page: 'rgb(244, 246, 248)', card: 'rgb(255, 255, 255)', title: 'rgb(51, 51, 51)', band: 'rgb(17, 17, 17)', bandText: 'rgb(255, 255, 255)', canvas: 'rgba(0, 0, 0, 0)',
    });
    // The three dark views are in the toolbar, each naming its clients.
    assert.equal(await ui.locator('#view-darkPartial').innerText(), 'Dark: partial');
    assert.match(await ui.locator('#view-darkPartial').getAttribute('title'), /Gmail app for Android.*Outlook\.com/);
    assert.match(await ui.locator('#view-darkFull').getAttribute('title'), /Gmail app for iOS and Outlook 2019 for Windows/);
    assert.match(await ui.locator('#view-darkOwn').getAttribute('title'), /Apple Mail/);
    await screenshot(page, 'preview-dark-0-html');
  });

  test('Dark: partial darkens the light backgrounds and lightens the dark text, and keeps the dark band', async () => {
    const found = await switchTo(page, 'darkPartial', 'Hello Ada', (c) => c.title === 'rgb(204, 204, 204)', 'the partial inversion');
    assert.deepEqual(found, {
      page: 'rgb(7, 9, 11)', card: 'rgb(0, 0, 0)', title: 'rgb(204, 204, 204)', band: 'rgb(17, 17, 17)', bandText: 'rgb(255, 255, 255)', canvas: 'rgb(18, 18, 18)',
    });
    const { ui, email } = await preview(page, 'Hello Ada');
    assert.match(await ui.locator('#notices').innerText(), /partial inversion.*Gmail app for Android/);
    assert.equal(await ui.locator('#view-darkPartial').getAttribute('aria-selected'), 'true');
    // Still the sandboxed frame under the HTML view's policy: no script, nothing but images to load.
    assert.equal(await ui.locator('#email').getAttribute('sandbox'), '');
    assert.match(await email.evaluate(() => document.head.firstElementChild?.getAttribute('content')), /script-src 'none'/);
    await screenshot(page, 'preview-dark-1-partial');
  });

  test('Dark: full inverts every colour, the dark band turns light', async () => {
    const found = await switchTo(page, 'darkFull', 'Hello Ada', (c) => c.band === 'rgb(238, 238, 238)', 'the full inversion');
    assert.deepEqual(found, {
      page: 'rgb(7, 9, 11)', card: 'rgb(0, 0, 0)', title: 'rgb(204, 204, 204)', band: 'rgb(238, 238, 238)', bandText: 'rgb(0, 0, 0)', canvas: 'rgb(18, 18, 18)',
    });
    const { ui } = await preview(page, 'Hello Ada');
    assert.match(await ui.locator('#notices').innerText(), /full inversion.*Gmail app for iOS/);
    await screenshot(page, 'preview-dark-2-full');
  });

  test('Dark: own styles applies the template\'s prefers-color-scheme: dark rule on a dark page, and transforms nothing', async () => {
    const found = await switchTo(page, 'darkOwn', 'Hello Ada', (c) => c.title === 'rgb(255, 0, 0)', 'the template\'s own dark rule');
    assert.deepEqual(found, {
      page: 'rgb(244, 246, 248)', card: 'rgb(255, 255, 255)', title: 'rgb(255, 0, 0)', band: 'rgb(17, 17, 17)', bandText: 'rgb(255, 255, 255)', canvas: 'rgb(18, 18, 18)',
    });
    await screenshot(page, 'preview-dark-3-own');
  });

  test('the view stays selected on another template; one without dark styles is shown unchanged, with a notice', async () => {
    await page.keyboard.press('Control+1');
    await openFile(page, PLAIN);
    const { ui, email } = await preview(page, 'Plain Bo');
    await waitFor(async () => /no dark-mode styles/.test(await ui.locator('#notices').innerText()), { page, what: 'the notice of a template without dark styles' });
    assert.equal(await ui.locator('#view-darkOwn').getAttribute('aria-selected'), 'true');
    assert.equal(await email.evaluate(() => getComputedStyle(document.querySelector('p')).color), 'rgb(51, 51, 51)');
    await ui.locator('#view-html').click();
  });
});
