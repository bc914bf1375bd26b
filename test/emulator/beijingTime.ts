/**
 * The real service prints dates in Beijing time (UTC+8, no daylight saving): BounceTime, the date
 * inside MessageIds, and the day that StartDate/EndDate/RequestDate select. The emulator does the same
 * so that a client which assumes UTC shows the off-by-one-day bug near midnight.
 */

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

function beijingIso(unixSeconds: number): string {
  return new Date(unixSeconds * 1000 + BEIJING_OFFSET_MS).toISOString();
}

/** `YYYY-MM-DD` */
export function beijingDate(unixSeconds: number): string {
  return beijingIso(unixSeconds).slice(0, 10);
}

/** `YYYY-MM-DD hh:mm:ss` */
export function beijingDateTime(unixSeconds: number): string {
  const iso = beijingIso(unixSeconds);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** `yyyymmddhhmmss`, as inside a MessageId. */
export function beijingCompact(unixSeconds: number): string {
  return beijingDateTime(unixSeconds).replace(/[- :]/g, '');
}

/** Parses `YYYY-MM-DD hh:mm:ss` (Beijing) to unix seconds; undefined when malformed. */
export function parseBeijingDateTime(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(ms) || beijingDateTime((ms - BEIJING_OFFSET_MS) / 1000) !== text) return undefined;
  return (ms - BEIJING_OFFSET_MS) / 1000;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return parseBeijingDateTime(`${text} 00:00:00`) !== undefined;
}

const UNIT_SECONDS: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };

/**
 * A seed time to unix seconds: a number is already unix seconds; `"now"`; `"-2d"`/`"+3h"`/`"-30m"`/`"-45s"`
 * relative to `nowSeconds`; or `YYYY-MM-DD hh:mm:ss` Beijing time. Undefined when unreadable.
 */
export function resolveSeedTime(value: unknown, nowSeconds: number): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === 'now') return nowSeconds;
  const offset = /^([+-])(\d+(?:\.\d+)?)([dhms])$/.exec(text);
  if (offset) return Math.floor(nowSeconds + (offset[1] === '-' ? -1 : 1) * Number(offset[2]) * UNIT_SECONDS[offset[3]]);
  return parseBeijingDateTime(text);
}
