// Removes every `<link>` element from the email document. A `<link rel=prefetch>` (or preload,
// preconnect, dns-prefetch, prerender) requests its URL whenever *any* directive of the policy allows
// it, so the HTML view, which must let images load, cannot block it by policy; and no `<link>` does
// anything the preview wants (style sheets are blocked by policy: mail clients mostly drop them).
//
// This scan is deliberately not the language server's lenient HTML model: it is a security boundary,
// so it looks at every `<link` in the text, wherever it is (in comments, in raw text, in attribute
// values: removing text there is harmless), and ends each tag as the browser's tokenizer does. Each
// removed tag becomes an empty comment, so that the text around it cannot join into a new `<link`.
// Linear: one forward scan, each character looked at a bounded number of times. Pure: no vscode import.

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
const isLinkName = (text: string, i: number) => {
  // `<link` (any case) followed by what ends a tag name: white space, `/` or `>`.
  const c = text.charCodeAt(i + 5);
  return text.length > i + 5 && text.slice(i + 1, i + 5).toLowerCase() === 'link' && (isSpace(c) || c === 47 || c === 62);
};

const enum State { BeforeName, Name, AfterName, BeforeValue, Unquoted, AfterQuoted, SelfClosing }

/**
 * Where the start tag whose attributes begin at `j` ends, as HTML's tokenizer decides (its attribute
 * and value states, which is all that decides where a tag ends): the offset after its `>`, or the end
 * of the text (the browser drops an unterminated tag).
 */
export function startTagEnd(text: string, j: number): number {
  const n = text.length;
  let state = State.BeforeName;
  while (j < n) {
    const c = text.charCodeAt(j);
    switch (state) {
      case State.BeforeName:
      case State.AfterName:
        if (c === 62) return j + 1;
        if (c === 47) state = State.SelfClosing;
        // `=` before a name starts a name (`<link ="a>` ends at that `>`); after a name it starts the value.
        else if (c === 61) state = state === State.AfterName ? State.BeforeValue : State.Name;
        else if (!isSpace(c)) state = State.Name;
        j++;
        break;
      case State.Name:
        if (c === 62) return j + 1;
        if (isSpace(c)) state = State.AfterName;
        else if (c === 47) state = State.SelfClosing;
        else if (c === 61) state = State.BeforeValue;
        j++;
        break;
      case State.BeforeValue:
        if (c === 62) return j + 1;
        if (c === 34 || c === 39) {
          const close = text.indexOf(c === 34 ? '"' : "'", j + 1);
          if (close < 0) return n;
          j = close + 1;
          state = State.AfterQuoted;
        } else if (isSpace(c)) {
          j++;
        } else {
          state = State.Unquoted;
        }
        break;
      case State.Unquoted:
        if (c === 62) return j + 1;
        if (isSpace(c)) state = State.BeforeName;
        j++;
        break;
      case State.AfterQuoted:
      case State.SelfClosing:
        if (c === 62) return j + 1;
        if (isSpace(c)) {
          state = State.BeforeName;
          j++;
        } else if (c === 47) {
          state = State.SelfClosing;
          j++;
        } else {
          state = State.BeforeName; // reconsumed
        }
        break;
    }
  }
  return n;
}

/** `html` without its `<link>` elements; the same string when it has none. */
export function withoutLinkElements(html: string): string {
  let out = '';
  let last = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    if (!isLinkName(html, i)) continue;
    const end = startTagEnd(html, i + 5);
    out += html.slice(last, i) + '<!---->';
    last = end;
    i = end - 1;
  }
  return last === 0 ? html : out + html.slice(last);
}
