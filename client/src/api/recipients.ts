// Recipient lists as people type them: "a@x.com, b@y.com; c@z.com" or one per line, with or
// without `<…>` / `mailto:`. Pure (no vscode), so it is unit-tested.
import { trimEndOf, trimStartOf } from '#common/trimRuns';

/** SendEmail accepts at most 50 addresses in Destination (reference §2.2). */
export const MAX_RECIPIENTS = 50;

/**
 * A practical address check: one `@`, a local part without spaces or quotes, and a host name of
 * dot-separated labels with a TLD of 2+ letters. Stricter than RFC 5322 on purpose: an address that
 * needs quoting is almost always a typo in a test recipient, and Tencent rejects most of them too.
 */
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function isEmailAddress(text: string): boolean {
  if (text.length > 254 || !ADDRESS.test(text)) return false;
  const local = text.slice(0, text.lastIndexOf('@'));
  return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
}

export interface ParsedRecipients {
  /** Valid addresses, first spelling kept, in typed order. */
  readonly addresses: string[];
  /** Entries that are not addresses, as typed. */
  readonly invalid: string[];
  /** Addresses typed more than once (case-insensitively), once each. */
  readonly duplicates: string[];
  /** More than MAX_RECIPIENTS distinct valid addresses. */
  readonly tooMany: boolean;
}

/** `<a@x.com>` → `a@x.com`, `mailto:a@x.com` → `a@x.com`, trailing punctuation dropped. */
function clean(token: string): string {
  // Trimmed by scans: `[>)"'.:]+$` retried every start of a run of dots inside a pasted token.
  return trimEndOf(trimStartOf(token.trim().replace(/^mailto:/i, ''), '<("\''), '>)"\'.:');
}

/** Splits on commas, semicolons, full-width commas/semicolons (、，；) and white space. */
export function parseRecipients(text: string): ParsedRecipients {
  const addresses: string[] = [];
  const invalid: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  for (const token of text.split(/[\s,;，；、]+/)) {
    const address = clean(token);
    if (address === '') continue;
    if (!isEmailAddress(address)) {
      invalid.push(token.trim());
      continue;
    }
    const key = address.toLowerCase();
    if (seen.has(key)) {
      if (!duplicates.some((d) => d.toLowerCase() === key)) duplicates.push(address);
      continue;
    }
    seen.add(key);
    addresses.push(address);
  }
  return { addresses, invalid, duplicates, tooMany: addresses.length > MAX_RECIPIENTS };
}

/**
 * The addresses found anywhere in a text (an editor selection: a CSV row, a log line, a JSON
 * value), deduplicated. Unlike parseRecipients, other words are ignored rather than reported.
 */
export function addressesIn(text: string): string[] {
  return parseRecipients(addressCandidates(text).join(' ')).addresses.filter(isEmailAddress);
}

const LOCAL_CHAR = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const DOMAIN = /^[A-Za-z0-9.-]+\.[A-Za-z]{2,63}/;

/**
 * What /[local chars]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,63}/g matches, found from each `@` outwards: the
 * pattern itself rescanned a run of address characters from every start, quadratic on a long
 * selection without an `@` (100 KB took 5 s in the extension host).
 */
function addressCandidates(text: string): string[] {
  const found: string[] = [];
  let from = 0; // end of the previous match: matches do not overlap
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', Math.max(at + 1, from))) {
    let start = at;
    while (start > from && LOCAL_CHAR.test(text[start - 1])) start--;
    if (start === at) continue;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHAR.test(text[end])) end++;
    const domain = DOMAIN.exec(text.slice(at + 1, end));
    if (!domain) continue;
    found.push(text.slice(start, at + 1 + domain[0].length));
    from = at + 1 + domain[0].length;
  }
  return found;
}
