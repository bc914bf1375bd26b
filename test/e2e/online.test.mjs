// "SES: Check Images and Links Online" in a real VS Code (code-server) and Chromium. The template's
// images point at an HTTP server started in this process on 127.0.0.1 (one image, one 404): the
// command asks before contacting a local host, shows the 404 in Problems and a summary, and the
// preview outlines the broken image with the finding as tooltip.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  closeWorkbench, launchBrowser, openFile, openWorkbench, problems, repoRoot, runCommand, screenshot, startCodeServer, waitFor,
} from './harness.mjs';
import { answerDialog, waitForToast } from './workbenchUi.mjs';
import { shownEmailFrames } from './previewUi.mjs';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5d5b70000000049454e44ae426082', 'hex');

/** The preview's email frame, once it shows `needle`. */
async function emailFrame(page, needle) {
  return waitFor(async () => {
    for (const frame of page.frames()) {
      const isPreview = await frame.evaluate(() => !!document.getElementById('toolbar') && !!document.getElementById('email')).catch(() => false);
      const email = isPreview ? (await shownEmailFrames(frame))[0] : undefined;
      if (email && (await email.evaluate(() => document.body?.innerText ?? '').catch(() => '')).includes(needle)) return email;
    }
    return null;
  }, { page, what: 'the preview with the template', timeout: 30_000 });
}

describe('Check Images and Links Online', () => {
  let workspace, imageServer, base, server, browser, page;
  const requests = [];
  before(async () => {
    imageServer = http.createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      if (req.url === '/logo.png') res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': PNG.length }).end(PNG);
      else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    });
    await new Promise((resolve) => imageServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${imageServer.address().port}`;
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-online-'));
    await fs.writeFile(path.join(workspace, 'promo.ses.html'), `<!DOCTYPE html>
<html>
<body>
  <p>Hello {{name}}, here is our news.</p>
  <img src="${base}/logo.png" alt="Logo" width="1" height="1">
  <img src="${base}/missing.png" alt="Banner" width="120" height="40">
</body>
</html>
`);
    await fs.writeFile(path.join(workspace, 'promo.data.json'), '{ "name": "Alex" }\n');
    server = await startCodeServer({ extensionDir: repoRoot, workspaceDir: workspace });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'online' });
    await new Promise((resolve) => imageServer?.close(resolve));
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });

  test('asks before contacting 127.0.0.1, reports the 404 image in Problems and in a summary', async () => {
    await openFile(page, 'promo.ses.html');
    await runCommand(page, 'SES: Check Images and Links Online');
    const dialog = await answerDialog(page, 'local or private network hosts', 'Check Them Too');
    assert.match(dialog, /2 URLs of this template point at local or private network hosts \(127\.0\.0\.1\)/);
    const { text } = await waitForToast(page, /2 URLs checked: 1 broken image/, 'the summary notification');
    assert.match(text, /Show Problems/);
    assert.ok(requests.includes('HEAD /logo.png'), requests.join(', '));
    const marker = await waitFor(async () => (await problems(page)).find((m) => m.code === 'online-image-status'), { page, what: 'the online-image-status diagnostic' });
    assert.equal(marker.source, 'SES online');
    assert.equal(marker.severity, 'error');
    assert.equal(marker.line, 6);
    assert.match(marker.message, new RegExp(`Image ${base.replace(/[.]/g, '\\.')}/missing\\.png answers HTTP 404 from 127\\.0\\.0\\.1`));
    // The good image has no online finding.
    assert.equal((await problems(page)).filter((m) => m.source === 'SES online').length, 1);
    await screenshot(page, 'online-1-problems');
  });

  test('the preview outlines the image found broken online, with the finding as tooltip', async () => {
    await page.keyboard.press('Control+1');
    await runCommand(page, 'SES: Open Preview to the Side');
    const email = await emailFrame(page, 'Hello Alex');
    const tooltip = await waitFor(() => email.evaluate(() => document.querySelector('img[src$="missing.png"][data-ses-problem]')?.closest('[title]')?.getAttribute('title')),
      { page, what: 'the outlined broken image' });
    assert.match(tooltip, /answers HTTP 404/);
    const good = await email.evaluate(() => document.querySelector('img[src$="logo.png"]')?.closest('[title]')?.getAttribute('title') ?? '');
    assert.doesNotMatch(good, /answers HTTP/);
    await screenshot(page, 'online-2-preview');
  });
});
