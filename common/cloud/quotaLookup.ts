// Today's quota of a sender domain, for the warning before a test send and the Sending-health view's
// warm-up section: DailyQuota and CurrentReputationLevel from ListEmailIdentities, today's volume from
// GetStatisticsReport (Beijing day). Bounded: it never holds a send up for longer than `timeoutMs`.
// No `vscode` import.
import { listAllIdentities } from './account';
import { beijingToday, fetchStatistics } from './statistics';
import type { SesClient } from './sesClient';
import { quotaCheck, quotaForLevel, type QuotaCheck } from './warmup';

export type QuotaLookup =
  | { readonly ok: true; readonly domain: string; readonly level?: number; readonly check: QuotaCheck }
  | { readonly ok: false; readonly domain: string; readonly reason: 'timeout' | 'no-identity' | 'no-quota' | 'failed'; readonly detail?: string };

/** The domain of `Alias <user@domain>` or `user@domain`, lower-cased; undefined without one. */
export function senderDomain(from: string): string | undefined {
  const open = from.lastIndexOf('<');
  const close = from.lastIndexOf('>');
  const address = open >= 0 && close > open ? from.slice(open + 1, close) : from;
  const at = address.lastIndexOf('@');
  const domain = at >= 0 ? address.slice(at + 1).trim().toLowerCase() : '';
  return domain === '' ? undefined : domain;
}

/**
 * Whether sending `sending` emails from `domain` today stays within its DailyQuota. Fails (never
 * throws) on any API failure, an unknown domain, or when both calls take longer than `timeoutMs`.
 */
export async function lookUpQuota(client: SesClient, domain: string, sending: number, now: Date, timeoutMs: number): Promise<QuotaLookup> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<QuotaLookup>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, domain, reason: 'timeout', detail: `${timeoutMs} ms` });
    }, timeoutMs);
  });
  const today = beijingToday(now);
  const work = (async (): Promise<QuotaLookup> => {
    const [identities, statistics] = await Promise.all([
      listAllIdentities(client, controller.signal),
      fetchStatistics(client, { StartDate: today, EndDate: today, Domain: domain }, controller.signal),
    ]);
    if (!identities.ok) return { ok: false, domain, reason: 'failed', detail: `ListEmailIdentities: ${identities.failure.code}` };
    if (!statistics.ok) return { ok: false, domain, reason: 'failed', detail: `GetStatisticsReport: ${statistics.failure.code}` };
    const identity = identities.identities.find((candidate) => candidate.IdentityName.toLowerCase() === domain);
    if (!identity) return { ok: false, domain, reason: 'no-identity' };
    const level = typeof identity.CurrentReputationLevel === 'number' ? identity.CurrentReputationLevel : undefined;
    const quota = typeof identity.DailyQuota === 'number' && Number.isFinite(identity.DailyQuota) && identity.DailyQuota >= 0 ? identity.DailyQuota : quotaForLevel(level);
    if (quota === undefined) return { ok: false, domain, reason: 'no-quota' };
    const sentToday = statistics.days.reduce((sum, day) => sum + day.RequestCount, 0);
    return { ok: true, domain, ...(level !== undefined ? { level } : {}), check: quotaCheck(quota, sentToday, sending) };
  })().catch((error: unknown): QuotaLookup => ({ ok: false, domain, reason: 'failed', detail: error instanceof Error ? error.message : String(error) }));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
