import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays, beijingToday, bounceTooHigh, datesBetween, emptyVolume, fillDays, isDate, lastDays, percent, ratesOf, statisticsCsv, totalOf,
} from '../../common/cloud/statistics';
import type { Volume } from '../../common/cloud/types';
import {
  dayPlanReaches, defaultPlan, nextLevel, plannedVolume, quotaCheck, quotaForLevel, REPUTATION_LADDER, validPlan, warmupDays,
} from '../../common/cloud/warmup';

/** The arithmetic of the Sending-health view: Beijing days, rates, CSV, the reputation ladder and the warm-up plan. */

const day = (SendDate: string, counts: Partial<Omit<Volume, 'SendDate'>>): Volume => ({ ...emptyVolume(SendDate), ...counts });

describe('Beijing days', () => {
  it('today in Beijing is the UTC date until 16:00 UTC, the next day after', () => {
    assert.equal(beijingToday(new Date(Date.UTC(2026, 11, 31, 15, 59, 59))), '2026-12-31');
    assert.equal(beijingToday(new Date(Date.UTC(2026, 11, 31, 16, 0, 0))), '2027-01-01');
  });
  it('adds days across months, leap days and years; lists ranges inclusively', () => {
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2027-02-28', 1), '2027-03-01');
    assert.equal(addDays('2027-01-01', -1), '2026-12-31');
    assert.deepEqual(datesBetween('2026-11-29', '2026-12-02'), ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    assert.deepEqual(datesBetween('2026-12-02', '2026-11-29'), []);
    assert.deepEqual(lastDays(new Date(Date.UTC(2026, 10, 28, 3)), 30), { StartDate: '2026-10-30', EndDate: '2026-11-28' });
  });
  it('isDate accepts only real calendar dates', () => {
    assert.ok(isDate('2028-02-29'));
    for (const bad of ['2027-02-29', '2026-13-01', '2026-1-01', '2026/01/01', '', 20260101, null]) assert.ok(!isDate(bad), String(bad));
  });
});

describe('rates', () => {
  it('delivery and bounce of accepted; opens, clicks and unsubscribes of delivered', () => {
    const rates = ratesOf(day('d', { RequestCount: 1000, AcceptedCount: 990, DeliveredCount: 940, BounceCount: 50, OpenedCount: 235, ClickedCount: 47, UnsubscribeCount: 2 }));
    assert.equal(rates.delivery, 940 / 990);
    assert.equal(rates.bounce, 50 / 990);
    assert.equal(rates.open, 0.25);
    assert.equal(rates.click, 0.05);
    assert.equal(rates.unsubscribe, 2 / 940);
  });
  it('no traffic is no rate (not 0 %), shown as –; garbage counts count as 0; a rate never passes 100 %', () => {
    assert.deepEqual(ratesOf(emptyVolume('d')), { delivery: undefined, bounce: undefined, open: undefined, click: undefined, unsubscribe: undefined });
    assert.equal(percent(undefined), '–');
    assert.equal(percent(0.0505), '5.1 %');
    const garbage = { ...emptyVolume('d'), AcceptedCount: 10, BounceCount: Number.NaN, DeliveredCount: -3 } as Volume;
    assert.equal(ratesOf(garbage).bounce, 0);
    assert.equal(ratesOf(garbage).delivery, 0);
    assert.equal(ratesOf(day('d', { AcceptedCount: 10, BounceCount: 30 })).bounce, 1);
  });
  it('the 5 % bounce line: exactly 5 % is fine, above is not', () => {
    assert.equal(bounceTooHigh(day('d', { AcceptedCount: 100, BounceCount: 5 })), false);
    assert.equal(bounceTooHigh(day('d', { AcceptedCount: 100, BounceCount: 6 })), true);
    assert.equal(bounceTooHigh(emptyVolume('d')), false);
  });
  it('fillDays gives one entry per day, merges repeats, drops days outside the range; totalOf sums', () => {
    const days = fillDays([
      { SendDate: '2026-11-02', RequestCount: 5 }, { SendDate: '2026-11-02', RequestCount: 2, BounceCount: 1 }, { SendDate: '2026-12-01', RequestCount: 99 },
    ], '2026-11-01', '2026-11-03');
    assert.deepEqual(days.map((d) => [d.SendDate, d.RequestCount, d.BounceCount]), [['2026-11-01', 0, 0], ['2026-11-02', 7, 1], ['2026-11-03', 0, 0]]);
    assert.equal(totalOf(days).RequestCount, 7);
  });
});

describe('CSV export', () => {
  it('one line per day and a total, rates as fractions, CRLF; empty rates stay empty', () => {
    const csv = statisticsCsv([day('2026-11-01', { RequestCount: 100, AcceptedCount: 100, DeliveredCount: 94, BounceCount: 6, OpenedCount: 47 }), emptyVolume('2026-11-02')]);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'SendDate,RequestCount,AcceptedCount,DeliveredCount,OpenedCount,ClickedCount,BounceCount,UnsubscribeCount,DeliveryRate,BounceRate,OpenRate,ClickRate,UnsubscribeRate');
    assert.equal(lines[1], '2026-11-01,100,100,94,47,0,6,0,0.9400,0.0600,0.5000,0.0000,0.0000');
    assert.equal(lines[2], '2026-11-02,0,0,0,0,0,0,0,,,,,');
    assert.equal(lines[3], 'Total,100,100,94,47,0,6,0,0.9400,0.0600,0.5000,0.0000,0.0000');
    assert.equal(lines[4], '');
  });
  it('a date cell that a spreadsheet would run as a formula is defused', () => {
    const csv = statisticsCsv([day('=HYPERLINK("x")', { RequestCount: 1 })]);
    assert.match(csv.split('\r\n')[1], /^"'=HYPERLINK\(""x""\)",1,/);
  });
});

