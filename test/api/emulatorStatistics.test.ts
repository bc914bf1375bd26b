import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { listAllIdentities, listRecentBlocklist } from '../../common/cloud/account';
import { SesClient } from '../../common/cloud/sesClient';
import { fetchStatistics, ratesOf, totalOf } from '../../common/cloud/statistics';
import { listAllTemplates } from '../../common/cloud/templateSync';
import type { Volume } from '../../common/cloud/types';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type EmulatorHandle, type EmulatorSeed } from '../emulator';
import { signedCall } from '../emulator/signedRequest';
import { examplesSeed, FIXED_NOW_MS, FIXED_NOW_SECONDS } from '../emulator/testClock';

/**
 * The actions behind the SES view and the Sending-health view, against the emulator: GetStatisticsReport
 * (dates in Beijing time, filters, WrongDate), the quota SendEmail enforces, and the paged listings
 * (templates past 100, identities, blocklist) with Chinese content.
 */

let emulator: EmulatorHandle | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(seed: EmulatorSeed, nowMs = FIXED_NOW_MS): Promise<EmulatorHandle> {
  emulator = await startEmulator({ seed, now: () => nowMs });
  return emulator;
}

function client(nowMs = FIXED_NOW_MS): SesClient {
  return new SesClient({
    credentials: async () => ({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }),
    region: 'ap-guangzhou', endpoint: emulator!.url, language: 'en-US', retry: { baseDelayMs: 1 }, now: () => nowMs,
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wire JSON, checked field by field below
async function call(action: string, params: unknown, timestamp = FIXED_NOW_SECONDS): Promise<any> {
  const result = await signedCall(emulator!.url, action, params, { timestamp });
  assert.equal(result.status, 200, result.text);
  return result.json?.Response;
}

const sum = (volumes: Volume[], field: keyof Omit<Volume, 'SendDate'>) => volumes.reduce((acc, v) => acc + v[field], 0);

describe('GetStatisticsReport on the examples seed (mail.example.com warming up, a bounce spike)', () => {
  it('answers the last 30 Beijing days oldest first, growing, with the spike nine days ago and OverallVolume the sum', async () => {
    await start(examplesSeed());
    // The fixed clock is 2026-11-28 11:00 Beijing.
    const response = await call('GetStatisticsReport', { StartDate: '2026-10-30', EndDate: '2026-11-28' });
    assert.equal(response.Error, undefined, JSON.stringify(response.Error));
    const days: Volume[] = response.DailyVolumes;
    assert.equal(days.length, 30);
    assert.deepEqual([days[0].SendDate, days[29].SendDate], ['2026-10-30', '2026-11-28']);
    assert.deepEqual(Object.keys(days[0]).sort(), ['AcceptedCount', 'BounceCount', 'ClickedCount', 'DeliveredCount', 'OpenedCount', 'RequestCount', 'SendDate', 'UnsubscribeCount']);
    // Starts near 300 (±6 % wobble), grows about 12 % a day, capped at 9,000; today is half done.
    assert.ok(days[0].RequestCount >= 282 && days[0].RequestCount <= 318, String(days[0].RequestCount));
    assert.ok(days[20].RequestCount > days[10].RequestCount * 2, 'the volume grows');
    assert.ok(days.every((d) => d.RequestCount <= 9000 * 1.06));
    assert.ok(days[29].RequestCount < days[28].RequestCount * 0.6, 'today is not over');
    for (const day of days) {
      assert.ok(day.AcceptedCount <= day.RequestCount && day.DeliveredCount + day.BounceCount === day.AcceptedCount, JSON.stringify(day));
      assert.ok(day.OpenedCount <= day.DeliveredCount && day.ClickedCount <= day.OpenedCount);
    }
    const spike = days.find((d) => d.SendDate === '2026-11-19') as Volume;
    assert.ok(ratesOf(spike).bounce! > 0.1, `spike bounce ${ratesOf(spike).bounce}`);
    const others = days.filter((d) => d !== spike);
    assert.ok(others.every((d) => ratesOf(d).bounce! < 0.03), 'other days bounce about 1.4 %');
    const overall = response.OverallVolume;
    for (const field of ['RequestCount', 'AcceptedCount', 'DeliveredCount', 'OpenedCount', 'ClickedCount', 'BounceCount', 'UnsubscribeCount'] as const) {
      assert.equal(overall[field], sum(days, field), field);
    }
  });

  it('filters by Domain and ReceivingMailboxType (case-insensitive); the mailbox types add up to the whole', async () => {
    await start(examplesSeed());
    const range = { StartDate: '2026-11-01', EndDate: '2026-11-28' };
    const all = (await call('GetStatisticsReport', { ...range, Domain: 'MAIL.example.com' })).OverallVolume;
    let parts = 0;
    for (const type of ['qq.com', '163.com', 'gmail.com', 'outlook.com']) {
      const part = await call('GetStatisticsReport', { ...range, Domain: 'mail.example.com', ReceivingMailboxType: type.toUpperCase() });
      assert.ok(part.OverallVolume.RequestCount > 0, type);
      parts += part.OverallVolume.RequestCount;
    }
    assert.equal(parts, all.RequestCount);
    const qq = (await call('GetStatisticsReport', { ...range, ReceivingMailboxType: 'qq.com' })).OverallVolume.RequestCount;
    assert.ok(Math.abs(qq / all.RequestCount - 0.45) < 0.01, 'qq.com carries its 45 % share');
    const promo = await call('GetStatisticsReport', { ...range, Domain: 'promo.example.com' });
    assert.deepEqual(promo.DailyVolumes, [], 'a domain that sent nothing has no days');
    assert.equal(promo.OverallVolume.RequestCount, 0);
  });

  it('refuses bad dates and ranges with InvalidParameterValue.WrongDate, and bad parameters with their codes', async () => {
    await start(examplesSeed());
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ StartDate: '2026-11-28', EndDate: '2026-11-01' }, 'InvalidParameterValue.WrongDate'],
      [{ StartDate: '2026-02-30', EndDate: '2026-03-01' }, 'InvalidParameterValue.WrongDate'],
      [{ StartDate: '2026/11/01', EndDate: '2026-11-28' }, 'InvalidParameterValue.WrongDate'],
      [{ StartDate: '2026-11-01', EndDate: '二〇二六年十一月' }, 'InvalidParameterValue.WrongDate'],
      [{ StartDate: '2026-11-01' }, 'MissingParameter'],
      [{ StartDate: 20261101, EndDate: '2026-11-28' }, 'InvalidParameter'],
      [{ StartDate: '2026-11-01', EndDate: '2026-11-28', Domain: 7 }, 'InvalidParameter'],
      [{ StartDate: '2026-11-01', EndDate: '2026-11-28', Limit: 10 }, 'UnknownParameter'],
    ];
    for (const [params, code] of cases) {
      const response = await call('GetStatisticsReport', params);
      assert.equal(response.Error?.Code, code, JSON.stringify(params));
      assert.ok(response.Error.Message);
    }
  });

  it('counts days in Beijing time: at 17:00 UTC "today" is already the next day', async () => {
    const late = Date.UTC(2026, 10, 28, 17, 0, 0); // 2026-11-29 01:00 Beijing
    await start({ statistics: [{ SendDate: 'now', Domain: 'mail.example.com', RequestCount: 5 }, { SendDate: '-1d', Domain: 'mail.example.com', RequestCount: 7 }] }, late);
    const response = await call('GetStatisticsReport', { StartDate: '2026-11-28', EndDate: '2026-11-29' }, late / 1000);
    assert.deepEqual(response.DailyVolumes.map((v: Volume) => [v.SendDate, v.RequestCount]), [['2026-11-28', 7], ['2026-11-29', 5]]);
  });

  it('fetchStatistics fills days without traffic with zeros, so charts have one point per day', async () => {
    await start({ statistics: [{ SendDate: '2026-11-26', Domain: 'a.example.com', RequestCount: 10, BounceCount: 1, OpenedCount: 3 }] });
    const result = await fetchStatistics(client(), { StartDate: '2026-11-24', EndDate: '2026-11-28' });
    assert.ok(result.ok);
    assert.deepEqual(result.days.map((d) => [d.SendDate, d.RequestCount]), [['2026-11-24', 0], ['2026-11-25', 0], ['2026-11-26', 10], ['2026-11-27', 0], ['2026-11-28', 0]]);
    const total = totalOf(result.days);
    assert.deepEqual([total.RequestCount, total.AcceptedCount, total.DeliveredCount, total.BounceCount], [10, 10, 9, 1]);
    const bad = await fetchStatistics(client(), { StartDate: '2026-11-28', EndDate: '2026-11-24' });
    assert.ok(!bad.ok);
    assert.equal(bad.failure.code, 'InvalidParameterValue.WrongDate');
  });

  it('a seed with a malformed statistics entry fails at start, naming it', async () => {
    await assert.rejects(startEmulator({ seed: { statistics: [{ SendDate: 'someday', Domain: 'a.com', RequestCount: 1 }] } }), /statistics\[0\].*someday/);
    await assert.rejects(startEmulator({ seed: { statisticsSeries: [{ Domain: 'a.com', startVolume: 10, bounceRate: 2 }] } }), /statisticsSeries\[0\]\.bounceRate/);
  });
});

