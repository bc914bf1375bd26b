// The SES view (activity bar) and the Sending health view in a real VS Code (code-server +
// Chromium), against the local SES API emulator started in this process (compiled to out/ by
// `npm run compile-tests`). The seed is examples.json plus 996 generated approved templates, so the
// Templates tree pages through 1,000 (ListEmailTemplates gives 100 a page); the time from opening the
// view to the populated tree is printed, not asserted (docs/account.md has the figures).
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe } from 'node:test';
import { closeWorkbench, launchBrowser, openWorkbench, repoRoot, startCodeServer, waitFor } from './harness.mjs';
import { answerDialog, scenarioWithScreenshots } from './workbenchUi.mjs';

const emulatorModule = path.join(repoRoot, 'out/test/emulator/index.js');
const BULK = 996;

/** The pane of a view of the SES container, by its title. */
function pane(page, title) {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title}`) }) }).first();
}

/** The rows' texts (label, description) of a pane's tree, as shown. */
async function rows(page, title) {
  return pane(page, title).locator('.monaco-list-row').allInnerTexts().catch(() => []);
}

async function waitForRow(page, title, pattern, what) {
  return waitFor(async () => (await rows(page, title)).find((text) => pattern.test(text.replace(/\s+/g, ' '))),
    { page, what: what ?? `a row ${pattern} in ${title}`, timeout: 60_000 });
}

describe('the SES view: templates, senders, blocklist of the emulator\'s account', () => {
  let emulator;
  let emu;
  let server;
  let browser;
  let page;
  let workspace;
  let home;

  before(async () => {
    emu = await import(pathToFileURL(emulatorModule).href).catch((error) => {
      throw new Error(`${emulatorModule} is missing: run npm run compile-tests (${error.message})`);
    });
    const seed = emu.loadSeedFile(path.join(repoRoot, 'test/emulator/seeds/examples.json'));
    const bulk = Array.from({ length: BULK }, (_, i) => ({
      TemplateID: 30000 + i, TemplateName: `zz-bulk-${String(i).padStart(4, '0')}`, TemplateStatus: 0, ReviewReason: '通过', CreatedTimestamp: '-10d',
      Html: `<p>Hello {{name}} ${i}</p>`,
    }));
    emulator = await emu.startEmulator({ seed: { ...seed, templates: [...seed.templates, ...bulk] } });
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-account-'));
    await fs.cp(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-home-'));
    server = await startCodeServer({
      extensionDir: repoRoot, workspaceDir: workspace,
      machineSettings: { 'sesStudio.api.endpoint': emulator.url },
      env: { HOME: home, TENCENTCLOUD_SECRET_ID: emu.DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: emu.DEFAULT_SECRET_KEY, TENCENTCLOUD_SESSION_TOKEN: undefined, TCCLI_PROFILE: undefined },
    });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'e2e-account' });
    await emulator?.close();
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
    if (home) await fs.rm(home, { recursive: true, force: true });
  });

  const scenario = scenarioWithScreenshots(() => page);

  scenario('opening the SES view lists the 1,000 templates with their statuses (rejected with its ReviewReason first), linked ones marked', 'e2e-account-1-templates', async () => {
    // The extension is active (the workspace has templates) before the view is opened: the time is the view's.
    const icon = page.locator('.activitybar .action-item a[aria-label^="SES"], .activitybar .action-item .action-label[aria-label^="SES"]').first();
    await icon.waitFor({ timeout: 60_000 });
    const listedBefore = emulator.requests.filter((r) => r.action === 'ListEmailTemplates').length;
    const started = Date.now();
    await icon.click();
    await waitFor(async () => /998 approved · 1 pending · 1 rejected/.test(await pane(page, 'Templates').locator('.pane-header').innerText().catch(() => '')),
      { page, what: 'the Templates view to count 1,000 templates', timeout: 120_000 });
    const rejected = await waitForRow(page, 'Templates', /double-eleven-promo.*rejected — 禁止发送未经收件人许可的电子邮件。.*ID 21004/);
    const populatedMs = Date.now() - started;
    const pages = emulator.requests.filter((r) => r.action === 'ListEmailTemplates').length - listedBefore;
    console.log(`# SES view opened → Templates tree populated with ${BULK + 4} templates (${pages} ListEmailTemplates pages): ${populatedMs} ms`);
    assert.ok(pages >= 10, `paged past 100 (${pages} pages)`);
    assert.ok(rejected);
    await waitForRow(page, 'Templates', /welcome.*pending review.*ID 21003/);
    // Linked in examples/ses.config.json, and compared with the local files (GetEmailTemplate each).
    await waitForRow(page, 'Templates', /order-confirmation.*approved.*ID 21001.*local order-confirmation (same|differs)/);
  });

  scenario('Senders: the domains with their reputation level, daily quota and addresses; a domain\'s DNS records with the FAQ warning', 'e2e-account-2-senders', async () => {
    await waitForRow(page, 'Senders', /mail\.example\.com.*level 5.*10,000 a day.*sending enabled/);
    const domain = pane(page, 'Senders').locator('.monaco-list-row', { hasText: 'mail.example.com' }).first();
    await domain.click();
    await waitForRow(page, 'Senders', /noreply@mail\.example\.com/);
    await pane(page, 'Senders').locator('.monaco-list-row', { hasText: 'DNS records' }).first().click();
    await waitForRow(page, 'Senders', /Do not change these DNS records after the domain is verified/);
    await waitForRow(page, 'Senders', /TXT qcloud\._domainkey\.mail\.example\.com.*verified/);
    assert.ok(emulator.requests.some((r) => r.action === 'GetEmailIdentity' && r.resultCode === 'OK'));
  });

  scenario('Blocklist: the last 14 days\' entries (not the 20-day-old one); removing one from the tree calls DeleteBlackList and drops the row', 'e2e-account-3-blocklist', async () => {
    await waitForRow(page, 'Blocklist', /bounced@example\.com/);
    await waitForRow(page, 'Blocklist', /full-mailbox@example\.org/);
    assert.ok(!(await rows(page, 'Blocklist')).some((text) => text.includes('old-bounce@example.com')), 'the 20-day-old bounce is outside the 14 days');
    const row = pane(page, 'Blocklist').locator('.monaco-list-row', { hasText: 'bounced@example.com' }).first();
    await row.hover();
    await row.locator('.action-label[aria-label^="Remove from Blocklist"]').click();
    await answerDialog(page, 'Remove bounced@example.com from the blocklist?', 'Remove');
    await waitFor(() => emulator.requests.find((r) => r.action === 'DeleteBlackList' && r.resultCode === 'OK'), { page, what: 'DeleteBlackList' });
    assert.ok(!emulator.state.blocklist.some((entry) => entry.EmailAddress === 'bounced@example.com'), 'gone from the emulator');
    await waitFor(async () => {
      const texts = await rows(page, 'Blocklist');
      return texts.some((t) => t.includes('full-mailbox@example.org')) && !texts.some((t) => t.includes('bounced@example.com'));
    }, { page, what: 'the Blocklist tree without bounced@example.com', timeout: 30_000 });
  });
});
