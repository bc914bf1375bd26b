// The messages between the extension and the Sending-health webview (client/webview/health.ts, bundled
// by esbuild into dist/webview/health.js). Both sides import these types; the guards check what comes
// from the webview, a separate context. Pure: no vscode import.
import type { Rates } from '#common/cloud/statistics';
import type { Volume } from '#common/cloud/types';
import { validPlan, type WarmupDay, type WarmupPlan } from '#common/cloud/warmup';

/** What the user asks for: a range of Beijing days, and optionally one sender domain and receiving mailbox type. */
export interface HealthQuery {
  readonly StartDate: string;
  readonly EndDate: string;
  /** '' for all sender domains. */
  readonly Domain: string;
  /** '' for all receiving mailbox types (e.g. gmail.com). */
  readonly ReceivingMailboxType: string;
}

/** The numbers of one answer: one volume per day of the range (days without traffic are zeros), their rates and totals. */
export interface HealthReport {
  readonly query: HealthQuery;
  readonly days: readonly Volume[];
  readonly rates: readonly Rates[];
  readonly total: Volume;
  readonly totalRates: Rates;
  /** The bounce rate Tencent recommends staying at or under (0.05). */
  readonly maxBounceRate: number;
  /** Days whose bounce rate is above it. */
  readonly highBounceDays: readonly string[];
}

/** One sender domain's warm-up: its level and quota, the last 30 days against them and the plan. */
export interface WarmupDomain {
  readonly domain: string;
  readonly level?: number;
  readonly quota?: number;
  /** The next level and its quota (undefined at level 20 or when the level is unknown). */
  readonly next?: { readonly level: number; readonly quota: number };
  readonly sendingEnabled: boolean;
  /** The user's plan (saved), or undefined when none is set; `suggested` is then offered in the form. */
  readonly plan?: WarmupPlan;
  readonly suggested: WarmupPlan;
  /** The last 30 Beijing days, oldest first; empty when the statistics could not be read (see `error`). */
  readonly days: readonly WarmupDay[];
  /** The day the plan reaches the quota of the next level. */
  readonly reachesNext?: string;
  readonly error?: string;
}

export interface WarmupReport {
  readonly StartDate: string;
  readonly EndDate: string;
  readonly domains: readonly WarmupDomain[];
  /** Tencent's page on reputation levels and daily limits, linked under the facts. */
  readonly ladderSource: string;
  /** Set when the sender domains could not be listed. */
  readonly error?: string;
}

/** The webview's labels, localised by the extension (the webview has no l10n of its own). */
export interface HealthStrings {
  readonly title: string;
  readonly from: string;
  readonly to: string;
  readonly domain: string;
  readonly allDomains: string;
  readonly mailboxType: string;
  readonly allMailboxTypes: string;
  readonly otherMailboxType: string;
  readonly show: string;
  readonly charts: string;
  readonly table: string;
  readonly exportCsv: string;
  readonly loading: string;
  readonly volumesTitle: string;
  readonly ratesTitle: string;
  readonly totals: string;
  readonly date: string;
  readonly requests: string;
  readonly accepted: string;
  readonly delivered: string;
  readonly bounced: string;
  readonly opened: string;
  readonly clicked: string;
  readonly unsubscribed: string;
  readonly deliveryRate: string;
  readonly bounceRate: string;
  readonly unsubscribeRate: string;
  readonly openRate: string;
  readonly clickRate: string;
  readonly bounceLimit: string;
  readonly bounceLimitNote: string;
  readonly highBounceDays: string;
  readonly noTraffic: string;
  readonly badRange: string;
  readonly total: string;
  readonly warmupTitle: string;
  readonly warmupDomain: string;
  readonly level: string;
  readonly dailyQuota: string;
  readonly nextLevel: string;
  readonly ladderNote: string;
  readonly ladderSource: string;
  readonly sendingDisabled: string;
  readonly warmupChartTitle: string;
  readonly sent: string;
  readonly planned: string;
  readonly quota: string;
  readonly planTitle: string;
  readonly planStart: string;
  readonly planVolume: string;
  readonly planGrowth: string;
  readonly savePlan: string;
  readonly clearPlan: string;
  readonly planSaved: string;
  readonly planNone: string;
  readonly planInvalid: string;
  readonly planReaches: string;
  readonly overPlanDays: string;
  readonly overQuotaDays: string;
  readonly warmupAdvice: string;
  readonly quotaAdvice: string;
  readonly bounceAdvice: string;
  readonly noDomains: string;
  readonly warmupLoading: string;
}

export type HealthToWebview =
  | { readonly type: 'init'; readonly strings: HealthStrings; readonly locale: string; readonly query: HealthQuery; readonly domains: readonly string[]; readonly mailboxTypes: readonly string[] }
  | { readonly type: 'loading'; readonly query: HealthQuery }
  | { readonly type: 'report'; readonly report: HealthReport }
  | { readonly type: 'error'; readonly query: HealthQuery; readonly message: string }
  | { readonly type: 'warmup'; readonly warmup: WarmupReport };

export type HealthFromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'query'; readonly query: HealthQuery }
  | { readonly type: 'exportCsv' }
  | { readonly type: 'setPlan'; readonly domain: string; readonly plan: WarmupPlan }
  | { readonly type: 'clearPlan'; readonly domain: string };

const MAX_FIELD = 253;

/** The query if it has that shape; its dates are checked again (validRange) before the API is asked. */
export function healthQuery(value: unknown): HealthQuery | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const q = value as Record<string, unknown>;
  for (const key of ['StartDate', 'EndDate', 'Domain', 'ReceivingMailboxType']) {
    if (typeof q[key] !== 'string' || (q[key] as string).length > MAX_FIELD) return undefined;
  }
  return { StartDate: q.StartDate as string, EndDate: q.EndDate as string, Domain: (q.Domain as string).trim(), ReceivingMailboxType: (q.ReceivingMailboxType as string).trim() };
}

/** Whether a message from the webview is one we understand: the webview is a separate context, check it. */
export function isFromHealthWebview(value: unknown): value is HealthFromWebview {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'exportCsv':
      return true;
    case 'query':
      return healthQuery(message.query) !== undefined;
    case 'setPlan':
      return isDomainName(message.domain) && validPlan(message.plan) !== undefined;
    case 'clearPlan':
      return isDomainName(message.domain);
    default:
      return false;
  }
}

function isDomainName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_FIELD;
}
