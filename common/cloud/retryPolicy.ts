import { RETRYABLE_ACTIONS, type ApiFailure, type SesAction } from './types';

/**
 * When a failed attempt is tried again. Only read-only or idempotent actions (RETRYABLE_ACTIONS;
 * never SendEmail: the first attempt may have sent the email even if its answer was lost), and only
 * on failures another attempt can fix: throttling, 5xx, network trouble, timeouts. An API error such
 * as AuthFailure or InvalidParameter would fail the same way again.
 */
export function isRetryable(action: SesAction, failure: Pick<ApiFailure, 'kind' | 'code' | 'httpStatus'>): boolean {
  if (!RETRYABLE_ACTIONS.has(action)) return false;
  switch (failure.kind) {
    case 'api': return failure.code === 'RequestLimitExceeded' || failure.code.startsWith('RequestLimitExceeded.');
    case 'http': return failure.httpStatus !== undefined && failure.httpStatus >= 500 && failure.httpStatus <= 599;
    case 'network': return failure.code !== 'Aborted' && failure.code !== 'InvalidEndpoint' && failure.code !== 'InvalidProxy';
    case 'timeout': return true;
    default: return false;
  }
}

/**
 * Delay before attempt `attempt + 1`: baseDelayMs · 2^(attempt−1), jittered into its upper half so
 * clients throttled together (20 requests/s per action) do not retry in lockstep, yet the delay never
 * drops below half the nominal backoff.
 */
export function backoffDelay(attempt: number, baseDelayMs: number, random: () => number = Math.random): number {
  const nominal = baseDelayMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(nominal / 2 + random() * (nominal / 2));
}
