// jsonc-parser recurses once per array or object level: 10,000 levels overflow the stack. Every
// reader of a user's JSON file (data sets, ses.config.json, on the server and in the client) asks
// this first and treats a deeper file as unreadable. Pure: no vscode, no file system.

/** Deeper than any data set or ses.config.json written by hand; far below what overflows the stack. */
export const MAX_JSON_DEPTH = 100;

/** Offset of the first `[` or `{` (outside strings) that opens more than `limit` levels, if any. */
export function nestingBeyond(text: string, limit = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22 || c === 0x0a || c === 0x0d) inString = false; // a line break ends an unterminated string, as in the parser
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Whether jsonc-parser may be given `text` without risking a stack overflow. */
export function safeToParse(text: string): boolean {
  return nestingBeyond(text) === undefined;
}
