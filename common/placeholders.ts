// The `{{name}}`, `{{ name }}` and `{{{name}}}` placeholders of an attribute value, a URL or a line
// of text, found by one scan: the pattern this replaces (`\{\{\{?\s*([^{}]*?)\s*\}?\}\}`) put two
// white-space runs around a lazy run that also takes white space, so `{{` followed by thousands of
// spaces backtracked cubically (22 s for a 4 KB template). Shared by the HTML checks and the online
// check. Pure.

export interface Placeholder {
  /** Offsets of the whole `{{…}}` in the text. */
  readonly start: number;
  readonly end: number;
  /** What is between the braces, white space trimmed: a name, or a construct (`#if x`, `!comment`). */
  readonly inner: string;
}

/**
 * Every placeholder of `text`, left to right, as the old pattern matched them: `{{`, an optional
 * third `{`, a run without braces, then `}}` or `}}}`. A `{{` whose run ends at another brace is no
 * placeholder; the search goes on from the next character.
 */
export function placeholdersIn(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  let from = 0;
  for (let start = text.indexOf('{{', from); start >= 0; start = text.indexOf('{{', from)) {
    let at = start + 2;
    if (text.charCodeAt(at) === 0x7b) at++; // a third `{`
    const innerStart = at;
    while (at < text.length && text.charCodeAt(at) !== 0x7b && text.charCodeAt(at) !== 0x7d) at++;
    const innerEnd = at;
    let end = -1;
    if (text.startsWith('}}}', at)) end = at + 3;
    else if (text.startsWith('}}', at)) end = at + 2;
    if (end < 0) {
      from = start + 1;
      continue;
    }
    found.push({ start, end, inner: text.slice(innerStart, innerEnd).trim() });
    from = end;
  }
  return found;
}

/** `text` with each placeholder replaced by `replace(inner)`. */
export function replacePlaceholders(text: string, replace: (inner: string) => string): string {
  let out = '';
  let at = 0;
  for (const p of placeholdersIn(text)) {
    out += text.slice(at, p.start) + replace(p.inner);
    at = p.end;
  }
  return out + text.slice(at);
}
