/**
 * Masking of credentials. Every string the client logs or returns as a message goes through
 * `redact`, so a secret that slips into an error text (a proxy echoing a header, a server quoting
 * the request) is still never shown.
 */

const VISIBLE = 4;
/** Below this length, showing 4+4 characters would reveal most of the value: mask it fully. */
const MIN_PARTIAL_LENGTH = 16;
const FULL_MASK = '****';

/** `AKIDz8kr…wxyz`-style: the first and last 4 characters, enough to recognise which key is in use. */
export function maskSecret(value: string): string {
  if (value.length < MIN_PARTIAL_LENGTH) return FULL_MASK;
  return `${value.slice(0, VISIBLE)}…${value.slice(-VISIBLE)}`;
}

/** A TC3 Authorization header: the signature proves nothing useful to a reader and is replayable within 5 minutes. */
const SIGNATURE = /(Signature=)[0-9a-fA-F]{16,}/g;

/** A Basic `(Proxy-)Authorization` value, e.g. echoed by a gateway: base64 of user:password, cut anywhere. */
const BASIC = /(Basic\s+)[A-Za-z0-9+/=]{4,}/g;

/** Replaces every occurrence of each secret by its mask, every TC3 signature and Basic credential by `…`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text.replace(SIGNATURE, '$1…').replace(BASIC, '$1…');
  // Longest first, so a secret that contains another (token containing the id) is masked whole.
  const ordered = secrets.filter((secret) => typeof secret === 'string' && secret.trim().length >= 4)
    .sort((a, b) => b.length - a.length);
  for (const secret of ordered) {
    if (result.includes(secret)) result = result.split(secret).join(maskSecret(secret));
  }
  return result;
}
