// A light model of an HTML part for the checks: elements with their attributes (and offsets), the
// visible text between tags, and the CSS `url(...)` occurrences. Hand-written rather than a parser
// package: checks need offsets and raw attribute values, not a DOM nor entity tables (htmlparser2
// with its `entities` dependency adds about 180 KB to the bundle), and one linear pass costs less
// than the Handlebars parse of the same text. `{{…}}` is opaque everywhere inside a tag, so that
// `src="{{logo_url}}"`, `href={{link}}` and `<td {{#if a}}…{{/if}}>` keep their variables.
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface HtmlAttribute {
  /** Lower case. */
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** The raw value as written (entities not decoded, `{{variables}}` kept); undefined without `=`. */
  readonly value?: string;
  /** Offsets of the value inside its quotes; both equal `nameEnd` without a value. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface HtmlElement {
  /** Lower case. */
  readonly tag: string;
  /** Offset of `<`, end of the tag name, and offset after the start tag's `>` (or the end of the text). */
  readonly start: number;
  readonly nameEnd: number;
  readonly end: number;
  readonly attributes: readonly HtmlAttribute[];
  readonly selfClosing: boolean;
  /** Offset of the matching end tag `</tag`, when there is one. The content is [end, closeStart). */
  closeStart?: number;
}

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface CssUrl {
  /** The raw URL without quotes, and its offsets. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** The CSS property it is the value of, lower case (`background-image`, `src`), or `@import`. */
  readonly property: string;
  /** The `<style>` element, or the element whose `style` attribute holds it. */
  readonly element: HtmlElement;
}

export interface HtmlModel {
  /** Every start tag, in document order. */
  readonly elements: readonly HtmlElement[];
  /** Text between tags, outside comments, `<script>`, `<style>`, `<title>` and `<textarea>`. */
  readonly texts: readonly TextRange[];
  readonly cssUrls: readonly CssUrl[];
  /** The elements with a `background` attribute, in document order. */
  readonly backgrounds: readonly HtmlElement[];
  /** The elements with this (lower-case) tag name, in document order. */
  named(tag: string): readonly HtmlElement[];
}

/** The value of attribute `name` (lower case) of `element`, the first when repeated. */
export function attribute(element: HtmlElement, name: string): HtmlAttribute | undefined {
  for (const a of element.attributes) if (a.name === name) return a;
  return undefined;
}

/** An element whose attributes are scanned on first use: most elements are never asked for theirs. */
class Element implements HtmlElement {
  closeStart?: number = undefined;
  constructor(
    private readonly text: string,
    readonly tag: string,
    readonly start: number,
    readonly nameEnd: number,
    readonly end: number,
    readonly selfClosing: boolean,
    private scanned: HtmlAttribute[] | undefined,
  ) {}
  get attributes(): readonly HtmlAttribute[] {
    if (!this.scanned) {
      this.scanned = [];
      scanTag(this.text, this.nameEnd, this.scanned);
    }
    return this.scanned;
  }
}

/** Tags whose attributes the checks always read: scanned into objects at once. */
const EAGER = new Set(['img', 'a']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
/** How far up the open elements an end tag looks for its start tag: unclosed tags cost nothing more. */
const MATCH_DEPTH = 64;

/**
 * Models of the most recently checked documents, by URI. Bounded: a model is a few times the size of
 * its text, and a workspace with thousands of open templates must not keep one per document.
 */
const cache = new Map<string, { document: TextDocument; version: number; model: HtmlModel }>();
const CACHE_SIZE = 32;

/** The model of a part's document, parsed once per document version and shared by every check. */
export function htmlModelOf(part: { readonly document: TextDocument }): HtmlModel {
  const { document } = part;
  const cached = cache.get(document.uri);
  // The same document object at the same version: the server updates open documents in place.
  if (cached && cached.document === document && cached.version === document.version) return cached.model;
  const model = parseHtml(document.getText());
  cache.delete(document.uri);
  cache.set(document.uri, { document, version: document.version, model });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return model;
}

/** `s` in lower case, without a new string when it already is (nearly always). */
function lower(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c > 127) return s.toLowerCase();
  }
  return s;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

