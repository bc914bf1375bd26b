// What a fetched URL means for the email: the findings of one probe, by the role the URL plays (an
// image the client loads, a link the recipient clicks). Thresholds after the peers: react-email
// warns over 1 MiB per image; an HTML page served with 200 for an image is a classic broken image
// that a status check alone misses. Pure: no vscode import.
import type { ProbeResult } from './probe';
import type { UrlKind } from './urlExtraction';

export const IMAGE_SIZE_LIMIT = 1024 * 1024;

export type FindingCode =
  | 'online-image-unreachable'
  | 'online-image-status'
  | 'online-image-not-image'
  | 'online-image-too-large'
  | 'online-image-insecure-redirect'
  | 'online-link-unreachable'
  | 'online-link-status'
  | 'online-link-redirect'
  | 'online-link-insecure-redirect'
  | 'online-private-address';

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  readonly kind: UrlKind;
  readonly result: ProbeResult;
}

/** Whether a finding makes the image or link broken (counted in the summary), not just worth a look. */
export function isBroken(finding: Finding): boolean {
  return finding.code.endsWith('-unreachable') || finding.code.endsWith('-status') || finding.code === 'online-image-not-image';
}

/** https → http somewhere in the redirect chain: the final request travels in clear text. */
export function downgraded(result: ProbeResult): boolean {
  let previous = result.url;
  for (const hop of result.redirects) {
    const next = hop.location ?? '';
    if (/^https:/i.test(previous) && /^http:/i.test(next)) return true;
    previous = next;
  }
  return false;
}

/** Status codes that say "not now" or "not you" rather than "gone": 401/403 (sign-in pages) for links, 429 for both. */
const softStatus = (kind: UrlKind, status: number) => status === 429 || (kind === 'link' && (status === 401 || status === 403));

/** The findings of one probed URL in one role; none for a healthy URL or a cancelled probe. */
export function classify(result: ProbeResult, kind: UrlKind): Finding[] {
  const out: Finding[] = [];
  const add = (code: FindingCode, severity: FindingSeverity) => out.push({ code, severity, kind, result });
  const error = result.error;
  if (error) {
    if (error.kind === 'aborted') return out;
    if (error.kind === 'private') add('online-private-address', 'warning');
    else add(kind === 'image' ? 'online-image-unreachable' : 'online-link-unreachable', 'error');
    return out;
  }
  const status = result.status ?? 0;
  if (kind === 'image') {
    if (status < 200 || status >= 300) {
      add('online-image-status', softStatus(kind, status) ? 'warning' : 'error');
    } else {
      if (result.contentType !== undefined && !result.contentType.startsWith('image/')) add('online-image-not-image', 'error');
      if (result.size !== undefined && result.size > IMAGE_SIZE_LIMIT) add('online-image-too-large', 'warning');
    }
    if (downgraded(result)) add('online-image-insecure-redirect', 'warning');
  } else {
    if (status < 200 || status >= 300) add('online-link-status', softStatus(kind, status) ? 'warning' : 'error');
    if (downgraded(result)) add('online-link-insecure-redirect', 'warning');
    else if (result.redirects.length > 0) add('online-link-redirect', 'info');
  }
  return out;
}
