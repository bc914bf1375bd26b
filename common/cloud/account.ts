// Paged reads behind the SES view's Senders and Blocklist trees. No `vscode` import.
import { blocklistWindow, BLOCKLIST_DAYS } from './blocklist';
import type { SesClient } from './sesClient';
import type { ApiFailure, BlackEmailAddress, EmailIdentity } from './types';

const PAGE_SIZE = 100;
/** Ten domains per account is Tencent's limit (reference §8.1); 20 pages is far past any account. */
const MAX_IDENTITY_PAGES = 20;

/** Every sender domain, paging ListEmailIdentities; the first failure ends it. */
export async function listAllIdentities(client: SesClient, signal?: AbortSignal): Promise<{ ok: true; identities: EmailIdentity[] } | { ok: false; failure: ApiFailure }> {
  const identities: EmailIdentity[] = [];
  for (let page = 0; page < MAX_IDENTITY_PAGES; page++) {
    const result = await client.call('ListEmailIdentities', { Limit: PAGE_SIZE, Offset: page * PAGE_SIZE }, signal);
    if (!result.ok) return { ok: false, failure: result };
    const batch = result.data.EmailIdentities;
    identities.push(...batch);
    const total = typeof result.data.Total === 'number' ? result.data.Total : identities.length;
    if (batch.length < PAGE_SIZE || identities.length >= total) break;
  }
  return { ok: true, identities };
}

export interface RecentBlocklist {
  readonly entries: BlackEmailAddress[];
  /** TotalCount of the service: more than `entries` when the listing stopped at `maxEntries`. */
  readonly total: number;
  readonly window: { StartDate: string; EndDate: string };
}

/**
 * The blocklist entries of the last `days` days (Beijing dates), newest first as the service gives
 * them, paging ListBlackEmailAddress up to `maxEntries`; `search` narrows to one address (the API's
 * EmailAddress filter) when it is a whole address, otherwise filters the listed entries by substring.
 */
export async function listRecentBlocklist(
  client: SesClient,
  options: { days?: number; now?: Date; search?: string; maxEntries?: number } = {},
  signal?: AbortSignal,
): Promise<{ ok: true; list: RecentBlocklist } | { ok: false; failure: ApiFailure }> {
  const window = blocklistWindow(options.now ?? new Date(), options.days ?? BLOCKLIST_DAYS);
  const maxEntries = options.maxEntries ?? 1_000;
  const search = options.search?.trim().toLowerCase() ?? '';
  const exact = search.includes('@') && !search.includes(' ') && search.indexOf('@') > 0 && search.indexOf('@') < search.length - 1;
  const entries: BlackEmailAddress[] = [];
  let total = 0;
  for (let offset = 0; offset < maxEntries;) {
    const result = await client.call('ListBlackEmailAddress', {
      ...window, Limit: Math.min(PAGE_SIZE, maxEntries - offset), Offset: offset, ...(exact ? { EmailAddress: search } : {}),
    }, signal);
    if (!result.ok) return { ok: false, failure: result };
    total = result.data.TotalCount;
    entries.push(...result.data.BlackList);
    offset += result.data.BlackList.length;
    if (result.data.BlackList.length === 0 || offset >= total) break;
  }
  const shown = search && !exact ? entries.filter((entry) => entry.EmailAddress.toLowerCase().includes(search)) : entries;
  return { ok: true, list: { entries: shown, total: search && !exact ? shown.length : total, window } };
}