export interface ParseOptions {
  /** Keep whitespace-only text ranges too (the preview's derived plain text needs the spaces between tags). */
  readonly blankTexts?: boolean;
}

/** Parses `text` in one pass. Never throws; anything that is not a tag is text. */
export function parseHtml(text: string, options: ParseOptions = {}): HtmlModel {
  const n = text.length;
  const elements: HtmlElement[] = [];
  const texts: TextRange[] = [];
  const cssUrls: CssUrl[] = [];
  const byTag = new Map<string, HtmlElement[]>();
  const open: HtmlElement[] = [];
  const backgrounds: HtmlElement[] = [];
  /** Offsets of every `url(`: a style attribute is only looked into when one falls inside its tag. */
  const urls: number[] = [];
  for (let u = text.indexOf('url('); u >= 0; u = text.indexOf('url(', u + 4)) urls.push(u);
  let nextUrl = 0;
  /** Text between tags, unless it is only whitespace (most of it, between table tags). */
  const blankTexts = options.blankTexts === true;
  const addText = (start: number, end: number) => {
    if (blankTexts) {
      if (end > start) texts.push({ start, end });
      return;
    }
    for (let k = start; k < end; k++) {
      if (!isSpace(text.charCodeAt(k))) {
        texts.push({ start, end });
        return;
      }
    }
  };
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      addText(i, n);
      break;
    }
    const c = text.charCodeAt(lt + 1);
    if (c === 33 /* ! */ || c === 63 /* ? */) {
      addText(i, lt);
      if (text.startsWith('<!--', lt)) {
        const close = text.indexOf('-->', lt + 4);
        i = close < 0 ? n : close + 3;
      } else {
        const close = text.indexOf('>', lt + 2);
        i = close < 0 ? n : close + 1;
      }
      continue;
    }
    if (c === 47 /* / */ && isLetter(text.charCodeAt(lt + 2))) {
      addText(i, lt);
      let j = lt + 2;
      while (j < n && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 62 && text.charCodeAt(j) !== 47) j++;
      const name = lower(text.slice(lt + 2, j));
      for (let k = open.length - 1; k >= 0 && k >= open.length - MATCH_DEPTH; k--) {
        if (open[k].tag === name) {
          open[k].closeStart = lt;
          open.length = k;
          break;
        }
      }
      const close = text.indexOf('>', j);
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (!isLetter(c)) {
      addText(i, lt + 1);
      i = lt + 1;
      continue;
    }
    addText(i, lt);

    // A start tag: its name, then attributes up to `>`.
    let j = lt + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isSpace(d) || d === 62 || d === 47 || (d === 123 && text.charCodeAt(j + 1) === 123)) break;
      j++;
    }
    const tag = lower(text.slice(lt + 1, j));
    const nameEnd = j;
    const eager = EAGER.has(tag) ? [] : undefined;
    scanTag(text, j, eager);
    const { end, selfClosing } = tagScan;
    const element = new Element(text, tag, lt, nameEnd, end, selfClosing, eager);
    if (tagScan.background) backgrounds.push(element);
    elements.push(element);
    let list = byTag.get(tag);
    if (!list) byTag.set(tag, (list = []));
    list.push(element);
    while (nextUrl < urls.length && urls[nextUrl] < lt) nextUrl++;
    if (nextUrl < urls.length && urls[nextUrl] < end) {
      const style = attribute(element, 'style');
      if (style?.value !== undefined && style.value.includes('url(')) findCssUrls(text, style.valueStart, style.valueEnd, element, cssUrls);
    }
    i = Math.max(end, lt + 1);

    if (RAW_TEXT.has(tag) && !selfClosing) {
      const closer = new RegExp(`</${tag}[\\s/>]|</${tag}$`, 'gi');
      closer.lastIndex = i;
      const match = closer.exec(text);
      const close = match ? match.index : n;
      element.closeStart = match ? close : undefined;
      if (tag === 'style') findCssUrls(text, i, close, element, cssUrls);
      const gt = match ? text.indexOf('>', close) : -1;
      i = gt < 0 ? n : gt + 1;
    } else if (!VOID.has(tag) && !selfClosing) {
      open.push(element);
    }
  }
  return { elements, texts, cssUrls, backgrounds, named: (tag) => byTag.get(tag) ?? [] };
}

