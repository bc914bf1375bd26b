// The Sending health webview in a real VS Code (code-server + Chromium) against the local SES API
// emulator (examples.json: mail.example.com warming up over 30 days, a bounce spike 9 days ago): the
// charts are drawn (canvas pixels, screenshot in test-results/), no CSP violation is reported, and the
// table view shows exactly the emulator's seeded numbers, unfiltered and for one domain and mailbox type.
// seeds/nearQuota.json is laid over the examples: news.example.com (level 2, 1,000 a day) has sent 998
// today, for the warm-up section (level, quota, a plan drawn and an over-plan day) and the warning
// before a test send that would exceed today's quota.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe } from 'node:test';
import { closeWorkbench, launchBrowser, openWorkbench, repoRoot, runCommand, startCodeServer, waitFor } from './harness.mjs';
import { answerDialog, answerInput, findNotification, scenarioWithScreenshots } from './workbenchUi.mjs';
import { openFile } from './harness.mjs';

const emulatorModule = path.join(repoRoot, 'out/test/emulator/index.js');
const COUNTS = ['RequestCount', 'AcceptedCount', 'DeliveredCount', 'BounceCount', 'OpenedCount', 'ClickedCount', 'UnsubscribeCount'];

/** The Sending health webview's content frame (the one with our form), or undefined. */
async function healthFrame(page) {
  for (const frame of page.frames()) {
    if (await frame.evaluate(() => !!document.querySelector('#app form#query')).catch(() => false)) return frame;
  }
  return undefined;
}

/** The emulator's rows summed per day within the range, filtered like GetStatisticsReport. */
function expected(rows, { StartDate, EndDate, Domain = '', ReceivingMailboxType = '' }) {
  const days = new Map();
  const total = Object.fromEntries(COUNTS.map((c) => [c, 0]));
  for (const row of rows) {
    if (row.SendDate < StartDate || row.SendDate > EndDate) continue;
    if (Domain && row.Domain !== Domain) continue;
    if (ReceivingMailboxType && row.ReceivingMailboxType !== ReceivingMailboxType) continue;
    const day = days.get(row.SendDate) ?? Object.fromEntries(COUNTS.map((c) => [c, 0]));
    for (const c of COUNTS) {
      day[c] += row[c];
      total[c] += row[c];
    }
    days.set(row.SendDate, day);
  }
  return { days, total };
}

/** The table view's rows as { date, counts[7], rates[3], warn }. */
function tableRows(frame) {
  return frame.evaluate(() => [...document.querySelectorAll('#numbers tbody tr, #numbers tfoot tr')].map((tr) => {
    const cells = [...tr.children].map((cell) => cell.textContent.trim());
    return { date: tr.getAttribute('data-date'), counts: cells.slice(1, 8).map((c) => Number(c.replace(/[,\s]/g, ''))), rates: cells.slice(8), warn: tr.classList.contains('warn') };
  }));
}

