// The email document changes by a few characters per keystroke, and is hundreds of KB at 200 KB of
// template (the source map's attributes add about half): sending it whole on every update cost tens of
// milliseconds per keystroke between the extension host and the webview (bench:e2e, issue 14). The
// extension sends the change only; the webview applies it to the document it was sent last, and asks
// for the whole document again when it does not hold that one (media/preview/preview.js). Pure.

/** `before` → `after`: [start, end) of `before` replaced by `text`. */
export interface TextPatch {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The smallest single replacement that turns `before` into `after` (common prefix and suffix kept); linear. */
export function textPatch(before: string, after: string): TextPatch {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Back up out of a surrogate pair, so that the kept parts and the text are whole characters.
  if (start > 0 && start < shorter && isLowSurrogate(after.charCodeAt(start))) start--;
  let tail = 0;
  const most = shorter - start;
  while (tail < most && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  if (tail > 0 && tail < most && isLowSurrogate(after.charCodeAt(after.length - tail))) tail--;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** `before` with `patch` applied, or undefined when the patch does not fit it. */
export function applyPatch(before: string, patch: TextPatch): string | undefined {
  const { start, end, text } = patch;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start > end || end > before.length || typeof text !== 'string') return undefined;
  return before.slice(0, start) + text + before.slice(end);
}