/** What `scanTag` found; one object reused, so that scanning allocates nothing. */
const tagScan = { end: 0, selfClosing: false, background: false };

/**
 * Scans the attributes of a start tag from `j` (after its name) to its end, into `out` when given.
 * Sets `tagScan`: the offset after the tag, whether it ends with `/>`, whether it has a `background` attribute.
 */
function scanTag(text: string, j: number, out: HtmlAttribute[] | undefined): void {
  const n = text.length;
  tagScan.end = n;
  tagScan.selfClosing = false;
  tagScan.background = false;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (isSpace(d)) {
      j++;
      continue;
    }
    if (d === 62) {
      tagScan.end = j + 1;
      break;
    }
    if (d === 47 && text.charCodeAt(j + 1) === 62) {
      tagScan.selfClosing = true;
      tagScan.end = j + 2;
      break;
    }
    if (d === 123 && text.charCodeAt(j + 1) === 123) {
      j = skipMustache(text, j);
      continue;
    }
    if (d === 60 /* < */) {
      // `<img src="a" <p>`: the tag was never closed; the next one starts here.
      tagScan.end = j;
      break;
    }
    // An attribute name.
    const nameStart = j;
    while (j < n) {
      const e = text.charCodeAt(j);
      if (isSpace(e) || e === 61 || e === 62 || e === 60 || (e === 47 && text.charCodeAt(j + 1) === 62) || (e === 123 && text.charCodeAt(j + 1) === 123)) break;
      j++;
    }
    if (j === nameStart) {
      j++; // a stray `/` or `=`
      continue;
    }
    if (j - nameStart === 10 && lower(text.slice(nameStart, j)) === 'background') tagScan.background = true;
    const name = out ? lower(text.slice(nameStart, j)) : '';
    let k = j;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) !== 61) {
      out?.push({ name, nameStart, nameEnd: j, valueStart: j, valueEnd: j });
      continue;
    }
    k++;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    const q = text.charCodeAt(k);
    let valueStart: number;
    let valueEnd: number;
    if (q === 34 || q === 39) {
      valueStart = k + 1;
      let m = valueStart;
      while (m < n) {
        const e = text.charCodeAt(m);
        if (e === q) break;
        if (e === 123 && text.charCodeAt(m + 1) === 123) {
          m = skipMustache(text, m); // `"{{link "a"}}"` keeps its inner quotes
          continue;
        }
        m++;
      }
      valueEnd = Math.min(m, n);
      j = Math.min(m + 1, n);
    } else {
      valueStart = k;
      let m = k;
      while (m < n) {
        const e = text.charCodeAt(m);
        if (isSpace(e) || e === 62) break;
        if (e === 123 && text.charCodeAt(m + 1) === 123) {
          m = skipMustache(text, m);
          continue;
        }
        m++;
      }
      valueEnd = m;
      j = m;
    }
    out?.push({ name, nameStart, nameEnd: nameStart + name.length, value: text.slice(valueStart, valueEnd), valueStart, valueEnd });
  }
}

/**
 * `text.indexOf(needle, from)`, remembering the last answer: the searches of one parse go forward, and
 * a `{{` without `}}` in each of thousands of tags would otherwise search to the end each time (quadratic).
 */
class ForwardSearch {
  private text = '';
  private from = 0;
  private found = -1;
  constructor(private readonly needle: string) {}
  indexOf(text: string, from: number): number {
    if (text === this.text && from >= this.from && (this.found < 0 || from <= this.found)) return this.found;
    this.text = text;
    this.from = from;
    this.found = text.indexOf(this.needle, from);
    return this.found;
  }
}
const closingBraces = new ForwardSearch('}}');
const closingAngle = new ForwardSearch('>');