describe('Sending health: GetStatisticsReport drawn with uPlot, and as a table', () => {
  let emulator;
  let server;
  let browser;
  let page;
  let workspace;
  let home;
  const cspReports = [];

  before(async () => {
    const emu = await import(pathToFileURL(emulatorModule).href).catch((error) => {
      throw new Error(`${emulatorModule} is missing: run npm run compile-tests (${error.message})`);
    });
    const seed = emu.mergeSeeds(emu.loadSeedFile(path.join(repoRoot, 'test/emulator/seeds/examples.json')), emu.loadSeedFile(path.join(repoRoot, 'test/emulator/seeds/nearQuota.json')));
    emulator = await emu.startEmulator({ seed });
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-health-'));
    await fs.cp(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    // Test sends of this file go out from the domain near its quota.
    const configFile = path.join(workspace, 'ses.config.json');
    const config = JSON.parse(await fs.readFile(configFile, 'utf8'));
    config.defaults.from = 'Example Shop News Desk <hello@news.example.com>';
    await fs.writeFile(configFile, JSON.stringify(config, null, 2));
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-home-'));
    server = await startCodeServer({
      extensionDir: repoRoot, workspaceDir: workspace,
      machineSettings: { 'sesStudio.api.endpoint': emulator.url },
      env: { HOME: home, TENCENTCLOUD_SECRET_ID: emu.DEFAULT_SECRET_ID, TENCENTCLOUD_SECRET_KEY: emu.DEFAULT_SECRET_KEY, TENCENTCLOUD_SESSION_TOKEN: undefined, TCCLI_PROFILE: undefined },
    });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url);
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) cspReports.push(message.text());
    });
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'e2e-health' });
    await emulator?.close();
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
    if (home) await fs.rm(home, { recursive: true, force: true });
  });

  const scenario = scenarioWithScreenshots(() => page);
  let frame;

  scenario('SES: Sending Health draws the daily volumes and the rates of the last 30 days with the 5 % line, under the webview\'s CSP', 'e2e-health-1-charts', async () => {
    await runCommand(page, 'SES: Sending Health');
    frame = await waitFor(() => healthFrame(page), { page, what: 'the Sending health webview', timeout: 60_000 });
    await waitFor(() => frame.evaluate(() => document.querySelector('#charts')?.dataset.drawn === '2'), { page, what: 'two charts drawn', timeout: 60_000 });
    const charts = await frame.evaluate(() => [...document.querySelectorAll('#charts figure')].map((figure) => {
      const canvas = figure.querySelector('canvas');
      const context = canvas.getContext('2d');
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return { id: figure.id, width: canvas.width, painted, legend: [...figure.querySelectorAll('.u-legend .u-series .u-label')].map((l) => l.textContent) };
    }));
    console.log(`# charts: ${JSON.stringify(charts.map(({ id, width, painted }) => ({ id, width, painted })))}`);
    assert.deepEqual(charts.map((c) => c.id), ['chart-volumes', 'chart-rates']);
    for (const chart of charts) assert.ok(chart.width > 300 && chart.painted > 1000, `${chart.id} has lines drawn (${chart.painted} painted pixels)`);
    assert.deepEqual(charts[0].legend, ['Date', 'Requests', 'Accepted', 'Deliveries', 'Bounces', 'Opens', 'Clicks', 'Unsubscribes']);
    assert.deepEqual(charts[1].legend, ['Date', 'Delivery rate', 'Bounce rate', 'Unsubscribe rate', '5 % bounce limit']);
    const call = emulator.requests.find((r) => r.action === 'GetStatisticsReport' && r.resultCode === 'OK');
    assert.ok(call, 'GetStatisticsReport was asked');
    assert.deepEqual(Object.keys(call.body).sort(), ['EndDate', 'StartDate']);
    // The spike day is above 5 % bounces: totals list it.
    assert.match(await frame.evaluate(() => document.querySelector('#high-bounce')?.textContent ?? ''), /Days with a bounce rate above 5 %: \d{4}-\d{2}-\d{2}/);
    assert.deepEqual(cspReports, [], 'no CSP violation');
  });

  scenario('the table view shows the emulator\'s seeded numbers per day and in total, the bounce spike marked', 'e2e-health-2-table', async () => {
    await frame.click('#tab-table');
    await waitFor(() => frame.evaluate(() => !document.querySelector('#table').hidden && document.querySelector('#charts').hidden), { page, what: 'the table view' });
    const range = await frame.evaluate(() => ({ StartDate: document.querySelector('#start').value, EndDate: document.querySelector('#end').value }));
    const want = expected(emulator.state.statistics, range);
    const rows = await tableRows(frame);
    const days = rows.filter((r) => r.date !== 'total');
    assert.equal(days.length, 30, 'one row per day of the 30');
    assert.ok(want.total.RequestCount > 1000, `the seed sent mail in the range (${want.total.RequestCount})`);
    for (const row of days) {
      const day = want.days.get(row.date) ?? Object.fromEntries(COUNTS.map((c) => [c, 0]));
      assert.deepEqual(row.counts, [day.RequestCount, day.AcceptedCount, day.DeliveredCount, day.BounceCount, day.OpenedCount, day.ClickedCount, day.UnsubscribeCount], row.date);
      assert.equal(row.warn, day.AcceptedCount > 0 && day.BounceCount / day.AcceptedCount > 0.05, `${row.date} marked iff above 5 % bounces`);
    }
    const total = rows.find((r) => r.date === 'total');
    assert.deepEqual(total.counts, COUNTS.map((c) => want.total[c]));
    assert.equal(total.rates[1], `${((want.total.BounceCount / want.total.AcceptedCount) * 100).toFixed(1)} %`, 'total bounce rate');
    assert.equal(days.filter((r) => r.warn).length, 1, 'one spike day');
  });

  scenario('one sender domain and one receiving mailbox type: the API is asked with both, the table shows that slice', 'e2e-health-3-filtered', async () => {
    await waitFor(() => frame.evaluate(() => [...document.querySelectorAll('#domain option')].some((o) => o.value === 'mail.example.com')), { page, what: 'the Senders tree\'s domains offered' });
    await frame.selectOption('#domain', 'mail.example.com');
    await frame.fill('#mailbox', 'gmail.com');
    await frame.click('#show');
    await waitFor(() => frame.evaluate(() => document.body.dataset.report?.endsWith('/mail.example.com/gmail.com')), { page, what: 'the filtered report' });
    const call = emulator.requests.findLast((r) => r.action === 'GetStatisticsReport' && r.resultCode === 'OK');
    assert.equal(call.body.Domain, 'mail.example.com');
    assert.equal(call.body.ReceivingMailboxType, 'gmail.com');
    const want = expected(emulator.state.statistics, call.body);
    const total = (await tableRows(frame)).find((r) => r.date === 'total');
    assert.equal(total.counts[0], want.total.RequestCount);
    assert.equal(total.counts[3], want.total.BounceCount);
    const all = expected(emulator.state.statistics, { StartDate: call.body.StartDate, EndDate: call.body.EndDate });
    assert.ok(want.total.RequestCount > 0 && want.total.RequestCount < all.total.RequestCount, 'gmail.com is a part of the traffic');
    // A reversed range is refused in the view, without asking the API.
    const asked = emulator.requests.length;
    await frame.fill('#start', call.body.EndDate);
    await frame.fill('#end', call.body.StartDate);
    await frame.click('#show');
    await waitFor(() => frame.evaluate(() => document.querySelector('#status.error')?.textContent.includes('the first not after the second')), { page, what: 'the range refused' });
    assert.equal(emulator.requests.slice(asked).filter((r) => r.action === 'GetStatisticsReport').length, 0);
  });

  scenario('the warm-up section shows news.example.com at level 2 with 1,000 a day; a plan is drawn against the volume and marks the days over it', 'e2e-health-4-warmup', async () => {
    await frame.click('#tab-charts');
    await waitFor(() => frame.evaluate(() => [...document.querySelectorAll('#warmup-domain option')].some((o) => o.value === 'news.example.com')), { page, what: 'the warm-up section with the seeded domains', timeout: 30_000 });
    await frame.selectOption('#warmup-domain', 'news.example.com');
    await waitFor(() => frame.evaluate(() => document.querySelector('#warmup')?.dataset.domain === 'news.example.com'), { page, what: 'news.example.com chosen' });
    const facts = await frame.evaluate(() => ({
      level: document.querySelector('#warmup-level .value')?.textContent,
      quota: document.querySelector('#warmup-quota .value')?.textContent,
      next: document.querySelector('#warmup-next .value')?.textContent,
      source: document.querySelector('#ladder-source')?.getAttribute('href'),
    }));
    assert.deepEqual(facts, { level: '2', quota: '1,000', next: '3 · 2,000', source: 'https://www.tencentcloud.com/document/product/1084/48864' });
    const identityCalls = emulator.requests.filter((r) => r.action === 'ListEmailIdentities' && r.resultCode === 'OK');
    assert.ok(identityCalls.length > 0, 'ListEmailIdentities was asked');
    // A plan of 60 emails from the first day, +5 % a day: the seeded +10 % a day outruns it.
    const start = await frame.evaluate(() => document.querySelector('#warmup-numbers tbody tr')?.getAttribute('data-date'));
    await frame.fill('#plan-start', start);
    await frame.fill('#plan-volume', '60');
    await frame.fill('#plan-growth', '5');
    await frame.click('#save-plan');
    await waitFor(() => frame.evaluate((want) => document.querySelector('#warmup')?.dataset.plan === want, `${start}/60/5`), { page, what: 'the plan saved and drawn', timeout: 30_000 });
    await waitFor(() => frame.evaluate(() => document.querySelector('#chart-warmup')?.dataset.drawn === 'true'), { page, what: 'the warm-up chart' });
    const drawn = await frame.evaluate(() => {
      const canvas = document.querySelector('#chart-warmup canvas');
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return {
        painted,
        legend: [...document.querySelectorAll('#chart-warmup .u-legend .u-series .u-label')].map((l) => l.textContent),
        overPlan: document.querySelector('#over-plan')?.textContent ?? '',
        rows: [...document.querySelectorAll('#warmup-numbers tbody tr')].map((tr) => ({ date: tr.getAttribute('data-date'), over: tr.classList.contains('over-plan'), cells: [...tr.children].map((c) => c.textContent) })),
      };
    });
    console.log(`# warm-up chart: ${drawn.painted} painted pixels; over plan: ${drawn.rows.filter((r) => r.over).length} of ${drawn.rows.length} days`);
    assert.ok(drawn.painted > 1000, 'the warm-up chart has lines');
    assert.deepEqual(drawn.legend, ['Date', 'Sent', 'Quota', 'Plan']);
    const today = drawn.rows.at(-1);
    assert.equal(today.cells[1], '998');
    assert.equal(today.cells[2], Math.floor(60 * 1.05 ** 29 + 1e-6).toLocaleString('en'));
    assert.equal(today.cells[3], '1,000');
    assert.equal(today.over, true, 'today is over the plan');
    assert.equal(drawn.rows[0].cells[2], '60');
    assert.match(drawn.overPlan, new RegExp(`Days over the plan: .*${today.date}`));
    assert.match(drawn.overPlan, /gradually increase the number each day/);
    for (const row of drawn.rows) assert.equal(row.over, Number(row.cells[1].replace(/,/g, '')) > Number(row.cells[2].replace(/,/g, '')), `${row.date} marked iff over the plan`);
    assert.deepEqual(cspReports, [], 'no CSP violation');
  });

  scenario('"SES: Send Test Email" from news.example.com warns that 3 more exceed today\'s quota; Cancel sends nothing, 1 more goes out without a warning', 'e2e-health-5-quota-warning', async () => {
    await openFile(page, 'order-confirmation.ses.html');
    await runCommand(page, 'SES: Send Test Email');
    await answerInput(page, 'Recipients', 'a@qq.com, b@qq.com, c@qq.com');
    const warning = await answerDialog(page, 'would exceed its daily quota', 'Cancel');
    assert.match(warning, /news\.example\.com has sent 998 of its 1000 emails today: 3 more would exceed its daily quota/);
    assert.match(warning, /FailedOperation\.ExceedSendLimit/);
    const today = emulator.requests.findLast((r) => r.action === 'GetStatisticsReport' && r.body?.Domain === 'news.example.com' && r.body.StartDate === r.body.EndDate);
    assert.ok(today, 'today\'s statistics of the sender\'s domain were asked');
    assert.equal(emulator.requests.filter((r) => r.action === 'SendEmail').length, 0, 'nothing was sent');
    await runCommand(page, 'SES: Send Test Email');
    await answerInput(page, 'Recipients', 'a@qq.com');
    await answerDialog(page, 'TemplateID: 21001', 'Send');
    const sent = await waitFor(() => emulator.requests.find((r) => r.action === 'SendEmail' && r.resultCode === 'OK'), { page, what: 'the send within the quota' });
    assert.equal(sent.body.FromEmailAddress, 'Example Shop News Desk <hello@news.example.com>');
  });

  scenario('"Send anyway" over the quota goes on to the usual confirmation and sends; Tencent\'s ExceedSendLimit answer is shown with its explanation', 'e2e-health-6-send-anyway', async () => {
    const before = emulator.requests.filter((r) => r.action === 'SendEmail').length;
    await runCommand(page, 'SES: Send Test Email');
    await answerInput(page, 'Recipients', 'a@qq.com, b@qq.com, c@qq.com');
    await answerDialog(page, 'would exceed its daily quota', 'Send anyway');
    await answerDialog(page, 'TemplateID: 21001', 'Send');
    const refused = await waitFor(() => emulator.requests.filter((r) => r.action === 'SendEmail')[before], { page, what: 'the SendEmail request', timeout: 30_000 });
    assert.equal(refused.resultCode, 'FailedOperation.ExceedSendLimit');
    assert.deepEqual(refused.body.Destination, ['a@qq.com', 'b@qq.com', 'c@qq.com']);
    const shown = await waitFor(() => findNotification(page, /ExceedSendLimit/), { page, what: 'the refused send in a notification', timeout: 30_000 });
    assert.match(shown.text, /ExceedSendLimit/);
  });
});
