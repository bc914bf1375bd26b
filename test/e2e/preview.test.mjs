// "SES: Open Preview to the Side" in a real VS Code (code-server) and Chromium, on a copy of examples/.
// The preview is a webview (nested iframes in the workbench); the email renders in a sandboxed
// srcdoc iframe inside it. Playwright reads every frame, sandboxed or not, through the browser.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  closeWorkbench, launchBrowser, openFile, openWorkbench, repoRoot, runCommand, screenshot, startCodeServer, typeInEditor, waitFor,
} from './harness.mjs';
import { shownEmailFrames } from './previewUi.mjs';

const ORDER = 'order-confirmation.ses.html';
const ORDER_ID = 'ES-20261128-0042';
// A template that would rewrite the page if its script ran, with an image the image checks flag.
const HOSTILE = 'hostile.ses.html';
const HOSTILE_HTML = `<!DOCTYPE html>
<html>
<body>
  <p>Safe {{name}} here.</p>
  <script>document.body.innerHTML='PWNED'</script>
  <img src="images/banner.png">
  <a href="https://example.com/next" target="_top">next</a>
</body>
</html>
`;

/** The preview's own document (toolbar, header) and the email frame inside it. */
async function previewFrames(page) {
  return waitFor(async () => {
    for (const frame of page.frames()) {
      const isPreview = await frame.evaluate(() => !!document.getElementById('toolbar') && !!document.getElementById('email')).catch(() => false);
      if (!isPreview) continue;
      const email = (await shownEmailFrames(frame))[0];
      if (email) return { ui: frame, email };
    }
    return null;
  }, { page, what: 'the preview webview and its email frame', timeout: 30_000 });
}

/** Waits until the email frame's text satisfies `check`, and returns it (the frame is replaced on every update). */
async function emailText(page, check, what) {
  return waitFor(async () => {
    const { email } = await previewFrames(page);
    const text = await email.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    return check(text) ? text : null;
  }, { page, what, timeout: 30_000 });
}

async function emailEval(page, fn) {
  const { email } = await previewFrames(page);
  return email.evaluate(fn);
}

