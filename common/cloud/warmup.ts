// Warm-up and quota arithmetic of the Sending-health view and the test-send quota check. No
// `vscode` import. Tencent raises a new domain's reputation level, and with it the daily limit,
// as its sending proves clean; the FAQ advises starting small and growing the volume day by day.
import { addDays, datesBetween } from './statistics';
import type { Volume } from './types';

/**
 * Tencent's reputation level → daily sending limit (reference §8.4, docs-intl 1084/48864): level 1
 * (a newly verified domain) sends 500 a day, level 20 one million; beyond that only by ticket.
 */
export const REPUTATION_LADDER: readonly number[] = [
  500, 1_000, 2_000, 5_000, 10_000, 20_000, 40_000, 60_000, 80_000, 100_000,
  150_000, 200_000, 300_000, 400_000, 500_000, 600_000, 700_000, 800_000, 900_000, 1_000_000,
];
export const MAX_REPUTATION_LEVEL = REPUTATION_LADDER.length;
/**
 * Where Tencent documents the levels and their limits. The extension host sends it to the
 * Sending-health webview in the warm-up report: the webview bundle itself holds no address.
 */
export const REPUTATION_LADDER_SOURCE = 'https://www.tencentcloud.com/document/product/1084/48864';

/** The daily limit of a level (1–20); undefined for anything else. */
export function quotaForLevel(level: unknown): number | undefined {
  return typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= MAX_REPUTATION_LEVEL ? REPUTATION_LADDER[level - 1] : undefined;
}

/** The next level and its limit, or undefined at level 20 (or an unknown level). */
export function nextLevel(level: unknown): { level: number; quota: number } | undefined {
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level >= MAX_REPUTATION_LEVEL) return undefined;
  return { level: level + 1, quota: REPUTATION_LADDER[level] };
}

export interface WarmupPlan {
  /** `YYYY-MM-DD` (Beijing): the plan's first day. */
  readonly startDate: string;
  /** Emails on the first day. */
  readonly startVolume: number;
  /** Growth per day in percent: 20 = each day 20 % more than the day before. */
  readonly dailyGrowthPercent: number;
}

/** Sane bounds for what a user types: a plan that grows 1000 % a day is a typo, not a plan. */
export const PLAN_LIMITS = { minVolume: 1, maxVolume: 1_000_000, minGrowth: 0, maxGrowth: 200 } as const;

/** The plan with its numbers checked; undefined when it cannot be used. */
export function validPlan(plan: unknown): WarmupPlan | undefined {
  if (typeof plan !== 'object' || plan === null) return undefined;
  const { startDate, startVolume, dailyGrowthPercent } = plan as Record<string, unknown>;
  if (typeof startDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(startDate) || addDays(startDate, 0) !== startDate) return undefined;
  if (typeof startVolume !== 'number' || !Number.isFinite(startVolume) || startVolume < PLAN_LIMITS.minVolume || startVolume > PLAN_LIMITS.maxVolume) return undefined;
  if (typeof dailyGrowthPercent !== 'number' || !Number.isFinite(dailyGrowthPercent) || dailyGrowthPercent < PLAN_LIMITS.minGrowth || dailyGrowthPercent > PLAN_LIMITS.maxGrowth) return undefined;
  return { startDate, startVolume: Math.round(startVolume), dailyGrowthPercent };
}

/**
 * The planned volume of `date`: startVolume × (1 + growth)^(days since startDate), rounded down, and
 * never above `cap` (the current daily quota: a plan past the limit cannot be sent). Undefined before
 * the plan starts.
 */
export function plannedVolume(plan: WarmupPlan, date: string, cap = Infinity): number | undefined {
  if (date < plan.startDate) return undefined;
  const day = datesBetween(plan.startDate, date).length - 1;
  const raw = plan.startVolume * (1 + plan.dailyGrowthPercent / 100) ** day;
  // + 1e-6: 500 × 1.2³ is 863.9999… in floating point, and the plan means 864.
  return Math.floor(Math.min(raw + 1e-6, cap, Number.MAX_SAFE_INTEGER));
}

/** The first day the plan reaches `target` emails, or undefined when it never does within 400 days. */
export function dayPlanReaches(plan: WarmupPlan, target: number): string | undefined {
  for (let day = 0, date = plan.startDate; day < 400; day++, date = addDays(date, 1)) {
    if ((plannedVolume(plan, date) ?? 0) >= target) return date;
  }
  return undefined;
}

/** A default plan for a domain: Tencent's level-1 limit on the first day with traffic, +20 % a day. */
export function defaultPlan(days: readonly Volume[], fallbackStart: string): WarmupPlan {
  const first = days.find((day) => day.RequestCount > 0)?.SendDate ?? fallbackStart;
  return { startDate: first, startVolume: REPUTATION_LADDER[0], dailyGrowthPercent: 20 };
}

export interface WarmupDay {
  readonly date: string;
  readonly sent: number;
  readonly planned?: number;
  readonly quota?: number;
  readonly bounceRate?: number;
  readonly overPlan: boolean;
  readonly overQuota: boolean;
  readonly highBounce: boolean;
}

/**
 * Each day's volume against the plan and the quota. The quota of past days is not in any API: today's
 * DailyQuota stands for all of them (it only grows while sending is clean, so earlier days had at most
 * this much, and a day over it was surely over its own).
 */
export function warmupDays(days: readonly Volume[], plan: WarmupPlan | undefined, quota: number | undefined, maxBounceRate = 0.05): WarmupDay[] {
  return days.map((day) => {
    const planned = plan ? plannedVolume(plan, day.SendDate) : undefined;
    const bounceRate = day.AcceptedCount > 0 ? day.BounceCount / day.AcceptedCount : undefined;
    return {
      date: day.SendDate,
      sent: day.RequestCount,
      ...(planned !== undefined ? { planned } : {}),
      ...(quota !== undefined ? { quota } : {}),
      ...(bounceRate !== undefined ? { bounceRate } : {}),
      overPlan: planned !== undefined && day.RequestCount > planned,
      overQuota: quota !== undefined && day.RequestCount > quota,
      highBounce: bounceRate !== undefined && bounceRate > maxBounceRate,
    };
  });
}

export interface QuotaCheck {
  readonly quota: number;
  readonly sentToday: number;
  readonly remaining: number;
  /** True when `sending` more would go past today's quota. */
  readonly exceeds: boolean;
}

/** Whether sending `sending` more emails today stays within `quota`, given `sentToday` (RequestCount of today). */
export function quotaCheck(quota: number, sentToday: number, sending: number): QuotaCheck {
  const remaining = Math.max(0, quota - sentToday);
  return { quota, sentToday, remaining, exceeds: sending > remaining };
}
