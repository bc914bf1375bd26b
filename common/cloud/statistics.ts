// Sending statistics (GetStatisticsReport) for the Sending-health view: Beijing-day ranges, the
// answer filled to one entry per day, totals, rates and CSV. No `vscode` import: unit and API tests
// run it in plain node.
import type { SesClient } from './sesClient';
import type { ApiFailure, Volume } from './types';

const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export const COUNT_FIELDS = ['RequestCount', 'AcceptedCount', 'DeliveredCount', 'OpenedCount', 'ClickedCount', 'BounceCount', 'UnsubscribeCount'] as const;
export type CountField = typeof COUNT_FIELDS[number];
/** Tencent recommends keeping the bounce rate at or below 5 % (reference §8.4, docs-intl 1084/42369). */
export const MAX_RECOMMENDED_BOUNCE_RATE = 0.05;

/** Today's date in Beijing (UTC+8), the day in which Tencent counts quotas and statistics. */
export function beijingToday(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` + days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isDate(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === text;
}

/** Every date from `start` to `end` inclusive; empty when start > end. At most 400 days. */
export function datesBetween(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let day = start; day <= end && dates.length < 400; day = addDays(day, 1)) dates.push(day);
  return dates;
}

/** The last `days` Beijing days ending today. */
export function lastDays(now: Date, days: number): { StartDate: string; EndDate: string } {
  const end = beijingToday(now);
  return { StartDate: addDays(end, -(Math.max(1, Math.floor(days)) - 1)), EndDate: end };
}

export function emptyVolume(sendDate: string): Volume {
  return { SendDate: sendDate, RequestCount: 0, AcceptedCount: 0, DeliveredCount: 0, OpenedCount: 0, ClickedCount: 0, BounceCount: 0, UnsubscribeCount: 0 };
}

/** A count as a non-negative finite number (a missing count is 0). */
function countOf(volume: Partial<Volume>, field: CountField): number {
  const value = volume[field];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * One volume per date of the range, oldest first: days the service left out are zero (Tencent lists
 * only days with traffic), entries outside the range or repeated are merged by date.
 */
export function fillDays(daily: readonly Partial<Volume>[], start: string, end: string): Volume[] {
  const byDate = new Map(datesBetween(start, end).map((date) => [date, emptyVolume(date)]));
  for (const entry of daily) {
    const target = typeof entry.SendDate === 'string' ? byDate.get(entry.SendDate) : undefined;
    if (!target) continue;
    for (const field of COUNT_FIELDS) target[field] += countOf(entry, field);
  }
  return [...byDate.values()];
}

export function totalOf(days: readonly Volume[]): Volume {
  const total = emptyVolume('');
  for (const day of days) for (const field of COUNT_FIELDS) total[field] += countOf(day, field);
  return total;
}

export interface Rates {
  /** Delivered of accepted. */
  readonly delivery?: number;
  /** Bounced of accepted: the rate Tencent asks to keep at or below 5 %. */
  readonly bounce?: number;
  /** Unique opens of delivered. */
  readonly open?: number;
  /** Clicks of delivered. */
  readonly click?: number;
  /** Unsubscribed of delivered (GetStatisticsReport has no complaint count). */
  readonly unsubscribe?: number;
}

/** A share, undefined when nothing was there to divide (0 of 0 is no rate, not 0 %). */
function share(part: number, whole: number): number | undefined {
  return whole > 0 ? Math.min(1, part / whole) : undefined;
}

export function ratesOf(volume: Volume): Rates {
  const accepted = countOf(volume, 'AcceptedCount');
  const delivered = countOf(volume, 'DeliveredCount');
  return {
    delivery: share(delivered, accepted),
    bounce: share(countOf(volume, 'BounceCount'), accepted),
    open: share(countOf(volume, 'OpenedCount'), delivered),
    click: share(countOf(volume, 'ClickedCount'), delivered),
    unsubscribe: share(countOf(volume, 'UnsubscribeCount'), delivered),
  };
}

export function bounceTooHigh(volume: Volume): boolean {
  const bounce = ratesOf(volume).bounce;
  return bounce !== undefined && bounce > MAX_RECOMMENDED_BOUNCE_RATE;
}

/** `12.3 %`-style text with one decimal, or '–' when there is no rate. */
export function percent(rate: number | undefined): string {
  return rate === undefined ? '–' : `${(rate * 100).toFixed(1)} %`;
}

function csvCell(value: string | number): string {
  const text = String(value);
  // A leading = + - @ makes spreadsheets run the cell as a formula (CSV injection): quote it with a '.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The daily volumes and rates as CSV (RFC 4180, CRLF), the header in the API's field names. */
export function statisticsCsv(days: readonly Volume[]): string {
  const header = ['SendDate', ...COUNT_FIELDS, 'DeliveryRate', 'BounceRate', 'OpenRate', 'ClickRate', 'UnsubscribeRate'];
  const rate = (value: number | undefined) => (value === undefined ? '' : value.toFixed(4));
  const lines = [header.join(',')];
  for (const day of [...days, { ...totalOf(days), SendDate: 'Total' }]) {
    const rates = ratesOf(day);
    lines.push([csvCell(day.SendDate), ...COUNT_FIELDS.map((f) => countOf(day, f)), rate(rates.delivery), rate(rates.bounce), rate(rates.open), rate(rates.click), rate(rates.unsubscribe)].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface StatisticsQuery {
  readonly StartDate: string;
  readonly EndDate: string;
  readonly Domain?: string;
  readonly ReceivingMailboxType?: string;
}

/** GetStatisticsReport for a range, filled to one entry per day. */
export async function fetchStatistics(client: SesClient, query: StatisticsQuery, signal?: AbortSignal): Promise<{ ok: true; days: Volume[]; requestId: string } | { ok: false; failure: ApiFailure }> {
  const result = await client.call('GetStatisticsReport', {
    StartDate: query.StartDate, EndDate: query.EndDate,
    ...(query.Domain ? { Domain: query.Domain } : {}),
    ...(query.ReceivingMailboxType ? { ReceivingMailboxType: query.ReceivingMailboxType } : {}),
  }, signal);
  if (!result.ok) return { ok: false, failure: result };
  return { ok: true, days: fillDays(result.data.DailyVolumes, query.StartDate, query.EndDate), requestId: result.requestId };
}
