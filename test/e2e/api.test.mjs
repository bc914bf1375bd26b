// The Tencent Cloud API commands in a real VS Code (code-server + Chromium), against the local SES
// API emulator (test/emulator, compiled to out/ by `npm run compile-tests`) started in this process.
// The workspace is a temp copy of examples/; the emulator's seed matches it (templates 21001 and
// 21002, sender noreply@mail.example.com, bounced@example.com on the blocklist).
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  closeWorkbench, launchBrowser, openFile, openWorkbench, problems, repoRoot, resultsDir, runCommand, screenshot, startCodeServer, waitFor,
} from './harness.mjs';
import { answerDialog, answerInput, findNotification, previewText, scenarioWithScreenshots, waitForToast } from './workbenchUi.mjs';

const emulatorModule = path.join(repoRoot, 'out/test/emulator/index.js');
const BLOCKED = 'bounced@example.com';

/**
 * Clicks the button `label` of the notification matching `pattern`: its toast, or, once the toast has
 * timed out, its entry in the notification center.
 */
async function clickNotificationButton(page, pattern, label) {
  let found = await findNotification(page, pattern, '.notification-toast');
  if (!found) {
    await runCommand(page, 'Notifications: Show Notifications');
    found = await waitFor(() => findNotification(page, pattern, '.notifications-center .notification-list-item'), { page, what: `the notification ${pattern}` });
  }
  await found.item.locator('.monaco-button', { hasText: new RegExp(`^${label}$`) }).first().click();
}

