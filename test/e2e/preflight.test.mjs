// "SES: Preflight Check" in a real VS Code (code-server + Chromium) against the local SES emulator
// (compiled to out/ by `npm run compile-tests`), started in this process with the examples seed:
// template 21001 = order-confirmation, sender noreply@mail.example.com on the verified mail.example.com.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe } from 'node:test';
import { closeWorkbench, launchBrowser, openFile, openWorkbench, repoRoot, runCommand, startCodeServer } from './harness.mjs';
import { answerInput, previewText, scenarioWithScreenshots } from './workbenchUi.mjs';

const emulatorModule = path.join(repoRoot, 'out/test/emulator/index.js');

/** The step headings of a rendered report: [{ icon, number, title }]. */
function stepHeadings(view) {
  return [...view.matchAll(/^([✓⚠✗–]) ([1-5])\. (.+)$/gm)].map((m) => ({ icon: m[1], number: Number(m[2]), title: m[3] }));
}

describe('"SES: Preflight Check" in VS Code, against the SES emulator', () => {
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
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-preflight-'));
    await fs.cp(path.join(repoRoot, 'examples'), path.join(home, 'workspace'), { recursive: true });
    server = await startCodeServer({
      extensionDir: repoRoot, workspaceDir: path.join(home, 'workspace'),
      machineSettings: { 'sesStudio.api.endpoint': emulator.url },
      env: { HOME: home, TENCENTCLOUD_SECRET_ID: emu.DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: emu.DEFAULT_SECRET_KEY, TENCENTCLOUD_SESSION_TOKEN: undefined, TCCLI_PROFILE: undefined },
    });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'e2e-preflight' });
    await emulator?.close();
    if (home) await fs.rm(home, { recursive: true, force: true });
  });

  /**
   * Runs the check on order-confirmation with `recipients`; returns how many requests the emulator had
   * before it. Each scenario then waits for a text only its own report has.
   */
  async function preflight(recipients) {
    const before = emulator.requests.length;
    await openFile(page, 'order-confirmation.ses.html');
    await runCommand(page, 'SES: Preflight Check');
    await answerInput(page, 'blocklist', recipients);
    return before;
  }

  const scenario = scenarioWithScreenshots(() => page);

  scenario('order-confirmation with everything in order: all five steps ✓', 'e2e-preflight-1-ok', async () => {
    await preflight('you@example.com');
    const view = await previewText(page, (body) => body.includes('Preflight check: order-confirmation') && stepHeadings(body).length === 5, 'the preflight report');
    assert.deepEqual(stepHeadings(view).map((h) => `${h.icon} ${h.number}`), ['✓ 1', '✓ 2', '✓ 3', '✓ 4', '✓ 5'], view);
    assert.match(view, /The API accepted the key/);
    assert.match(view, /mail\.example\.com is verified/);
    assert.match(view, /Reputation level 5, at most 10000 emails a day/);
    assert.match(view, /you@example\.com is not on your blocklist/);
    assert.match(view, /Template 21001 "order-confirmation" is approved/);
    assert.match(view, /The local files match the stored template/);
    assert.match(view, /Why a send fails: the checklist/, 'the FAQ topic is linked and shown');
    // The link leads to the topic's text on the same page: the preview keeps the anchor it points to.
    const anchors = await Promise.all(page.frames().map((frame) => frame.evaluate(() => ({
      link: document.querySelector('a[href$="#faq-send-failures"]') !== null,
      target: document.getElementById('faq-send-failures') !== null,
    })).catch(() => ({ link: false, target: false }))));
    assert.ok(anchors.some((a) => a.link && a.target), JSON.stringify(anchors));
    const actions = new Set(emulator.requests.map((r) => r.action));
    for (const action of ['ListEmailAddress', 'ListEmailIdentities', 'GetEmailIdentity', 'ListBlackEmailAddress', 'GetEmailTemplate']) assert.ok(actions.has(action), action);
    assert.equal(emulator.requests.find((r) => r.action === 'GetEmailIdentity').body.EmailIdentity, 'mail.example.com');
    assert.ok(!emulator.requests.some((r) => r.action === 'SendEmail'), 'a preflight check never sends');
  });

  scenario('template 21001 pending review, and the stored template uses a variable the data set lacks: step 4 ✗ with both reasons', 'e2e-preflight-2-template', async () => {
    const stored = emulator.state.templates.find((t) => t.TemplateID === 21001);
    stored.TemplateStatus = 1;
    stored.Html = stored.Html.replace('</body>', '<p>Points: {{loyalty_points}}</p>\n</body>');
    await preflight('you@example.com');
    const view = await previewText(page, (body) => body.includes('pending review'), 'the report with the pending template');
    const headings = stepHeadings(view);
    assert.equal(headings.find((h) => h.number === 4)?.icon, '✗', view);
    assert.equal(headings.find((h) => h.number === 1)?.icon, '✓');
    assert.match(view, /Template 21001 "order-confirmation" is pending review/);
    assert.match(view, /one business day/);
    assert.match(view, /Data set "default" lacks loyalty_points/);
    assert.match(view, /TemplateData error/);
    assert.match(view, /local files differ from the template stored in Tencent Cloud/);
  });

  scenario('a wrong key: step 1 ✗ (AuthFailure), the API parts of the other steps skipped, no further call', 'e2e-preflight-3-wrong-key', async () => {
    await runCommand(page, 'SES: Set Credentials');
    await answerInput(page, 'SecretId', 'AKIDwrongwrongwrongwrongwrongwrong00');
    await answerInput(page, 'SecretKey', 'wrongWrongWrongWrongWrongWrong00');
    await answerInput(page, 'Session token', '');
    const before = await preflight('you@example.com');
    const view = await previewText(page, (body) => body.includes('rejected the key'), 'the report with the rejected key');
    assert.equal(stepHeadings(view).find((h) => h.number === 1)?.icon, '✗', view);
    assert.match(view, /The API rejected the key: AuthFailure\.SecretIdNotFound/);
    assert.match(view, /GetEmailTemplate: skipped, needs step 1/);
    assert.match(view, /ListBlackEmailAddress: skipped, needs step 1/);
    assert.match(view, /GetEmailIdentity: skipped, needs step 1/);
    const later = emulator.requests.slice(before);
    assert.deepEqual(later.map((r) => r.action), ['ListEmailAddress'], 'only the probe call was made');
    assert.ok(!view.includes('wrongWrongWrong'), 'the key is never shown');
  });
});