/** Offset after the `}}` closing a `{{` at `i`; just after the `{{` when a `>` comes first (a broken tag). */
function skipMustache(text: string, i: number): number {
  const close = closingBraces.indexOf(text, i + 2);
  if (close < 0) return i + 2;
  const gt = closingAngle.indexOf(text, i + 2);
  if (gt >= 0 && gt < close) return i + 2;
  let j = close + 2;
  while (j < text.length && text.charCodeAt(j) === 125) j++; // `}}}`
  return j;
}

const URL_OPENER = /url\(/gi;
const isCssSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
/** Ends an unquoted url( value: `)`, a quote or white space. */
const endsUnquoted = (c: string) => c === ')' || c === '"' || c === "'" || isCssSpace(c);

/**
 * The value of the `url(` whose `(` ends at `i`: `url( "x" )`, `url('x')` or `url(x)`, as the pattern
 * /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/ would match, scanned by hand: that pattern
 * backtracks over everything after an unclosed `url(` once per `url(`, quadratic on hostile CSS.
 * On failure, `resume` is where the next `url(` may start matching (see findCssUrls).
 */
function cssUrlAt(css: string, i: number): { value: string; valueStart: number; end: number } | { resume: number } {
  let j = i;
  while (isCssSpace(css[j])) j++;
  const quote = css[j];
  let value: string;
  let valueStart: number;
  let k: number;
  if (quote === '"' || quote === "'") {
    const close = css.indexOf(quote, j + 1);
    if (close < 0) return { resume: i };
    valueStart = j + 1;
    value = css.slice(valueStart, close);
    k = close + 1;
  } else {
    valueStart = j;
    k = j;
    while (k < css.length && !endsUnquoted(css[k])) k++;
    value = css.slice(valueStart, k);
  }
  const afterValue = k;
  while (isCssSpace(css[k])) k++;
  if (css[k] === ')') return { value, valueStart, end: k + 1 };
  // Unquoted: every `url(` before the end of this value ends at the same place and fails alike.
  return { resume: quote === '"' || quote === "'" ? i : afterValue };
}

/** The `url(...)` occurrences of the CSS at [start, end) of `text`, with the property each belongs to. */
function findCssUrls(text: string, start: number, end: number, element: HtmlElement, out: CssUrl[]): void {
  const css = text.slice(start, end);
  URL_OPENER.lastIndex = 0;
  for (let match = URL_OPENER.exec(css); match; match = URL_OPENER.exec(css)) {
    const found = cssUrlAt(css, match.index + 4);
    if ('resume' in found) {
      URL_OPENER.lastIndex = Math.max(URL_OPENER.lastIndex, found.resume);
      continue;
    }
    URL_OPENER.lastIndex = found.end; // as a global pattern would continue: after the `)`
    out.push({ value: found.value, start: start + found.valueStart, end: start + found.valueStart + found.value.length, property: propertyBefore(css, match.index), element });
  }
}

/** How far back a property name is looked for: a declaration is short; a 1 MB one without `;` is not CSS. */
const MAX_DECLARATION = 1000;

/** The property name of the declaration that the value at `index` is part of. */
function propertyBefore(css: string, index: number): string {
  let k = index - 1;
  let colon = -1;
  const limit = Math.max(-1, index - MAX_DECLARATION);
  for (; k > limit; k--) {
    const c = css[k];
    if (c === ';' || c === '{' || c === '}') break;
    if (c === ':' && colon < 0) colon = k;
  }
  const declaration = css.slice(k + 1, colon < 0 ? index : colon).trim().toLowerCase();
  if (colon < 0) return declaration.startsWith('@import') ? '@import' : '';
  return declaration.replace(/^.*[\s{]/, '');
}

/** Decodes the character references an attribute value may use in a URL. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos|nbsp);?/gi, (all, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower[0] === '#') {
      const code = lower[1] === 'x' ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[lower] ?? all;
  });
}