describe('Tencent Cloud API commands in VS Code, against the SES emulator', () => {
  let emulator;
  let env;
  let page;
  let workspace;
  let emu;
  let server;

  before(async () => {
    emu = await import(pathToFileURL(emulatorModule).href).catch((error) => {
      throw new Error(`${emulatorModule} is missing: run npm run compile-tests (${error.message})`);
    });
    emulator = await emu.startEmulator({ seed: emu.loadSeedFile(path.join(repoRoot, 'test/emulator/seeds/examples.json')) });
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-api-'));
    await fs.cp(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    // An empty home: no tccli credential file of the machine is picked up.
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-home-'));
    server = await startCodeServer({
      extensionDir: repoRoot, workspaceDir: workspace,
      machineSettings: { 'sesStudio.api.endpoint': emulator.url },
      // Short, so that the timeout scenario is quick; the emulator answers in milliseconds otherwise.
      settings: { 'sesStudio.api.timeoutSeconds': 2 },
      env: { HOME: home, TENCENTCLOUD_SECRET_ID: undefined, TENCENTCLOUD_SECRET_KEY: undefined, TENCENTCLOUD_SESSION_TOKEN: undefined, TCCLI_PROFILE: undefined },
    });
    const browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
    env = {
      async stop() {
        await browser.close();
        await fs.mkdir(resultsDir, { recursive: true });
        await fs.writeFile(path.join(resultsDir, 'e2e-api-code-server.log'),
          server.logs() + '\n' + await server.readLog('remoteexthost') + '\n' + await server.readLog('SES Template Studio'));
        await server.stop();
        await fs.rm(workspace, { recursive: true, force: true });
        await fs.rm(home, { recursive: true, force: true });
      },
    };
  });
  after(async () => {
    await env?.stop();
    await emulator?.close();
  });

  /** Runs a scenario, with a screenshot in test-results/ when it fails. */
  const scenario = scenarioWithScreenshots(() => page);

  scenario('"SES: Set Credentials" stores the key typed into its input boxes; the status bar shows the secret storage', 'e2e-api-1-credentials', async () => {
    const item = page.locator('.statusbar-item', { hasText: 'SES:' }).first();
    await waitFor(async () => (await item.innerText()).includes('SES: no credentials'), { page, what: 'the status bar to say "SES: no credentials"', timeout: 30_000 });
    await runCommand(page, 'SES: Set Credentials');
    await answerInput(page, 'SecretId', emu.DEFAULT_SECRET_ID);
    await answerInput(page, 'SecretKey', emu.DEFAULT_SECRET_KEY);
    await answerInput(page, 'Session token', '');
    await waitFor(async () => (await item.innerText()).includes('SES: key in secret storage'), { page, what: 'the status bar to show the secret storage' });
    const tooltip = await item.getAttribute('aria-label') ?? '';
    assert.ok(!tooltip.includes(emu.DEFAULT_SECRET_KEY), 'the status bar never shows the key');
  });

  scenario('"SES: Send Test Email" sends order-confirmation as TemplateID 21001 with its data set as TemplateData', 'e2e-api-2-send', async () => {
    await openFile(page, 'order-confirmation.ses.html');
    await runCommand(page, 'SES: Send Test Email');
    await answerInput(page, 'Recipients', 'you@example.com');
    const confirmation = await answerDialog(page, 'TemplateID: 21001', 'Send');
    assert.match(confirmation, /you@example\.com/);
    assert.match(confirmation, /Your order ES-20261128-0042 is confirmed/);
    const send = await waitFor(() => emulator.requests.find((r) => r.action === 'SendEmail' && r.resultCode === 'OK'),
      { page, what: 'the emulator to receive SendEmail' });
    const data = JSON.parse(await fs.readFile(path.join(workspace, 'order-confirmation.data.json'), 'utf8'));
    assert.equal(send.body.Template.TemplateID, 21001);
    assert.deepEqual(JSON.parse(send.body.Template.TemplateData), data);
    assert.deepEqual(send.body.Destination, ['you@example.com']);
    assert.equal(send.body.TriggerType, 1);
    assert.equal(send.headers['x-tc-language'], 'en-US', 'X-TC-Language follows the editor language');
    const message = emulator.state.messages.find((m) => m.ToEmailAddress === 'you@example.com');
    assert.ok(message, 'the emulator recorded the message');
    const { text } = await waitForToast(page, /MessageId/, 'the notification with the MessageId');
    assert.ok(text.includes(message.MessageId), `MessageId ${message.MessageId} in: ${text}`);
    assert.match(text, /3 seconds to 5 minutes/);
    assert.match(text, /Check Delivery Status/);
  });

  scenario('"Check Delivery Status" on the sent notification shows GetSendEmailStatus of that MessageId, explained', 'e2e-api-2b-status', async () => {
    const message = emulator.state.messages.find((m) => m.ToEmailAddress === 'you@example.com');
    await clickNotificationButton(page, /test email accepted/, 'Check Delivery Status');
    const view = await previewText(page, (body) => body.includes('Delivery status') && body.includes(message.MessageId), 'the delivery status view');
    const query = emulator.requests.find((r) => r.action === 'GetSendEmailStatus');
    assert.equal(query.body.MessageId, message.MessageId);
    assert.match(query.body.RequestDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(view, /you@example\.com/);
    assert.match(view, new RegExp(`SendStatus ${message.SendStatus}: \\S`), `an explained SendStatus in:\n${view}`);
    await page.keyboard.press('Escape');
  });

  scenario('a template with errors in Problems asks before sending; cancelling sends nothing', 'e2e-api-2c-errors', async () => {
    // password-reset.ses.html (TemplateID 21002) has an unclosed {{ on purpose.
    await openFile(page, 'password-reset.ses.html');
    await waitFor(async () => (await problems(page)).some((m) => m.file?.endsWith('/password-reset.ses.html') && m.severity === 'error'),
      { page, what: 'the error of password-reset.ses.html in Problems', timeout: 30_000 });
    await openFile(page, 'password-reset.ses.html');
    const sends = emulator.requests.filter((r) => r.action === 'SendEmail').length;
    await runCommand(page, 'SES: Send Test Email');
    const text = await answerDialog(page, '"password-reset" has 1 error: ', 'Cancel');
    assert.match(text, /is never closed/);
    assert.match(text, /Send anyway/);
    assert.equal(emulator.requests.filter((r) => r.action === 'SendEmail').length, sends);
  });

  scenario('a blocklisted recipient: the failure is explained and "Check Blocklist" shows the address blocked, with its reason', 'e2e-api-3-blocklisted', async () => {
    await openFile(page, 'order-confirmation.ses.html');
    await runCommand(page, 'SES: Send Test Email');
    await answerInput(page, 'Recipients', BLOCKED);
    await answerDialog(page, BLOCKED, 'Send');
    const { toast, text } = await waitForToast(page, /EmailAddrInBlacklist/, 'the blocklist failure notification');
    assert.match(text, /The test email was not sent/);
    assert.match(text, /blocklist/i);
    assert.match(text, /RequestId/);
    await toast.locator('.monaco-button', { hasText: /^Check Blocklist$/ }).click();
    const view = await previewText(page, (body) => body.includes('Blocklist check') && body.includes(`${BLOCKED}: blocked`), 'the blocklist view showing the address blocked');
    const seeded = emulator.state.blocklist.find((b) => b.EmailAddress === BLOCKED);
    assert.ok(view.includes(seeded.IspDesc), `the reason "${seeded.IspDesc}" in:\n${view}`);
    assert.match(view, /shared by all Tencent Cloud accounts/);
  });

  scenario('"Remove from Blocklist" asks, calls DeleteBlackList and shows the address no longer blocked', 'e2e-api-4-removed', async () => {
    await clickNotificationButton(page, /the address is on the blocklist \(last 14 days\)/, 'Remove from Blocklist');
    await answerDialog(page, `Remove ${BLOCKED}`, 'Remove from Blocklist');
    await waitFor(() => !emulator.state.blocklist.some((b) => b.EmailAddress === BLOCKED), { page, what: 'the emulator to drop the address' });
    assert.ok(emulator.requests.some((r) => r.action === 'DeleteBlackList' && r.resultCode === 'OK'));
    await previewText(page, (body) => body.includes(`${BLOCKED}: not blocked`), 'the blocklist view to say "not blocked"');
    await waitForToast(page, /the address is not on your blocklist of the last 14 days/, 'the notification that the address is not blocklisted');
  });

  scenario('a connection reset and a timeout each get their own message, with no stack trace', 'e2e-api-5-network', async () => {
    for (const [fault, pattern] of [[{ kind: 'reset', action: 'SendEmail' }, /could not be reached/], [{ kind: 'latency', ms: 4000, action: 'SendEmail' }, /did not answer in time/]]) {
      emulator.inject(fault);
      await openFile(page, 'order-confirmation.ses.html');
      await runCommand(page, 'SES: Send Test Email');
      await answerInput(page, 'Recipients', 'you@example.com');
      await answerDialog(page, 'TemplateID: 21001', 'Send');
      const { text } = await waitForToast(page, pattern, `the ${fault.kind} failure notification`);
      assert.match(text, /The test email was not sent/);
      assert.doesNotMatch(text, /\bat .+:\d+:\d+|Error: /, `no stack trace in: ${text}`);
    }
  });

  scenario('an endpoint that echoes the key in the error code and message: the notification shows it masked, on one line', 'e2e-api-6-echo', async () => {
    // A hostile or misconfigured endpoint (sesStudio.api.endpoint comes from settings) quoting the
    // SecretId it was sent: the client masks the code and message before any display path.
    emulator.inject({ kind: 'apiError', action: 'SendEmail', code: `AuthFailure.SecretIdNotFound ${emu.DEFAULT_SECRET_ID}`, message: `The key ${emu.DEFAULT_SECRET_ID} does not exist.\nFAKE: sent` });
    await openFile(page, 'order-confirmation.ses.html');
    await runCommand(page, 'SES: Send Test Email');
    await answerInput(page, 'Recipients', 'you@example.com');
    await answerDialog(page, 'TemplateID: 21001', 'Send');
    const { text } = await waitForToast(page, /AuthFailure\.SecretIdNotFound/, 'the failure notification');
    assert.ok(!text.includes(emu.DEFAULT_SECRET_ID), `the SecretId is in the notification: ${text}`);
    assert.match(text, /AKID…/, text);
  });

  test('the output channel logs every API call, with the SecretKey never written and the SecretId masked', async () => {
    const log = await server.readLog('SES Template Studio');
    for (const action of ['SendEmail', 'ListBlackEmailAddress', 'DeleteBlackList']) assert.match(log, new RegExp(`${action} ap-guangzhou attempt`), action);
    assert.ok(!log.includes(emu.DEFAULT_SECRET_KEY), 'the SecretKey is in the log');
    assert.ok(!log.includes(emu.DEFAULT_SECRET_ID), 'the unmasked SecretId is in the log');
  });
});

describe('Tencent Cloud API commands in Simplified Chinese, with the key from the environment', () => {
  let emulator;
  let emu;
  let server;
  let browser;
  let page;
  let home;

  before(async () => {
    emu = await import(pathToFileURL(emulatorModule).href);
    emulator = await emu.startEmulator({ seed: emu.loadSeedFile(path.join(repoRoot, 'test/emulator/seeds/examples.json')) });
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-home-'));
    // A small workspace that activates the extension (a template); a copy, so nothing is written to the repository.
    await fs.cp(path.join(repoRoot, 'test/fixtures/workspace'), path.join(home, 'workspace'), { recursive: true });
    server = await startCodeServer({
      extensionDir: repoRoot, workspaceDir: path.join(home, 'workspace'), locale: 'zh-cn',
      machineSettings: { 'sesStudio.api.endpoint': emulator.url },
      env: { HOME: home, TENCENTCLOUD_SECRET_ID: emu.DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: emu.DEFAULT_SECRET_KEY, TENCENTCLOUD_SESSION_TOKEN: undefined },
    });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'e2e-api-zh' });
    await emulator?.close();
    if (home) await fs.rm(home, { recursive: true, force: true });
  });

  test('the status bar names the environment key; "查询黑名单" shows a blocked address in Chinese', async () => {
    try {
      const item = page.locator('.statusbar-item', { hasText: 'SES：' }).first();
      await waitFor(async () => (await item.innerText()).includes('SES：密钥来自环境变量'), { page, what: 'the status bar to name the environment key', timeout: 30_000 });
      await runCommand(page, 'SES: 查询黑名单');
      await answerInput(page, '邮箱地址', `${BLOCKED} ok@example.com`);
      const view = await previewText(page, (body) => body.includes(`${BLOCKED}：已被拉黑`) || body.includes(`${BLOCKED}: 已被拉黑`), 'the Chinese blocklist view');
      assert.match(view, /未被拉黑/);
      assert.match(view, /所有腾讯云账号共享/);
      const query = emulator.requests.find((r) => r.action === 'ListBlackEmailAddress');
      assert.equal(query.headers['x-tc-language'], 'zh-CN');
      await screenshot(page, 'e2e-api-6-chinese');
    } catch (error) {
      await screenshot(page, 'e2e-api-6-chinese-failed').catch(() => undefined);
      throw error;
    }
  });
});
