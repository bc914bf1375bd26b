// The one-line text of a failed API call, as the error notification and the status bar's tooltip
// show it and the output channel logs it. Pure (no vscode): the unit and API tests render it with the
// real l10n formatter against failures from a real (hostile) server. The failure's code, message and
// RequestId come from the endpoint and are masked by the client (common/cloud/sesClient.ts), the
// single boundary every display path goes through.
import type { ApiFailure } from '#common/cloud/types';

/** `vscode.l10n` and `@vscode/l10n` both fit. */
export interface L10n {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

/** One line for the user in their language: what failed, why and what to do; RequestId last. */
export function failureText(l10n: L10n, failure: ApiFailure, endpoint: string): string {
  const where = endpoint || l10n.t('Tencent Cloud');
  switch (failure.kind) {
    case 'credentials':
      return l10n.t('No usable Tencent Cloud credentials: set them with "SES: Set Credentials", or set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY.');
    case 'timeout':
      return l10n.t('{0} did not answer in time (setting sesStudio.api.timeoutSeconds). Check the network or proxy, then try again.', where);
    case 'network':
      return l10n.t('{0} could not be reached ({1}). Check the network, the proxy (http.proxy) and sesStudio.api.endpoint.', where, failure.message);
    case 'http':
      return l10n.t('{0} answered HTTP {1}: the request did not reach the SES API. Check sesStudio.api.endpoint and the proxy.', where, String(failure.httpStatus ?? '?'));
    case 'badResponse':
      return l10n.t('{0} answered with something that is not an SES API response. Check sesStudio.api.endpoint.', where);
    case 'api': {
      const explanation = failure.explanation;
      const text = explanation ? `${explanation.title}${explanation.nextStep ? ` ${explanation.nextStep}` : ''}` : failure.message;
      return l10n.t('{0}: {1} (RequestId {2})', failure.code, text, failure.requestId ?? '-');
    }
  }
}
