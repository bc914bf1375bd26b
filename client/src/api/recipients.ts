// Recipient lists as people type them: "a@x.com, b@y.com; c@z.com" or one per line, with or
// without `<…>` / `mailto:`. Pure (no vscode), so it is unit-tested.

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
  return token.trim().replace(/^mailto:/i, '').replace(/^[<("']+|[>)"'.:]+$/g, '');
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
  const found = text.match(/[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,63}/g) ?? [];
  return parseRecipients(found.join(' ')).addresses.filter(isEmailAddress);
}
