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

/** C0/C1 controls, line and paragraph separators, bidi embeddings/overrides/isolates and marks: they could fake a line of output or reorder what is read. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;
/** The same class, unquantified and without `g` (so `test` keeps no state): is there any? */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSHOWABLE_ONE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Text that came from the network (an API error's code and message, a RequestId), as it may be
 * shown: every secret masked first (so that cutting can never leave part of one visible), then
 * control and bidi characters turned into a space, then cut to `max` characters.
 */
export function shownText(text: string, secrets: readonly string[], max: number): string {
  const clean = redact(text, secrets).replace(UNSHOWABLE, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * Masks the secrets in every string of a parsed answer (a MessageId, a template name, a review
 * reason), in place: an endpoint could echo the key there too. Only secrets of 16 characters or
 * more, which no real answer contains by chance; a shorter one (a proxy password) could occur in a
 * template's base64 content, which must not be corrupted. Iterative: a hostile answer may nest deeply.
 */
export function redactStrings<T>(value: T, secrets: readonly string[]): T {
  const long = secrets.filter((secret) => typeof secret === 'string' && secret.length >= MIN_PARTIAL_LENGTH);
  if (long.length === 0) return value;
  return mapStringsInPlace(value, (text) => (long.some((secret) => text.includes(secret)) ? redact(text, long) : text));
}

/**
 * Every string of a successful answer (template names, review reasons, identity names, DNS values,
 * MessageIds) with its control and bidi characters turned into spaces, in place: the account trees,
 * notifications and the CLI show them, and a hostile endpoint could fake a line or reorder what is
 * read with them. Answers carry no legitimate control character (contents are base64). Iterative.
 */
export function showableStrings<T>(value: T): T {
  return mapStringsInPlace(value, (text) => (UNSHOWABLE_ONE.test(text) ? text.replace(UNSHOWABLE, ' ') : text));
}

/** Every string of `value` (a string, or anything nested in objects and arrays) replaced by `fix(string)`, in place. Iterative: a hostile answer may nest deeply. */
function mapStringsInPlace<T>(value: T, fix: (text: string) => string): T {
  if (typeof value === 'string') return fix(value) as T;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (typeof child === 'string') record[key] = fix(child);
      else if (typeof child === 'object' && child !== null) pending.push(child);
    }
  }
  return value;
}
