// Restricted Mode in a real VS Code (code-server + Chromium): the workspace is opened untrusted
// (workspace trust on, no start-up prompt; harness option `untrusted`). The Tencent Cloud API
// commands must not be offered, no request may reach the SES emulator (which the machine settings
// point the extension at, and which would answer), while the language features keep working.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  closeWorkbench, launchBrowser, openFile, openWorkbench, problems, repoRoot, screenshot, startCodeServer, waitFor,
} from './harness.mjs';

const emulatorModule = path.join(repoRoot, 'out/test/emulator/index.js');
const API_COMMANDS = [
  'SES: Send Test Email', 'SES: Check Blocklist', 'SES: Preflight Check', 'SES: Check Delivery Status', 'SES: Push Template', 'SES: Pull Template', 'SES: Show Template Status', 'SES: Check Images and Links Online',
];

/** The labels the command palette lists for `query` (without the leading `>`). */
async function paletteEntries(page, query, expected) {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  await waitFor(async () => {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 2000 });
    return true;
  }, { page, what: 'the command palette to open' });
  await input.fill(`>${query}`);
  // The list fills as the extension's commands are known: wait for an entry that must be there.
  const labels = await waitFor(async () => {
    const all = await widget.locator('.quick-input-list .monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    return all.some((l) => l.startsWith(expected)) ? all : null;
  }, { page, what: `"${expected}" in the command palette` });
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden' });
  return labels;
}

describe('Restricted Mode: no Tencent Cloud API calls, language features on', () => {
  let emulator;
  let emu;
  let server;
  let browser;
  let page;
  let home;

  before(async () => {
    emu = await import(pathToFileURL(emulatorModule).href).catch((error) => {
      throw new Error(`${emulatorModule} is missing: run npm run compile-tests (${error.message})`);
    });
    emulator = await emu.startEmulator({ seed: emu.loadSeedFile(path.join(repoRoot, 'test/emulator/seeds/examples.json')) });
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-restricted-'));
    await fs.cp(path.join(repoRoot, 'examples'), path.join(home, 'workspace'), { recursive: true });
    server = await startCodeServer({
      extensionDir: repoRoot, workspaceDir: path.join(home, 'workspace'), untrusted: true,
      machineSettings: { 'sesStudio.api.endpoint': emulator.url },
      // A usable key: if a command ran, its calls would reach the emulator.
      env: { HOME: home, TENCENTCLOUD_SECRET_ID: emu.DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: emu.DEFAULT_SECRET_KEY, TENCENTCLOUD_SESSION_TOKEN: undefined, TCCLI_PROFILE: undefined },
    });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'e2e-restricted' });
    await emulator?.close();
    if (home) await fs.rm(home, { recursive: true, force: true });
  });

  test('the workspace is in Restricted Mode; a template still gets its diagnostics; the API commands are not offered; nothing reaches the emulator', async () => {
    try {
      await waitFor(async () => /Restricted Mode/i.test(await page.locator('.statusbar, .monaco-workbench .banner').first().innerText().catch(() => '')
        + await page.locator('.monaco-workbench').innerText().catch(() => '')), { page, what: 'the Restricted Mode indicator', timeout: 30_000 });
      // Language features: password-reset.ses.html has an unclosed {{ on purpose.
      await openFile(page, 'password-reset.ses.html');
      const markers = await waitFor(async () => {
        const all = await problems(page);
        return all.some((m) => m.file?.endsWith('/password-reset.ses.html') && m.severity === 'error') ? all : null;
      }, { page, what: 'the error of password-reset.ses.html in Problems', timeout: 45_000 });
      assert.ok(markers.length > 0);
      // The extension is active (its other commands are listed), but the API commands are hidden.
      const labels = await paletteEntries(page, 'SES:', 'SES: Explain Error Code');
      for (const title of API_COMMANDS) {
        assert.ok(!labels.some((l) => l.startsWith(title)), `${title} offered in Restricted Mode: ${labels.join(' | ')}`);
      }
      assert.ok(labels.some((l) => l.startsWith('SES: Open FAQ')), labels.join(' | '));
      await screenshot(page, 'e2e-restricted-1');
      assert.deepEqual(emulator.requests.map((r) => r.action), [], 'no request reached the emulator');
    } catch (error) {
      await screenshot(page, 'e2e-restricted-1-failed').catch(() => undefined);
      throw error;
    }
  });
});