describe('the email preview', () => {
  let workspace, server, browser, page;
  before(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-preview-'));
    await fs.cp(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    await fs.writeFile(path.join(workspace, HOSTILE), HOSTILE_HTML);
    await fs.writeFile(path.join(workspace, 'hostile.data.json'), '{ "name": "Alex" }\n');
    // The email frame takes clicks of its own (links) only with preview ↔ source off: previewSync.test.mjs has it on.
    server = await startCodeServer({ extensionDir: repoRoot, workspaceDir: workspace, settings: { 'sesStudio.preview.syncSource': false } });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'preview' });
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });

  test('opens to the side with the data set filled in, the subject and the sender', async () => {
    await openFile(page, ORDER);
    await runCommand(page, 'SES: Open Preview to the Side');
    const text = await emailText(page, (t) => t.includes(ORDER_ID), `order id ${ORDER_ID} in the email frame`);
    assert.match(text, /Thanks for your order, Alex!/);
    assert.match(text, /card ending in 4242 is ¥1,299\.00/);
    const { ui } = await previewFrames(page);
    assert.equal(await ui.locator('#subject').innerText(), `Your order ${ORDER_ID} is confirmed`);
    assert.equal(await ui.locator('#from').innerText(), 'Example Shop <noreply@mail.example.com>');
    assert.equal(await ui.locator('#dataset').inputValue(), 'default');
    await screenshot(page, 'preview-1-html');
  });

  test('updates while the template is edited, from the buffer', async () => {
    // The preview kept the focus on the editor (to the side, like the Markdown preview).
    const lines = (await fs.readFile(path.join(workspace, ORDER), 'utf8')).split('\n');
    const line = lines.findIndex((l) => l.includes('<h1')) + 1;
    await typeInEditor(page, '<p>Live edit for {{first_name}} and {{nobody}}</p>', { line, col: 1 });
    await emailText(page, (t) => t.includes('Live edit for Alex and {{nobody}}'), 'the edit in the preview');
    // The missing variable is marked in the email and listed in the toolbar.
    assert.equal(await emailEval(page, () => document.querySelector('mark.ses-missing')?.textContent), '{{nobody}}');
    const { ui } = await previewFrames(page);
    assert.match(await ui.locator('#notices').innerText(), /Missing from this data set: nobody/);
    await screenshot(page, 'preview-2-live-edit');
  });

  test('Images off shows the alt text box; Plain text shows the text part', async () => {
    const { ui } = await previewFrames(page);
    await ui.locator('#view-imagesOff').click();
    await waitFor(async () => (await emailEval(page, () => document.querySelector('.ses-img-off')?.textContent)) === 'Example Shop',
      { page, what: 'the alt text box of the logo' });
    assert.equal(await emailEval(page, () => document.images.length), 0);
    await screenshot(page, 'preview-3-images-off');

    await ui.locator('#view-text').click();
    const text = await emailText(page, (t) => t.includes(`Track it at https://shop.example.com/orders/${ORDER_ID}`), 'the text part');
    assert.doesNotMatch(text, /Live edit/); // the text part, not the HTML
    await ui.locator('#width-mobile').click();
    await waitFor(async () => (await ui.locator('#email').evaluate((el) => el.getBoundingClientRect().width)) <= 380, { page, what: 'the mobile width' });
    await screenshot(page, 'preview-4-plain-text-mobile');
    await ui.locator('#view-html').click();
    await ui.locator('#width-desktop').click();
  });

  test('follows the active template; its script never runs, the frame is sandboxed, image problems are outlined', async () => {
    await page.keyboard.press('Control+1'); // back to the editor group, so that the file opens there
    await openFile(page, HOSTILE);
    const text = await emailText(page, (t) => t.includes('Safe Alex here.'), 'the hostile template in the preview');
    assert.doesNotMatch(text, /PWNED/);
    const { ui } = await previewFrames(page);
    assert.equal(await ui.locator('#email').getAttribute('sandbox'), '');
    const csp = await emailEval(page, () => document.head.firstElementChild?.getAttribute('content'));
    assert.match(csp, /script-src 'none'/);
    const uiCsp = await ui.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    assert.match(uiCsp, /default-src 'none'.*script-src 'nonce-[^']+'/);

    // The language server's image checks flag the relative, alt-less image: outlined, and counted in the toolbar.
    const button = ui.locator('#image-problems');
    await waitFor(async () => (await button.innerText()) === '4 image problems' && await button.isVisible(), { page, what: 'the image problem count', timeout: 30_000 });
    const tooltip = await waitFor(() => emailEval(page, () => document.querySelector('img[data-ses-problem]')?.closest('[title]')?.getAttribute('title')), { page, what: 'the outlined image' });
    assert.match(tooltip, /`images\/banner\.png` is relative/);
    assert.match(tooltip, /no `alt` text/);
    // A click on the link does not navigate the preview away.
    await (await previewFrames(page)).email.locator('a').click();
    await emailText(page, (t) => t.includes('Safe Alex here.'), 'the email still shown after a link click');
    assert.doesNotMatch(await ui.evaluate(() => document.body.innerText), /PWNED/);
    await screenshot(page, 'preview-5-hostile');

    await button.click();
    await waitFor(async () => (await page.locator('.markers-panel').count()) > 0, { page, what: 'the Problems view' });
  });
  test('the data-set picker fills the template from another data set; a missing value stays marked', async () => {
    await page.keyboard.press('Control+1');
    await openFile(page, 'welcome.ses.html');
    // The default set lacks coupon: the raw placeholder is marked, never empty.
    await emailText(page, (t) => t.includes('Hi Alex,') && t.includes('welcome code {{coupon}} takes'), 'welcome with the default data set');
    assert.equal(await emailEval(page, () => document.querySelector('mark.ses-missing')?.textContent), '{{coupon}}');
    const { ui } = await previewFrames(page);
    assert.deepEqual(await ui.locator('#dataset option').allInnerTexts(), ['default', 'zh']);
    assert.equal(await ui.locator('#subject').innerText(), 'Welcome to Example Shop, Alex');
    await ui.locator('#dataset').selectOption('zh');
    await emailText(page, (t) => t.includes('Hi 小明,') && t.includes('welcome code WELCOME10 takes') && t.includes('2026年12月31日'), 'welcome with data set zh');
    assert.equal(await ui.locator('#subject').innerText(), 'Welcome to Example Shop, 小明');
    await screenshot(page, 'preview-6-data-set-zh');
  });
});