describe('SendEmail against the daily quota (reference §8.4)', () => {
  const seed: EmulatorSeed = {
    senders: [{ EmailAddress: 'noreply@new.example.com' }],
    identities: [{ IdentityName: 'new.example.com', CurrentReputationLevel: 1, DailyQuota: 500 }],
    templates: [{ TemplateID: 1, TemplateName: '通知', TemplateStatus: 0, Text: '你好' }],
    statistics: [{ SendDate: 'now', Domain: 'new.example.com', ReceivingMailboxType: 'qq.com', RequestCount: 498 }],
  };
  const send = (to: string[]) => call('SendEmail', { FromEmailAddress: 'noreply@new.example.com', Destination: to, Subject: '测试', Template: { TemplateID: 1, TemplateData: '{}' } });

  it('a send is counted in today\'s statistics; past the quota it is FailedOperation.ExceedSendLimit', async () => {
    await start(seed);
    const ok = await send(['a@qq.com']);
    assert.equal(ok.Error, undefined, JSON.stringify(ok.Error));
    const today = await call('GetStatisticsReport', { StartDate: '2026-11-28', EndDate: '2026-11-28', Domain: 'new.example.com' });
    assert.equal(today.OverallVolume.RequestCount, 499);
    const over = await send(['b@qq.com', 'c@163.com']);
    assert.equal(over.Error?.Code, 'FailedOperation.ExceedSendLimit');
    assert.match(over.Error.Message, /499 of its 500/);
    const last = await send(['b@qq.com']);
    assert.equal(last.Error, undefined, 'exactly the 500th is allowed');
  });
});