describe('reputation ladder (reference §8.4)', () => {
  it('500 at level 1 to 1,000,000 at level 20, growing at every step', () => {
    assert.equal(REPUTATION_LADDER.length, 20);
    assert.equal(quotaForLevel(1), 500);
    assert.equal(quotaForLevel(5), 10_000);
    assert.equal(quotaForLevel(11), 150_000);
    assert.equal(quotaForLevel(20), 1_000_000);
    assert.ok(REPUTATION_LADDER.every((q, i) => i === 0 || q > REPUTATION_LADDER[i - 1]));
    for (const bad of [0, 21, 1.5, '5', undefined]) assert.equal(quotaForLevel(bad), undefined, String(bad));
    assert.deepEqual(nextLevel(5), { level: 6, quota: 20_000 });
    assert.equal(nextLevel(20), undefined);
  });
});

describe('warm-up plan', () => {
  const plan = { startDate: '2026-11-01', startVolume: 500, dailyGrowthPercent: 20 };
  it('start volume on the first day, +20 % compounded each day, rounded down, nothing before the start', () => {
    assert.equal(plannedVolume(plan, '2026-10-31'), undefined);
    assert.equal(plannedVolume(plan, '2026-11-01'), 500);
    assert.equal(plannedVolume(plan, '2026-11-02'), 600);
    assert.equal(plannedVolume(plan, '2026-11-03'), 720);
    assert.equal(plannedVolume(plan, '2026-11-11'), Math.floor(500 * 1.2 ** 10)); // 3095
    assert.equal(plannedVolume(plan, '2026-12-01', 10_000), 10_000, 'capped at the quota');
    assert.equal(plannedVolume({ ...plan, dailyGrowthPercent: 0 }, '2026-12-01'), 500);
  });
  it('the day the plan reaches a level\'s quota', () => {
    assert.equal(dayPlanReaches(plan, 10_000), '2026-11-18'); // 500 × 1.2^17 ≈ 11,093; 1.2^16 ≈ 9,244
    assert.equal(dayPlanReaches({ ...plan, dailyGrowthPercent: 0 }, 10_000), undefined);
  });
  it('validPlan refuses impossible dates, non-numbers and absurd numbers', () => {
    assert.deepEqual(validPlan(plan), plan);
    assert.equal(validPlan({ ...plan, startDate: '2026-02-30' }), undefined);
    assert.equal(validPlan({ ...plan, startVolume: 0 }), undefined);
    assert.equal(validPlan({ ...plan, startVolume: '500' }), undefined);
    assert.equal(validPlan({ ...plan, dailyGrowthPercent: 1000 }), undefined);
    assert.equal(validPlan({ ...plan, dailyGrowthPercent: Number.NaN }), undefined);
    assert.equal(validPlan(null), undefined);
  });
  it('defaultPlan starts at the level-1 limit on the first day with traffic', () => {
    assert.deepEqual(defaultPlan([emptyVolume('2026-11-01'), day('2026-11-02', { RequestCount: 3 })], '2026-10-01'), { startDate: '2026-11-02', startVolume: 500, dailyGrowthPercent: 20 });
    assert.equal(defaultPlan([emptyVolume('2026-11-01')], '2026-10-01').startDate, '2026-10-01');
  });
  it('highlights days over the plan, over the quota and above 5 % bounces', () => {
    const days = warmupDays([
      day('2026-11-01', { RequestCount: 400, AcceptedCount: 400, BounceCount: 4 }),
      day('2026-11-02', { RequestCount: 700, AcceptedCount: 700, BounceCount: 7 }),
      day('2026-11-03', { RequestCount: 1200, AcceptedCount: 1000, BounceCount: 60 }),
      emptyVolume('2026-11-04'),
    ], plan, 1000);
    assert.deepEqual(days.map((d) => [d.date, d.planned, d.overPlan, d.overQuota, d.highBounce]), [
      ['2026-11-01', 500, false, false, false],
      ['2026-11-02', 600, true, false, false],
      ['2026-11-03', 720, true, true, true],
      ['2026-11-04', 864, false, false, false],
    ]);
    assert.equal(days[3].bounceRate, undefined);
    assert.equal(warmupDays([day('2026-11-01', { RequestCount: 5 })], undefined, undefined)[0].overPlan, false);
  });
});

describe('quota check before a test send', () => {
  it('remaining is quota minus today; sending more than remaining exceeds', () => {
    assert.deepEqual(quotaCheck(500, 498, 2), { quota: 500, sentToday: 498, remaining: 2, exceeds: false });
    assert.equal(quotaCheck(500, 498, 3).exceeds, true);
    assert.deepEqual(quotaCheck(500, 700, 1), { quota: 500, sentToday: 700, remaining: 0, exceeds: true });
  });
});
