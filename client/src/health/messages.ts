// The messages between the extension and the Sending-health webview (client/webview/health.ts, bundled
// by esbuild into dist/webview/health.js). Both sides import these types; the guards check what comes
// from the webview, a separate context. Pure: no vscode import.
import type { Rates } from '#common/cloud/statistics';
import type { Volume } from '#common/cloud/types';

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
}

export type HealthToWebview =
  | { readonly type: 'init'; readonly strings: HealthStrings; readonly locale: string; readonly query: HealthQuery; readonly domains: readonly string[]; readonly mailboxTypes: readonly string[] }
  | { readonly type: 'loading'; readonly query: HealthQuery }
  | { readonly type: 'report'; readonly report: HealthReport }
  | { readonly type: 'error'; readonly query: HealthQuery; readonly message: string };

export type HealthFromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'query'; readonly query: HealthQuery }
  | { readonly type: 'exportCsv' };

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
    default:
      return false;
  }
}
