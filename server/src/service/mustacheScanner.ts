// A forgiving scan of `{{ … }}` tags. Handlebars' parser says *that* a template is broken and where
// it gave up (often the end of the file); this scan finds the tag a person has to fix: the `{{`
// that was never closed, the `{{#block}}` that never ends, the `{{/close}}` that matches nothing.
// Its problems are reported only when Handlebars rejects the text; its depth count keeps templates
// that are too deep for Handlebars' parser away from it.

export type StructuralProblem =
  | { kind: 'unclosed-mustache'; start: number; end: number }
  | { kind: 'unclosed-comment'; start: number; end: number }
  | { kind: 'unclosed-block'; start: number; end: number; name: string }
  | { kind: 'stray-block-close'; start: number; end: number; name: string }
  | { kind: 'mismatched-block-close'; start: number; end: number; name: string; openName: string; openStart: number };

interface OpenBlock {
  name: string;
  start: number;
  end: number;
}

const NAME_CHARS = /[^\s{}()~"'=|<>]+/y;

function readName(text: string, from: number): string {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  NAME_CHARS.lastIndex = i;
  const match = NAME_CHARS.exec(text);
  return match ? match[0] : '';
}

/** End of the visible part of an unclosed `{{`: the name typed after it, on the same line. */
function unclosedExtent(text: string, start: number): number {
  let end = start + 2;
  while (end < text.length && !/[\s<{]/.test(text[end])) end++;
  return end;
}

export interface MustacheScan {
  /** At most MAX_REPORTED_PROBLEMS. */
  readonly problems: StructuralProblem[];
  /** Where the first block nested deeper than MAX_BLOCK_DEPTH opens. */
  readonly tooDeepAt?: number;
}

/** Enough to fix a broken template one problem at a time, without flooding the Problems view. */
export const MAX_REPORTED_PROBLEMS = 100;

/**
 * Handlebars' parser slows down quadratically with block depth (4,000 nested blocks take 2–4 s),
 * so deeper templates are not handed to it. Real email templates nest a handful of blocks.
 */
export const MAX_BLOCK_DEPTH = 100;

export function scanMustaches(text: string): MustacheScan {
  const problems: StructuralProblem[] = [];
  const stack: OpenBlock[] = [];
  let tooDeepAt: number | undefined;
  let pos = 0;
  const result = () => ({ problems: problems.slice(0, MAX_REPORTED_PROBLEMS), tooDeepAt });

  while (pos < text.length) {
    const start = text.indexOf('{{', pos);
    if (start < 0) break;
    if (start > 0 && text[start - 1] === '\\' && text[start - 2] !== '\\') {
      pos = start + 2; // `\{{` is literal text in Handlebars
      continue;
    }
    const afterTilde = text[start + 2] === '~' ? start + 3 : start + 2;

    if (text[afterTilde] === '!') {
      const long = text.startsWith('!--', afterTilde);
      const closeEnd = long ? findCommentEnd(text, afterTilde + 3) : endAfter(text, '}}', afterTilde);
      if (closeEnd < 0) {
        problems.push({ kind: 'unclosed-comment', start, end: afterTilde + (long ? 3 : 1) });
        return result();
      }
      pos = closeEnd;
      continue;
    }

    if (text.startsWith('{{{{', start)) {
      // Raw block: its body is literal text up to the matching `{{{{/name}}}}`.
      const openEnd = endAfter(text, '}}}}', start + 4);
      const name = readName(text, start + 4);
      const closeEnd = openEnd < 0 ? -1 : endAfter(text, `{{{{/${name}}}}}`, openEnd);
      if (closeEnd < 0) {
        problems.push({ kind: 'unclosed-block', start, end: openEnd < 0 ? unclosedExtent(text, start) : openEnd, name });
        return result();
      }
      pos = closeEnd;
      continue;
    }

    const close = text.indexOf('}}', start + 2);
    const nextOpen = text.indexOf('{{', start + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      problems.push({ kind: 'unclosed-mustache', start, end: unclosedExtent(text, start) });
      return result();
    }
    let end = close + 2;
    if (text[end] === '}') end++; // the third brace of `{{{unescaped}}}`

    const sigil = text[afterTilde];
    if (sigil === '#' || (sigil === '^' && !/^\^\s*~?$/.test(text.slice(afterTilde, close)))) {
      const nameStart = text[afterTilde + 1] === '>' || text[afterTilde + 1] === '*' ? afterTilde + 2 : afterTilde + 1;
      stack.push({ name: readName(text, nameStart), start, end });
      if (stack.length > MAX_BLOCK_DEPTH && tooDeepAt === undefined) tooDeepAt = start;
    } else if (sigil === '/') {
      const name = readName(text, afterTilde + 1);
      const open = stack.pop();
      if (!open) {
        problems.push({ kind: 'stray-block-close', start, end, name });
      } else if (open.name !== name) {
        problems.push({ kind: 'mismatched-block-close', start, end, name, openName: open.name, openStart: open.start });
      }
    }
    pos = end;
  }

  for (const open of stack) {
    problems.push({ kind: 'unclosed-block', start: open.start, end: open.end, name: open.name });
  }
  return result();
}

function findCommentEnd(text: string, from: number): number {
  const match = /--~?\}\}/g;
  match.lastIndex = from;
  const found = match.exec(text);
  return found ? found.index + found[0].length : -1;
}

function endAfter(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at < 0 ? -1 : at + needle.length;
}
