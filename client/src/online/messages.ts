// The words of the online check: diagnostic messages and the summary, localised through the `l10n`
// the caller passes (vscode.l10n in the extension, a plain formatter in tests). Pure: no vscode import.
import type { Finding } from './findings';
import type { ProbeError } from './probe';
import { byCount } from '#common/plural';

export interface L10n {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

/** A URL short enough for a diagnostic line. */
export function shortUrl(url: string, max = 80): string {
  return url.length <= max ? url : `${url.slice(0, max - 1)}…`;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** Why a request got no answer, in words. */
export function reason(l10n: L10n, error: ProbeError, timeoutSeconds: number): string {
  const host = hostOf(error.url);
  switch (error.kind) {
    case 'dns': return l10n.t('host name {0} not found (DNS, {1})', host, error.code);
    case 'tls': return l10n.t('TLS error with {0} ({1})', host, error.code);
    case 'timeout': return l10n.t('no answer from {0} within {1} s', host, timeoutSeconds);
    case 'redirects': return l10n.t('more than {0} redirects', 5);
    case 'badRedirect': return l10n.t('{0} redirects to an address that is not a web URL', host);
    default: return l10n.t('connection to {0} failed ({1})', host, error.code);
  }
}

/** The diagnostic message of a finding; `sets` are the data sets whose values build the URL. */
export function findingMessage(l10n: L10n, finding: Finding, sets: readonly string[], timeoutSeconds: number): string {
  const r = finding.result;
  const url = shortUrl(r.url);
  const status = String(r.status ?? '');
  let text: string;
  switch (finding.code) {
    case 'online-image-unreachable':
      text = l10n.t('Image {0} cannot be loaded: {1}. Recipients see a broken image.', url, reason(l10n, r.error!, timeoutSeconds));
      break;
    case 'online-image-status':
      text = l10n.t('Image {0} answers HTTP {1} from {2}: recipients see a broken image.', url, status, hostOf(r.finalUrl));
      break;
    case 'online-image-not-image':
      text = l10n.t('Image {0} answers HTTP {1} with {2}, not an image: probably an error or sign-in page.', url, status, r.contentType ?? '');
      break;
    case 'online-image-too-large':
      text = l10n.t('Image {0} is {1} (over 1 MiB): slow on mobile data, and some mail clients do not load large images.', url, formatSize(r.size ?? 0));
      break;
    case 'online-image-insecure-redirect':
      text = l10n.t('Image {0} redirects from https to http ({1}): mail clients warn about or block insecure images.', url, shortUrl(r.finalUrl));
      break;
    case 'online-link-unreachable':
      text = l10n.t('Link {0} cannot be opened: {1}.', url, reason(l10n, r.error!, timeoutSeconds));
      break;
    case 'online-link-status':
      text = l10n.t('Link {0} answers HTTP {1} from {2}.', url, status, hostOf(r.finalUrl));
      break;
    case 'online-link-redirect':
      text = byCount(r.redirects.length, () => l10n.t('Link {0} redirects once, to {1}.', url, shortUrl(r.finalUrl)), () => l10n.t('Link {0} redirects {1} times, to {2}.', url, r.redirects.length, shortUrl(r.finalUrl)));
      break;
    case 'online-link-insecure-redirect':
      text = l10n.t('Link {0} redirects from https to http ({1}): the page opens unencrypted.', url, shortUrl(r.finalUrl));
      break;
    case 'online-private-address':
      text = r.redirects.length > 0
        ? l10n.t('{0} redirects to {1}, a local or private network address: not followed.', url, hostOf(r.error?.url ?? r.finalUrl))
        : l10n.t('{0} was not checked: {1} resolves to a local or private network address.', url, hostOf(r.url));
      break;
  }
  return sets.length > 0 ? `${text} ${l10n.t('With data set {0}.', sets.join(', '))}` : text;
}

export interface SummaryCounts {
  readonly checked: number;
  readonly brokenImages: number;
  readonly brokenLinks: number;
  readonly warnings: number;
  readonly unresolved: number;
  readonly privateSkipped: number;
  readonly capped: number;
  readonly notChecked: number;
}

/** "12 URLs checked: 2 broken images, 1 broken link", plus what was left out and why. */
export function summary(l10n: L10n, c: SummaryCounts): string {
  const problems: string[] = [];
  if (c.brokenImages) problems.push(c.brokenImages === 1 ? l10n.t('1 broken image') : l10n.t('{0} broken images', c.brokenImages));
  if (c.brokenLinks) problems.push(c.brokenLinks === 1 ? l10n.t('1 broken link') : l10n.t('{0} broken links', c.brokenLinks));
  if (c.warnings) problems.push(c.warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', c.warnings));
  const head = c.checked === 1 ? l10n.t('SES: 1 URL checked') : l10n.t('SES: {0} URLs checked', c.checked);
  const parts = [`${head}: ${problems.length ? problems.join(', ') : c.checked === 0 ? l10n.t('no http(s) image or link URL to check') : l10n.t('all reachable')}.`];
  if (c.unresolved) parts.push(l10n.t('{0} not checked: their variables have no value in any data set.', c.unresolved));
  if (c.privateSkipped) parts.push(l10n.t('{0} on local or private hosts not checked.', c.privateSkipped));
  if (c.capped) parts.push(l10n.t('{0} more URLs not checked: at most {1} per run.', c.capped, 300));
  if (c.notChecked) parts.push(l10n.t('{0} not checked: cancelled.', c.notChecked));
  return parts.join(' ');
}
