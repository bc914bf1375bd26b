import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyVolume, fillDays } from '../../common/cloud/statistics';
import type { Volume } from '../../common/cloud/types';
import { chartData, csvFileName, defaultQuery, healthReport, rangeProblem, RATE_SERIES, VOLUME_SERIES } from '../../client/src/health/healthReport';
import { healthQuery, isFromHealthWebview, type HealthQuery } from '../../client/src/health/messages';
import { healthCsp, healthShellHtml } from '../../client/src/health/shell';

/** The Sending-health webview's numbers (report, rates, chart series), its messages and its page. */

const day = (SendDate: string, counts: Partial<Omit<Volume, 'SendDate'>>): Volume => ({ ...emptyVolume(SendDate), ...counts });
const query: HealthQuery = { StartDate: '2026-11-01', EndDate: '2026-11-03', Domain: '', ReceivingMailboxType: '' };

describe('health report', () => {
  const days = [
    day('2026-11-01', { RequestCount: 1000, AcceptedCount: 1000, DeliveredCount: 970, BounceCount: 30, OpenedCount: 200, ClickedCount: 40, UnsubscribeCount: 2 }),
    day('2026-11-02', { RequestCount: 1000, AcceptedCount: 1000, DeliveredCount: 880, BounceCount: 120, OpenedCount: 176, ClickedCount: 10, UnsubscribeCount: 0 }),
    emptyVolume('2026-11-03'),
  ];
  const report = healthReport(query, days);

  it('rates per day and of the totals: delivery and bounce of accepted, unsubscribes of delivered', () => {
    assert.equal(report.rates[0].delivery, 0.97);
    assert.equal(report.rates[0].bounce, 0.03);
    assert.equal(report.rates[0].unsubscribe, 2 / 970);
    assert.equal(report.rates[1].bounce, 0.12);
    assert.deepEqual(report.rates[2], { delivery: undefined, bounce: undefined, open: undefined, click: undefined, unsubscribe: undefined });
    assert.equal(report.total.RequestCount, 2000);
    assert.equal(report.total.BounceCount, 150);
    assert.equal(report.totalRates.bounce, 0.075, 'the total rate is of the summed counts, not the mean of the daily rates');
    assert.equal(report.totalRates.delivery, 1850 / 2000);
  });

  it('flags the days above Tencent\'s 5 % bounce rate, not the days at it', () => {
    assert.equal(report.maxBounceRate, 0.05);
    assert.deepEqual(report.highBounceDays, ['2026-11-02']);
    const atLimit = healthReport(query, [day('2026-11-01', { AcceptedCount: 100, BounceCount: 5 }), day('2026-11-02', { AcceptedCount: 100, BounceCount: 6 })]);
    assert.deepEqual(atLimit.highBounceDays, ['2026-11-02']);
  });

  it('chart series: one column per day, volumes as counts, rates as percentages with gaps for no traffic, and the 5 % line', () => {
    const data = chartData(report);
    assert.deepEqual(data.x, [0, 1, 2]);
    assert.equal(data.volumes.length, VOLUME_SERIES.length);
    assert.deepEqual(data.volumes[VOLUME_SERIES.indexOf('BounceCount')], [30, 120, 0]);
    assert.deepEqual(data.volumes[VOLUME_SERIES.indexOf('RequestCount')], [1000, 1000, 0]);
    assert.equal(data.rates.length, RATE_SERIES.length + 1);
    assert.deepEqual(data.rates[RATE_SERIES.indexOf('delivery')], [97, 88, null]);
    assert.deepEqual(data.rates[RATE_SERIES.indexOf('bounce')], [3, 12, null]);
    assert.deepEqual(data.rates[RATE_SERIES.indexOf('unsubscribe')], [0.21, 0, null]);
    assert.deepEqual(data.rates[RATE_SERIES.length], [5, 5, 5]);
  });

  it('the service\'s sparse answer becomes one row per day of the range', () => {
    const filled = fillDays([{ SendDate: '2026-11-02', RequestCount: 7, AcceptedCount: 7, DeliveredCount: 7 }], query.StartDate, query.EndDate);
    const sparse = healthReport(query, filled);
    assert.deepEqual(sparse.days.map((d) => [d.SendDate, d.RequestCount]), [['2026-11-01', 0], ['2026-11-02', 7], ['2026-11-03', 0]]);
    assert.equal(sparse.totalRates.delivery, 1);
  });
});

describe('health query', () => {
  it('defaults to the last 30 Beijing days', () => {
    assert.deepEqual(defaultQuery(new Date(Date.UTC(2026, 11, 5, 17)), 'mail.example.com'), { StartDate: '2026-11-07', EndDate: '2026-12-06', Domain: 'mail.example.com', ReceivingMailboxType: '' });
  });
  it('refuses impossible dates, a reversed range and more than a year', () => {
    assert.equal(rangeProblem(query), undefined);
    assert.equal(rangeProblem({ ...query, StartDate: '2026-02-30' }), 'date');
    assert.equal(rangeProblem({ ...query, EndDate: '' }), 'date');
    assert.equal(rangeProblem({ ...query, StartDate: '2026-11-04' }), 'order');
    assert.equal(rangeProblem({ ...query, StartDate: '2025-11-03' }), undefined, '366 days');
    assert.equal(rangeProblem({ ...query, StartDate: '2025-11-02' }), 'length');
  });
  it('CSV file names carry the range and the filters, nothing a file system minds', () => {
    assert.equal(csvFileName(query), 'ses-statistics_2026-11-01_2026-11-03.csv');
    assert.equal(csvFileName({ ...query, Domain: 'mail.example.com', ReceivingMailboxType: 'gmail.com' }), 'ses-statistics_2026-11-01_2026-11-03_mail.example.com_gmail.com.csv');
    assert.equal(csvFileName({ ...query, Domain: '../邮件/x' }), 'ses-statistics_2026-11-01_2026-11-03_..____x.csv');
  });
});

describe('health webview messages', () => {
  it('accepts the messages it knows, with a well-formed query', () => {
    assert.ok(isFromHealthWebview({ type: 'ready' }));
    assert.ok(isFromHealthWebview({ type: 'exportCsv' }));
    assert.ok(isFromHealthWebview({ type: 'query', query }));
    assert.deepEqual(healthQuery({ ...query, Domain: '  mail.example.com ' }), { ...query, Domain: 'mail.example.com' });
  });
  it('refuses anything else', () => {
    for (const bad of [null, 'ready', {}, { type: 'eval' }, { type: 'query' }, { type: 'query', query: { ...query, Domain: 5 } },
      { type: 'query', query: { StartDate: '2026-11-01', EndDate: '2026-11-03' } }, { type: 'query', query: { ...query, ReceivingMailboxType: 'x'.repeat(300) } }]) {
      assert.equal(isFromHealthWebview(bad), false, JSON.stringify(bad)?.slice(0, 80));
    }
  });
});

describe('health webview page', () => {
  it('runs only the nonce\'d script: no inline script or style, no eval', () => {
    const csp = healthCsp('https://webview.example', 'abc123');
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
    assert.match(csp, /default-src 'none'/);
    const html = healthShellHtml({ cspSource: 'https://webview.example', nonce: 'abc123', scriptUri: 'https://webview.example/health.js', styleUri: 'https://webview.example/health.css', lang: 'zh-cn', title: '发送健康状况 <x>' });
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, ['<script nonce="abc123" src="https://webview.example/health.js">']);
    assert.ok(html.includes('<title>发送健康状况 &lt;x&gt;</title>'));
    assert.doesNotMatch(html, /\sstyle=|<style/);
  });
});
