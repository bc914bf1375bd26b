// The Sending-health view's warm-up section: per sender domain, the level and quota of
// ListEmailIdentities, the last 30 days' volume against the quota and the user's plan, and the days
// over either. Pure: no vscode import (unit tests; the webview bundle imports warmupChartData).
import { lastDays } from '#common/cloud/statistics';
import type { EmailIdentity, Volume } from '#common/cloud/types';
import { dayPlanReaches, defaultPlan, nextLevel, quotaForLevel, warmupDays, type WarmupPlan } from '#common/cloud/warmup';
import type { WarmupDomain } from './messages';

/** The window the warm-up section draws: the last 30 Beijing days. */
export const WARMUP_DAYS = 30;

export function warmupRange(now: Date): { StartDate: string; EndDate: string } {
  return lastDays(now, WARMUP_DAYS);
}

/** A domain's level (1–20) as ListEmailIdentities gives it, or undefined. */
function levelOf(identity: EmailIdentity): number | undefined {
  const level = identity.CurrentReputationLevel;
  return typeof level === 'number' && Number.isInteger(level) && level >= 1 ? level : undefined;
}

/**
 * One domain's section. The quota is DailyQuota when the API gives it, else the ladder's quota of the
 * level; `days` is the last 30 days (filled, oldest first) or undefined when they could not be read.
 */
export function warmupDomain(identity: EmailIdentity, days: readonly Volume[] | undefined, plan: WarmupPlan | undefined, range: { StartDate: string }, error?: string): WarmupDomain {
  const level = levelOf(identity);
  const quota = typeof identity.DailyQuota === 'number' && Number.isFinite(identity.DailyQuota) && identity.DailyQuota >= 0 ? identity.DailyQuota : quotaForLevel(level);
  const next = nextLevel(level);
  const suggested = plan ?? defaultPlan(days ?? [], range.StartDate);
  const reachesNext = plan && next ? dayPlanReaches(plan, next.quota) : undefined;
  return {
    domain: identity.IdentityName,
    ...(level !== undefined ? { level } : {}),
    ...(quota !== undefined ? { quota } : {}),
    ...(next ? { next } : {}),
    sendingEnabled: identity.SendingEnabled !== false,
    ...(plan ? { plan } : {}),
    suggested,
    days: days ? warmupDays(days, plan, quota) : [],
    ...(reachesNext ? { reachesNext } : {}),
    ...(error ? { error } : {}),
  };
}

/** The days of a section above the plan, above the quota, and with a bounce rate above 5 %. */
export function flaggedDays(section: WarmupDomain): { overPlan: string[]; overQuota: string[]; highBounce: string[] } {
  return {
    overPlan: section.days.filter((day) => day.overPlan).map((day) => day.date),
    overQuota: section.days.filter((day) => day.overQuota).map((day) => day.date),
    highBounce: section.days.filter((day) => day.highBounce).map((day) => day.date),
  };
}

/**
 * The columns the warm-up chart draws: x is the day's index, then sent, the quota and the plan
 * (null before the plan starts or without a plan: uPlot leaves a gap).
 */
export function warmupChartData(section: WarmupDomain): { x: number[]; sent: number[]; quota: Array<number | null>; planned: Array<number | null> } {
  return {
    x: section.days.map((_, i) => i),
    sent: section.days.map((day) => day.sent),
    quota: section.days.map((day) => day.quota ?? null),
    planned: section.days.map((day) => day.planned ?? null),
  };
}
