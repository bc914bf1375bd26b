// client-support in a real VS Code (code-server) and Chromium, on a copy of examples/: a template with
// `display:flex` used three times shows one problem, and hovering its first use shows the support table
// of the feature across the target clients, with the caniemail link and the date of the data.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { closeWorkbench, launchBrowser, openFile, openWorkbench, problems, repoRoot, screenshot, startCodeServer, waitFor } from './harness.mjs';

const FILE = 'flex-layout.ses.html';
const HTML = `<!DOCTYPE html>
<html lang="en">
<head><title>Your order</title></head>
<body>
  <div style="display:flex">
    <p style="display:flex">Hello {{first_name}}, thank you for your order.</p>
  </div>
  <div style="display:flex"><p>It ships tomorrow.</p></div>
</body>
</html>
`;

describe('client-support in VS Code: a grouped problem and the compatibility hover', () => {
  let server;
  let browser;
  let page;
  let workspace;
  before(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-client-support-'));
    await fs.cp(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    await fs.writeFile(path.join(workspace, FILE), HTML);
    await fs.writeFile(path.join(workspace, 'flex-layout.data.json'), '{ "first_name": "Alex" }\n');
    server = await startCodeServer({ extensionDir: repoRoot, workspaceDir: workspace });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'e2e-client-support' });
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });

  test('one problem for three uses of display:flex; its hover shows the support table', async () => {
    await openFile(page, FILE);
    const markers = await waitFor(async () => {
      const found = (await problems(page)).filter((m) => m.file?.endsWith(`/${FILE}`) && m.code === 'client-support');
      return found.length > 0 ? found : null;
    }, { page, what: `a client-support problem in ${FILE}`, timeout: 60_000 });
    const flex = markers.filter((m) => m.message.startsWith('`display:flex` is not supported'));
    assert.equal(flex.length, 1, markers.map((m) => m.message).join('\n'));
    assert.match(flex[0].message, /^`display:flex` is not supported in Outlook \(Windows\)\. Used 3 times in this part/);
    assert.deepEqual({ line: flex[0].line, col: flex[0].col }, { line: 5, col: 15 });

    // The hover of the first use, under the mouse over its token (as extension.test.mjs hovers an image):
    // "Show or Focus Hover" from the palette showed nothing on this code-server, whatever the cursor.
    await openFile(page, FILE);
    // The topmost token with "display" is the first use (line 5); rendered lines are not in DOM order.
    const tokens = page.locator('.editor-group-container.active .view-lines .view-line span span', { hasText: 'display' });
    const box = await waitFor(async () => {
      const boxes = (await Promise.all((await tokens.all()).map((t) => t.boundingBox()))).filter(Boolean);
      return boxes.length === 3 ? boxes.sort((a, b) => a.y - b.y)[0] : null;
    }, { page, what: 'the three display tokens rendered in the editor' });
    await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2 + 1);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const text = await waitFor(async () => {
      const shown = (await page.locator('.monaco-hover').evaluateAll((els) => els.filter((e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true })).map((e) => e.innerText))).join('\n');
      return shown.includes('support in the target clients') ? shown : null;
    }, { page, what: 'the support table in the hover over display:flex', timeout: 30_000 });
    assert.match(text, /display:flex/);
    assert.match(text, /Outlook Windows\s+✗ not supported/);
    assert.match(text, /Apple Mail macOS\s+✓ supported/);
    assert.match(text, /QQ Mail Webmail\s+\? unknown\s+source: unknown/);
    assert.match(text, /caniemail data of \d{4}-\d{2}-\d{2} \(caniemail 2\.0\.2\)/);
    const link = await page.locator('.monaco-hover a[href*="caniemail.com/features/css-display-flex"], .monaco-hover a[data-href*="caniemail.com/features/css-display-flex"]').count();
    assert.ok(link > 0, 'the caniemail link in the hover');
    await screenshot(page, 'e2e-client-support-hover');
  });
});
