// The Sending-health view's numbers: the query checked, one answer turned into days, rates and totals,
// the series its charts draw, and the CSV file name. Pure: no vscode import (unit tests, and the
// webview bundle imports the chart series from here).
import { bounceTooHigh, datesBetween, isDate, lastDays, MAX_RECOMMENDED_BOUNCE_RATE, ratesOf, totalOf, type Rates } from '#common/cloud/statistics';
import type { Volume } from '#common/cloud/types';
import type { HealthQuery, HealthReport } from './messages';

/** The longest range the view asks for at once: a year (Tencent keeps no longer history either). */
export const MAX_RANGE_DAYS = 366;

/** The last 30 Beijing days, all domains and mailbox types. */
export function defaultQuery(now: Date, domain = ''): HealthQuery {
  return { ...lastDays(now, 30), Domain: domain, ReceivingMailboxType: '' };
}

/** Why a query cannot be asked (both dates real, start not after end, at most a year), or undefined when it can. */
export function rangeProblem(query: HealthQuery): 'date' | 'order' | 'length' | undefined {
  if (!isDate(query.StartDate) || !isDate(query.EndDate)) return 'date';
  if (query.StartDate > query.EndDate) return 'order';
  if (datesBetween(query.StartDate, query.EndDate).length > MAX_RANGE_DAYS) return 'length';
  return undefined;
}

/** The report of one answer; `days` is already one volume per day of the range (fetchStatistics fills it). */
export function healthReport(query: HealthQuery, days: readonly Volume[]): HealthReport {
  const total = totalOf(days);
  return {
    query,
    days,
    rates: days.map(ratesOf),
    total,
    totalRates: ratesOf(total),
    maxBounceRate: MAX_RECOMMENDED_BOUNCE_RATE,
    highBounceDays: days.filter(bounceTooHigh).map((day) => day.SendDate),
  };
}

/** A rate as a percentage for a chart, null where there is no rate (uPlot leaves a gap). */
function asPercent(rate: number | undefined): number | null {
  return rate === undefined ? null : Math.round(rate * 10_000) / 100;
}

export type RateKey = keyof Rates;
export const VOLUME_SERIES = ['RequestCount', 'AcceptedCount', 'DeliveredCount', 'BounceCount', 'OpenedCount', 'ClickedCount', 'UnsubscribeCount'] as const;
export const RATE_SERIES: readonly RateKey[] = ['delivery', 'bounce', 'unsubscribe'];

/**
 * The columns uPlot draws: x is the day's index (the axis labels it with the date), then one array per
 * series. Rates are percentages; the last rate series is the 5 % bounce line.
 */
export function chartData(report: HealthReport): { x: number[]; volumes: number[][]; rates: Array<Array<number | null>> } {
  const x = report.days.map((_, i) => i);
  const volumes = VOLUME_SERIES.map((field) => report.days.map((day) => day[field]));
  const rates = [
    ...RATE_SERIES.map((key) => report.rates.map((rate) => asPercent(rate[key]))),
    report.days.map(() => report.maxBounceRate * 100),
  ];
  return { x, volumes, rates };
}

/** `ses-statistics_2026-11-06_2026-12-05[_mail.example.com][_gmail.com].csv`, with nothing a file system minds. */
export function csvFileName(query: HealthQuery): string {
  const parts = ['ses-statistics', query.StartDate, query.EndDate, query.Domain, query.ReceivingMailboxType].filter((part) => part !== '');
  return `${parts.map((part) => part.replace(/[^A-Za-z0-9._-]/g, '_')).join('_')}.csv`;
}
