import type { SesClient } from './sesClient';
import type { ApiResult, BlackEmailAddress } from './types';

/**
 * Helpers of "SES: Check Blocklist". The product FAQ's rule (reference §9.8): an address that hard
 * bounced stays on Tencent's blocklist for 14 days unless removed with DeleteBlackList. BounceTime
 * and the date filters are Beijing time (UTC+8) on the real service, so the window is computed there.
 */

export const BLOCKLIST_DAYS = 14;
const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
/** ListBlackEmailAddress accepts at most 100 per page (FailedOperation.InvalidLimit above). */
const PAGE_SIZE = 100;
/** A garbage TotalCount must not make us page forever. */
const MAX_PAGES = 20;

export interface BlocklistStatus {
  readonly address: string;
  readonly blocked: boolean;
  /** Latest bounce, `YYYY-MM-DD hh:mm:ss` as the API gives it (Beijing time). */
  readonly bounceTime?: string;
  /** The receiving server's bounce text (IspDesc). */
  readonly reason?: string;
  /** bounceTime + 14 days, same format. */
  readonly blockedUntil?: string;
}

function beijingDate(epochMs: number): string {
  return new Date(epochMs + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The ListBlackEmailAddress date filter covering the last `days` days up to today (Beijing dates, inclusive). */
export function blocklistWindow(now: Date, days: number = BLOCKLIST_DAYS): { StartDate: string; EndDate: string } {
  const span = Number.isFinite(days) && days >= 0 ? Math.floor(days) : BLOCKLIST_DAYS;
  return { StartDate: beijingDate(now.getTime() - span * DAY_MS), EndDate: beijingDate(now.getTime()) };
}

/** `YYYY-MM-DD hh:mm:ss` + days, wall-clock arithmetic; undefined when the text is not in that format. */
export function addDaysToBounceTime(bounceTime: string, days: number): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(bounceTime.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const time = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(time)) return undefined;
  return new Date(time + days * DAY_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * One ListBlackEmailAddress per address (EmailAddress filter), paging when the answer is longer
 * than a page. Stops at the first failure and returns it: a partial answer would tell the user an
 * address is not blocked when we simply did not ask.
 */
export async function lookupBlocklist(
  client: SesClient,
  addresses: string[],
  options: { days?: number; now?: Date } = {},
): Promise<ApiResult<BlocklistStatus[]>> {
  const now = options.now ?? new Date();
  const days = options.days ?? BLOCKLIST_DAYS;
  const window = blocklistWindow(now, days);
  const nowBeijing = new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
  const statuses: BlocklistStatus[] = [];
  let attempts = 0;
  let requestId = '';
  for (const raw of addresses) {
    const address = raw.trim();
    if (!address) continue;
    const entries: BlackEmailAddress[] = [];
    for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
      const result = await client.listBlackEmailAddress({ ...window, Limit: PAGE_SIZE, Offset: offset, EmailAddress: address });
      attempts += result.attempts;
      if (!result.ok) return { ...result, attempts };
      requestId = result.requestId;
      const { BlackList, TotalCount } = result.data;
      entries.push(...BlackList);
      offset += BlackList.length;
      if (BlackList.length === 0 || offset >= TotalCount) break;
    }
    // The filter may match loosely; only the exact address (case-insensitive, as mailbox providers treat it) counts.
    const mine = entries.filter((entry) => entry.EmailAddress.trim().toLowerCase() === address.toLowerCase());
    const latest = mine.reduce<BlackEmailAddress | undefined>(
      (best, entry) => (!best || String(entry.BounceTime) > String(best.BounceTime) ? entry : best), undefined);
    if (!latest) {
      statuses.push({ address, blocked: false });
      continue;
    }
    const bounceTime = typeof latest.BounceTime === 'string' ? latest.BounceTime : undefined;
    const blockedUntil = bounceTime ? addDaysToBounceTime(bounceTime, BLOCKLIST_DAYS) : undefined;
    statuses.push({
      address,
      // Listed but with an unreadable time: say blocked, the safe answer before sending.
      blocked: blockedUntil === undefined || blockedUntil > nowBeijing,
      bounceTime,
      reason: typeof latest.IspDesc === 'string' && latest.IspDesc !== '' ? latest.IspDesc : undefined,
      blockedUntil,
    });
  }
  return { ok: true, action: 'ListBlackEmailAddress', data: statuses, requestId, attempts };
}
