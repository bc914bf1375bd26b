import { beijingDate, isCalendarDate, resolveSeedTime } from './beijingTime';
import type { EmulatorStatisticsRow, SeedStatisticsRow, SeedStatisticsSeries } from './types';

/**
 * The sending statistics GetStatisticsReport answers from: one row per Beijing day, sender domain and
 * receiving mailbox type. Seeds give rows explicitly or as generated series (a domain warming up, a
 * bounce spike); the numbers of a series depend only on the seed and the start-up day.
 */

const DAY_SECONDS = 86_400;
const DEFAULT_MAILBOX_TYPES: Record<string, number> = { 'qq.com': 0.5, '163.com': 0.25, 'gmail.com': 0.15, 'outlook.com': 0.1 };
const COUNT_FIELDS = ['RequestCount', 'AcceptedCount', 'DeliveredCount', 'OpenedCount', 'ClickedCount', 'BounceCount', 'UnsubscribeCount'] as const;
export type CountField = typeof COUNT_FIELDS[number];
export { COUNT_FIELDS };

function count(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new Error(`seed ${where}: expected a non-negative integer`);
  return value;
}

function rate(value: unknown, fallback: number, where: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new Error(`seed ${where}: expected a rate between 0 and 1`);
  return value;
}

/** A seed day: `YYYY-MM-DD`, or any seed time (`"-3d"`, `"now"`) taken as its Beijing day. */
function seedDay(value: unknown, nowSeconds: number, where: string): string {
  if (isCalendarDate(value)) return value;
  const seconds = resolveSeedTime(value, nowSeconds);
  if (seconds === undefined) throw new Error(`seed ${where}: unreadable SendDate ${JSON.stringify(value)}`);
  return beijingDate(seconds);
}

export function rowsFromSeed(rows: SeedStatisticsRow[], nowSeconds: number): EmulatorStatisticsRow[] {
  return rows.map((row, i) => {
    const where = `statistics[${i}]`;
    if (typeof row.Domain !== 'string' || row.Domain === '') throw new Error(`seed ${where}.Domain: expected a non-empty string`);
    const requests = count(row.RequestCount, `${where}.RequestCount`);
    const accepted = row.AcceptedCount === undefined ? requests : count(row.AcceptedCount, `${where}.AcceptedCount`);
    const bounced = row.BounceCount === undefined ? 0 : count(row.BounceCount, `${where}.BounceCount`);
    const delivered = row.DeliveredCount === undefined ? Math.max(0, accepted - bounced) : count(row.DeliveredCount, `${where}.DeliveredCount`);
    return {
      SendDate: seedDay(row.SendDate, nowSeconds, `${where}.SendDate`),
      Domain: row.Domain.toLowerCase(),
      ReceivingMailboxType: row.ReceivingMailboxType ?? 'other',
      RequestCount: requests,
      AcceptedCount: accepted,
      DeliveredCount: delivered,
      OpenedCount: row.OpenedCount === undefined ? 0 : count(row.OpenedCount, `${where}.OpenedCount`),
      ClickedCount: row.ClickedCount === undefined ? 0 : count(row.ClickedCount, `${where}.ClickedCount`),
      BounceCount: bounced,
      UnsubscribeCount: row.UnsubscribeCount === undefined ? 0 : count(row.UnsubscribeCount, `${where}.UnsubscribeCount`),
    };
  });
}

