// Trimming a run of given characters off the end (or start) of a text by one scan from that end.
// The regular expression `[…]+$` is quadratic: it tries every start of a run inside the text and
// scans the run each time before failing at the character after it (`https://a/` + 100,000 dots +
// `x`). Pure.

/** `text` without the run of characters of `chars` at its end. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `text` without the run of characters of `chars` at its start. */
export function trimStartOf(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start])) start++;
  return text.slice(start);
}

/** JavaScript's white space (what `\s` matches), for trimEndOf and trimStartOf. */
export const WHITE_SPACE = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
