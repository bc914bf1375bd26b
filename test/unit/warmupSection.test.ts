import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { senderDomain } from '../../common/cloud/quotaLookup';
import { emptyVolume } from '../../common/cloud/statistics';
import type { Volume } from '../../common/cloud/types';
import { isFromHealthWebview } from '../../client/src/health/messages';
import { flaggedDays, warmupChartData, warmupDomain } from '../../client/src/health/warmupReport';
import { WarmupPlans } from '../../client/src/health/warmupPlans';

/** The warm-up section's arithmetic (plan vs actual, over-quota days), its messages and the plan store. */

const day = (SendDate: string, RequestCount: number, BounceCount = 0): Volume => ({ ...emptyVolume(SendDate), RequestCount, AcceptedCount: RequestCount, BounceCount, DeliveredCount: RequestCount - BounceCount });
const range = { StartDate: '2026-11-01' };

describe('warmupDomain: level, quota, plan against the actual volume', () => {
  const days = [day('2026-11-01', 0), day('2026-11-02', 500), day('2026-11-03', 700, 50), day('2026-11-04', 1200), day('2026-11-05', 400)];
  const plan = { startDate: '2026-11-02', startVolume: 500, dailyGrowthPercent: 20 };

  it('flags days over the plan (500, 600, 720, 864), over the quota and above 5 % bounces', () => {
    const section = warmupDomain({ IdentityName: 'a.example.com', IdentityType: 'DOMAIN', SendingEnabled: true, CurrentReputationLevel: 2, DailyQuota: 1000 }, days, plan, range);
    assert.deepEqual(section.days.map((d) => d.planned), [undefined, 500, 600, 720, 864]);
    assert.deepEqual(flaggedDays(section), { overPlan: ['2026-11-03', '2026-11-04'], overQuota: ['2026-11-04'], highBounce: ['2026-11-03'] });
    assert.deepEqual([section.level, section.quota, section.next], [2, 1000, { level: 3, quota: 2000 }]);
    // 500 × 1.2^n ≥ 2,000 first at n = 8 (2,149.9).
    assert.equal(section.reachesNext, '2026-11-10');
    assert.deepEqual(warmupChartData(section), { x: [0, 1, 2, 3, 4], sent: [0, 500, 700, 1200, 400], quota: [1000, 1000, 1000, 1000, 1000], planned: [null, 500, 600, 720, 864] });
  });

  it('without DailyQuota the ladder gives the level\'s quota; without a plan nothing is over the plan and a plan is suggested', () => {
    const section = warmupDomain({ IdentityName: 'b.example.com', IdentityType: 'DOMAIN', SendingEnabled: false, CurrentReputationLevel: 1 }, days, undefined, range);
    assert.equal(section.quota, 500);
    assert.equal(section.plan, undefined);
    assert.deepEqual(section.suggested, { startDate: '2026-11-02', startVolume: 500, dailyGrowthPercent: 20 });
    assert.deepEqual(flaggedDays(section).overPlan, []);
    assert.deepEqual(flaggedDays(section).overQuota, ['2026-11-03', '2026-11-04']);
    assert.equal(section.sendingEnabled, false);
  });

  it('an unknown level and no statistics: no quota, no flags, the error kept', () => {
    const section = warmupDomain({ IdentityName: 'c.example.com', IdentityType: 'DOMAIN', SendingEnabled: true, CurrentReputationLevel: 0 }, undefined, undefined, range, 'no statistics');
    assert.deepEqual([section.level, section.quota, section.next, section.days, section.error], [undefined, undefined, undefined, [], 'no statistics']);
    assert.deepEqual(section.suggested.startDate, '2026-11-01');
  });
});

describe('senderDomain', () => {
  it('takes the domain of an address or `Alias <address>`, lower-cased', () => {
    assert.equal(senderDomain('noreply@Mail.Example.com'), 'mail.example.com');
    assert.equal(senderDomain('Example Shop <hello@news.example.com>'), 'news.example.com');
    assert.equal(senderDomain('no address'), undefined);
    assert.equal(senderDomain('x@'), undefined);
  });
});

describe('warm-up messages from the webview', () => {
  it('accepts a valid plan for a domain and refuses anything else', () => {
    const plan = { startDate: '2026-11-02', startVolume: 500, dailyGrowthPercent: 20 };
    assert.equal(isFromHealthWebview({ type: 'setPlan', domain: 'a.example.com', plan }), true);
    assert.equal(isFromHealthWebview({ type: 'clearPlan', domain: 'a.example.com' }), true);
    assert.equal(isFromHealthWebview({ type: 'setPlan', domain: '', plan }), false);
    assert.equal(isFromHealthWebview({ type: 'setPlan', domain: 'a.example.com', plan: { ...plan, dailyGrowthPercent: 5000 } }), false);
    assert.equal(isFromHealthWebview({ type: 'setPlan', domain: 'a.example.com', plan: { ...plan, startDate: '2026-02-30' } }), false);
    assert.equal(isFromHealthWebview({ type: 'clearPlan', domain: 'x'.repeat(300) }), false);
  });
});

describe('WarmupPlans (globalState)', () => {
  function memento(initial?: unknown) {
    let value: unknown = initial;
    return { get: () => value, update: async (_key: string, next: unknown) => { value = next; }, keys: () => [], value: () => value };
  }

  it('keeps one plan per domain (case-insensitive), replaces and clears it, and ignores corrupt entries', async () => {
    const store = memento({ 'old.example.com': { startDate: 'soon', startVolume: 1 }, constructor: 5 });
    const plans = new WarmupPlans(store as never);
    assert.equal(plans.get('old.example.com'), undefined);
    assert.equal(plans.get('constructor'), undefined);
    await plans.set('A.example.com', { startDate: '2026-11-02', startVolume: 500.4, dailyGrowthPercent: 20 });
    assert.deepEqual(plans.get('a.example.com'), { startDate: '2026-11-02', startVolume: 500, dailyGrowthPercent: 20 });
    await plans.set('a.example.com', { startDate: '2026-11-03', startVolume: 100, dailyGrowthPercent: 10 });
    assert.deepEqual(store.value(), { 'a.example.com': { startDate: '2026-11-03', startVolume: 100, dailyGrowthPercent: 10 } });
    await plans.set('b.example.com', { startDate: '2026-11-03', startVolume: 0, dailyGrowthPercent: 10 });
    assert.equal(plans.get('b.example.com'), undefined, 'an invalid plan is not stored');
    await plans.clear('a.example.com');
    assert.deepEqual(store.value(), {});
  });
});