/** A fixed wobble in [-1, 1] per (domain, day): real traffic is not a smooth curve, tests need the same numbers every run. */
function wobble(domain: string, daysAgo: number): number {
  let hash = 2166136261;
  for (const ch of `${domain}#${daysAgo}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return (hash % 2001) / 1000 - 1;
}

/** Splits `total` by `shares` so that the parts are integers summing exactly to `total` (largest remainder). */
export function splitByShare(total: number, shares: ReadonlyArray<readonly [string, number]>): Map<string, number> {
  const sum = shares.reduce((acc, [, share]) => acc + share, 0);
  const exact = shares.map(([key, share]) => [key, sum > 0 ? (total * share) / sum : 0] as const);
  const parts = new Map(exact.map(([key, value]) => [key, Math.floor(value)]));
  let left = total - [...parts.values()].reduce((a, b) => a + b, 0);
  for (const [key] of [...exact].sort((a, b) => (b[1] - Math.floor(b[1])) - (a[1] - Math.floor(a[1])))) {
    if (left <= 0) break;
    parts.set(key, (parts.get(key) ?? 0) + 1);
    left--;
  }
  return parts;
}

export function rowsFromSeries(series: SeedStatisticsSeries[], nowSeconds: number): EmulatorStatisticsRow[] {
  const rows: EmulatorStatisticsRow[] = [];
  series.forEach((entry, i) => {
    const where = `statisticsSeries[${i}]`;
    if (typeof entry?.Domain !== 'string' || entry.Domain === '') throw new Error(`seed ${where}.Domain: expected a non-empty string`);
    const domain = entry.Domain.toLowerCase();
    const days = entry.days ?? 30;
    if (!Number.isInteger(days) || days < 1 || days > 400) throw new Error(`seed ${where}.days: expected 1-400`);
    const start = count(entry.startVolume, `${where}.startVolume`);
    const growth = entry.dailyGrowth ?? 0;
    if (typeof growth !== 'number' || !(growth >= 0 && growth <= 10)) throw new Error(`seed ${where}.dailyGrowth: expected 0-10`);
    const cap = entry.capVolume === undefined ? Infinity : count(entry.capVolume, `${where}.capVolume`);
    const todayShare = rate(entry.todayShare, 0.5, `${where}.todayShare`);
    const rejectRate = rate(entry.rejectRate, 0.002, `${where}.rejectRate`);
    const bounceRate = rate(entry.bounceRate, 0.012, `${where}.bounceRate`);
    const openRate = rate(entry.openRate, 0.22, `${where}.openRate`);
    const clickRate = rate(entry.clickRate, 0.15, `${where}.clickRate`);
    const unsubscribeRate = rate(entry.unsubscribeRate, 0.002, `${where}.unsubscribeRate`);
    const spikes = new Map((entry.spikes ?? []).map((spike, j) => [count(spike?.daysAgo, `${where}.spikes[${j}].daysAgo`), rate(spike.bounceRate, 0, `${where}.spikes[${j}].bounceRate`)]));
    const types = Object.entries(entry.mailboxTypes ?? DEFAULT_MAILBOX_TYPES);
    if (types.length === 0 || types.some(([, share]) => typeof share !== 'number' || !(share >= 0))) throw new Error(`seed ${where}.mailboxTypes: expected shares >= 0`);

    for (let daysAgo = days - 1; daysAgo >= 0; daysAgo--) {
      const day = days - 1 - daysAgo;
      const planned = Math.min(cap, start * (1 + growth) ** day);
      const full = Math.max(0, Math.round(planned * (1 + 0.06 * wobble(domain, daysAgo))));
      const requests = daysAgo === 0 ? Math.round(full * todayShare) : full;
      const dayRows = {
        RequestCount: splitByShare(requests, types),
      };
      const sendDate = beijingDate(nowSeconds - daysAgo * DAY_SECONDS);
      const dayBounce = spikes.get(daysAgo) ?? bounceRate;
      for (const [type] of types) {
        const req = dayRows.RequestCount.get(type) ?? 0;
        const accepted = req - Math.round(req * rejectRate);
        const bounced = Math.round(accepted * dayBounce);
        const delivered = accepted - bounced;
        const opened = Math.round(delivered * openRate);
        rows.push({
          SendDate: sendDate, Domain: domain, ReceivingMailboxType: type,
          RequestCount: req, AcceptedCount: accepted, DeliveredCount: delivered, OpenedCount: opened,
          ClickedCount: Math.round(opened * clickRate), BounceCount: bounced, UnsubscribeCount: Math.round(delivered * unsubscribeRate),
        });
      }
    }
  });
  return rows;
}

/** Adds to today's row of a domain (a SendEmail the emulator accepted), creating it. */
export function recordSend(rows: EmulatorStatisticsRow[], domain: string, mailboxType: string, sendDate: string, recipients: number, delivered: number): void {
  let row = rows.find((r) => r.SendDate === sendDate && r.Domain === domain && r.ReceivingMailboxType === mailboxType);
  if (!row) {
    row = { SendDate: sendDate, Domain: domain, ReceivingMailboxType: mailboxType, RequestCount: 0, AcceptedCount: 0, DeliveredCount: 0, OpenedCount: 0, ClickedCount: 0, BounceCount: 0, UnsubscribeCount: 0 };
    rows.push(row);
  }
  row.RequestCount += recipients;
  row.AcceptedCount += recipients;
  row.DeliveredCount += delivered;
}