describe('paged listings with Chinese content', () => {
  it('listAllTemplates reads 1,000 templates (Chinese names and review reasons) in 10 pages of 100', async () => {
    const templates = Array.from({ length: 1000 }, (_, i) => ({
      TemplateID: 30000 + i, TemplateName: `模板 ${i} 双十一`, TemplateStatus: i % 3,
      ReviewReason: i % 3 === 2 ? '禁止发送未经收件人许可的电子邮件。' : i % 3 === 0 ? '通过' : '', CreatedTimestamp: FIXED_NOW_SECONDS - i * 60, Text: '你好',
    }));
    await start({ templates });
    const all = await listAllTemplates(client());
    assert.ok(all.ok);
    assert.equal(all.templates.length, 1000);
    assert.equal(new Set(all.templates.map((t) => t.TemplateID)).size, 1000);
    assert.equal(all.templates[0].TemplateName, '模板 0 双十一', 'newest first');
    assert.equal(all.templates.find((t) => t.TemplateID === 30002)?.ReviewReason, '禁止发送未经收件人许可的电子邮件。');
    assert.deepEqual(emulator!.requests.filter((r) => r.action === 'ListEmailTemplates').map((r) => (r.body as { Offset: number }).Offset), [0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    const tooBig = await call('ListEmailTemplates', { Limit: 101, Offset: 0 });
    assert.equal(tooBig.Error?.Code, 'FailedOperation.InvalidLimit');
  });

  it('listAllIdentities pages ListEmailIdentities and keeps levels and quotas', async () => {
    const identities = Array.from({ length: 150 }, (_, i) => ({ IdentityName: `d${i}.example.com`, CurrentReputationLevel: 1 + (i % 20), DailyQuota: 500 }));
    await start({ identities });
    const all = await listAllIdentities(client());
    assert.ok(all.ok);
    assert.equal(all.identities.length, 150);
    assert.deepEqual([all.identities[149].IdentityName, all.identities[149].CurrentReputationLevel], ['d149.example.com', 10]);
    assert.deepEqual(emulator!.requests.filter((r) => r.action === 'ListEmailIdentities').map((r) => r.body), [{ Limit: 100, Offset: 0 }, { Limit: 100, Offset: 100 }]);
  });

  it('listRecentBlocklist: the last 14 Beijing days, paged past 100, Chinese IspDesc kept; search by address or by part', async () => {
    const blocklist = Array.from({ length: 130 }, (_, i) => ({ EmailAddress: `user${i}@example.cn`, BounceTime: `-${i * 2}h`, IspDesc: '550 用户不存在 (mailbox not found)' }));
    blocklist.push({ EmailAddress: 'old@example.cn', BounceTime: '-20d', IspDesc: 'old' });
    await start({ blocklist });
    const now = new Date(FIXED_NOW_MS);
    const recent = await listRecentBlocklist(client(), { now });
    assert.ok(recent.ok);
    assert.deepEqual(recent.list.window, { StartDate: '2026-11-14', EndDate: '2026-11-28' });
    assert.equal(recent.list.entries.length, 130, 'the 20-day-old entry is outside the window');
    assert.equal(recent.list.total, 130);
    assert.equal(recent.list.entries[0].EmailAddress, 'user0@example.cn', 'newest first');
    assert.equal(recent.list.entries[5].IspDesc, '550 用户不存在 (mailbox not found)');
    const one = await listRecentBlocklist(client(), { now, search: 'USER7@example.cn' });
    assert.ok(one.ok);
    assert.deepEqual(one.list.entries.map((e) => e.EmailAddress), ['user7@example.cn']);
    assert.equal((emulator!.requests.at(-1)?.body as { EmailAddress?: string }).EmailAddress, 'user7@example.cn', 'a whole address uses the API filter');
    const part = await listRecentBlocklist(client(), { now, search: 'user12' });
    assert.ok(part.ok);
    assert.deepEqual(new Set(part.list.entries.map((e) => e.EmailAddress)), new Set(['user12@example.cn', 'user120@example.cn', 'user121@example.cn', 'user122@example.cn', 'user123@example.cn', 'user124@example.cn', 'user125@example.cn', 'user126@example.cn', 'user127@example.cn', 'user128@example.cn', 'user129@example.cn']));
    const wider = await listRecentBlocklist(client(), { now, days: 30 });
    assert.ok(wider.ok);
    assert.equal(wider.list.total, 131);
  });
});
