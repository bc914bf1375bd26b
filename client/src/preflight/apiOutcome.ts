// How a failed API call reads in the report: the same failure kinds as client/src/api/apiFailures.ts,
// but as findings of a step. Pure (no vscode).
import type { ApiFailure } from '#common/cloud/types';
import type { Finding, L10n } from './report';

/** A wrong, deleted or mis-signed key: AuthFailure.* other than the CAM one. */
export function isKeyRejected(code: string): boolean {
  return /^AuthFailure\./.test(code) && code !== 'AuthFailure.UnauthorizedOperation';
}

/** The key is fine but its CAM policy does not allow SES. */
export function isPermissionDenied(code: string): boolean {
  return code === 'AuthFailure.UnauthorizedOperation' || /^(UnauthorizedOperation|OperationDenied)(\.|$)/.test(code);
}

/** A failure of `what` (e.g. "GetEmailIdentity") as a ✗ finding: network, timeout, HTTP or API error. */
export function failureFinding(l10n: L10n, what: string, failure: ApiFailure, target: string): Finding {
  switch (failure.kind) {
    case 'timeout':
      return { outcome: 'fail', text: l10n.t('{0}: {1} did not answer in time.', what, target), fix: l10n.t('Check the network or proxy, or raise sesStudio.api.timeoutSeconds, then run the check again.') };
    case 'network':
      return { outcome: 'fail', text: l10n.t('{0}: {1} could not be reached ({2}).', what, target, failure.message), fix: l10n.t('Check the network, the proxy (http.proxy) and sesStudio.api.endpoint.') };
    case 'http':
      return { outcome: 'fail', text: l10n.t('{0}: {1} answered HTTP {2}.', what, target, String(failure.httpStatus ?? '?')), fix: l10n.t('Check sesStudio.api.endpoint and the proxy.') };
    case 'badResponse':
      return { outcome: 'fail', text: l10n.t('{0}: the answer of {1} is not an SES API response.', what, target), fix: l10n.t('Check sesStudio.api.endpoint.') };
    case 'credentials':
      return { outcome: 'skipped', text: l10n.t('{0}: skipped, needs step 1 (credentials).', what) };
    case 'api': {
      const explained = failure.explanation ? `${failure.explanation.title}` : failure.message;
      return {
        outcome: 'fail',
        text: l10n.t('{0} failed with {1}: {2} (RequestId {3})', what, failure.code, explained, failure.requestId ?? '-'),
        ...(failure.explanation?.nextStep ? { fix: failure.explanation.nextStep } : {}),
      };
    }
  }
}

/** The "skipped" finding of an API part when step 1 did not succeed. */
export function skippedFinding(l10n: L10n, what: string): Finding {
  return { outcome: 'skipped', text: l10n.t('{0}: skipped, needs step 1 (credentials).', what) };
}
