import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { listAllIdentities } from '../../common/cloud/account';
import { lookUpQuota } from '../../common/cloud/quotaLookup';
import { SesClient } from '../../common/cloud/sesClient';
import { fetchStatistics } from '../../common/cloud/statistics';
import { warmupDomain, warmupRange, flaggedDays } from '../../client/src/health/warmupReport';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type EmulatorHandle } from '../emulator';
import { examplesSeed, FIXED_NOW_MS, nearQuotaSeed, REPO_ROOT } from '../emulator/testClock';

/**
 * The warm-up section and the test-send quota check against the emulator: seeds/nearQuota.json over
 * examples.json gives news.example.com (level 2, 1,000 a day) 998 emails today, Beijing time.
 */

let emulator: EmulatorHandle | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(): Promise<SesClient> {
  emulator = await startEmulator({ seed: nearQuotaSeed(), now: () => FIXED_NOW_MS });
  return new SesClient({
    credentials: async () => ({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }),
    region: 'ap-guangzhou', endpoint: emulator.url, language: 'en-US', retry: { baseDelayMs: 1 }, now: () => FIXED_NOW_MS,
  });
}

const NOW = new Date(FIXED_NOW_MS);

describe('seeds/nearQuota.json merged onto examples.json', () => {
  it('adds a level-2 domain with a 30-day warm-up and 998 of its 1,000 sent today, and keeps the examples as they were', async () => {
    const client = await start();
    const listed = await listAllIdentities(client);
    assert.ok(listed.ok);
    assert.deepEqual(listed.identities.map((i) => [i.IdentityName, i.CurrentReputationLevel, i.DailyQuota]), [
      ['mail.example.com', 5, 10000], ['promo.example.com', 1, 500], ['news.example.com', 2, 1000],
    ]);
    const examples = examplesSeed();
    assert.equal(emulator!.state.templates.length, examples.templates?.length);
    const range = warmupRange(NOW);
    const days = await fetchStatistics(client, { ...range, Domain: 'news.example.com' });
    assert.ok(days.ok);
    assert.equal(days.days.length, 30);
    assert.equal(days.days[29].RequestCount, 998, 'today (Beijing) is near the quota');
    assert.ok(days.days[0].RequestCount >= 56 && days.days[0].RequestCount <= 64, String(days.days[0].RequestCount));
    assert.ok(days.days[20].RequestCount > days.days[10].RequestCount * 2, 'it warms up');
  });
});

describe('lookUpQuota: today\'s volume against DailyQuota before a test send', () => {
  it('3 more from news.example.com exceed its quota, 2 fit; the sender\'s domain is matched case-insensitively', async () => {
    const client = await start();
    const three = await lookUpQuota(client, 'news.example.com', 3, NOW, 5_000);
    assert.deepEqual(three, { ok: true, domain: 'news.example.com', level: 2, check: { quota: 1000, sentToday: 998, remaining: 2, exceeds: true } });
    const two = await lookUpQuota(client, 'news.example.com', 2, NOW, 5_000);
    assert.equal(two.ok && two.check.exceeds, false);
    const asked = emulator!.requests.filter((r) => r.action === 'GetStatisticsReport').map((r) => r.body);
    assert.deepEqual(asked[0], { StartDate: '2026-11-28', EndDate: '2026-11-28', Domain: 'news.example.com' });
    const mail = await lookUpQuota(client, 'mail.example.com', 1, NOW, 5_000);
    assert.ok(mail.ok && !mail.check.exceeds && mail.check.quota === 10000);
  });

  it('the emulator refuses what the check warned about: 3 more is FailedOperation.ExceedSendLimit', async () => {
    const client = await start();
    const data = fs.readFileSync(path.join(REPO_ROOT, 'examples/order-confirmation.data.json'), 'utf8');
    const result = await client.sendEmail({ FromEmailAddress: 'hello@news.example.com', Destination: ['a@qq.com', 'b@qq.com', 'c@qq.com'], Subject: 'x', Template: { TemplateID: 21001, TemplateData: JSON.stringify(JSON.parse(data)) } });
    assert.equal(!result.ok && result.code, 'FailedOperation.ExceedSendLimit');
  });

  it('never blocks: an unknown domain, an API error and a slow answer each end in a reason, within the bound', async () => {
    const client = await start();
    assert.deepEqual(await lookUpQuota(client, 'other.example.org', 1, NOW, 5_000), { ok: false, domain: 'other.example.org', reason: 'no-identity' });
    emulator!.inject({ kind: 'apiError', code: 'InternalError', action: 'GetStatisticsReport', times: 5 });
    const failed = await lookUpQuota(client, 'news.example.com', 1, NOW, 5_000);
    assert.equal(failed.ok ? 'ok' : failed.reason, 'failed');
    emulator!.inject({ kind: 'latency', ms: 3_000, action: 'ListEmailIdentities', times: 5 });
    const started = Date.now();
    const slow = await lookUpQuota(client, 'news.example.com', 1, NOW, 200);
    assert.equal(slow.ok ? 'ok' : slow.reason, 'timeout');
    assert.ok(Date.now() - started < 2_500, 'the bound, not the slow answer, decided');
  });
});

describe('the warm-up section of a seeded domain', () => {
  it('draws the last 30 days against the quota and a plan; days above the plan are flagged, none above the quota', async () => {
    const client = await start();
    const range = warmupRange(NOW);
    const identity = (await listAllIdentities(client));
    assert.ok(identity.ok);
    const news = identity.identities.find((i) => i.IdentityName === 'news.example.com')!;
    const days = await fetchStatistics(client, { ...range, Domain: 'news.example.com' });
    assert.ok(days.ok);
    const plan = { startDate: range.StartDate, startVolume: 60, dailyGrowthPercent: 5 };
    const section = warmupDomain(news, days.days, plan, range);
    assert.deepEqual([section.level, section.quota, section.next], [2, 1000, { level: 3, quota: 2000 }]);
    const flagged = flaggedDays(section);
    assert.ok(flagged.overPlan.length > 10, `growing 10 % a day outruns a 5 % plan (${flagged.overPlan.length} days)`);
    assert.ok(flagged.overPlan.includes('2026-11-28'));
    assert.deepEqual(flagged.overQuota, []);
    assert.equal(section.days[29].planned, Math.floor(60 * 1.05 ** 29 + 1e-6));
  });
});
