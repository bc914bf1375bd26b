// What the contrast and text-size checks share: for each text of an HTML part, the colour, background
// and font size it gets from inline styles and presentational attributes (`bgcolor`, `<font>`), walking
// up its ancestors. Anything the part's own `<style>` sheet may change, a background image, a
// `{{variable}}` or an unknown unit makes the value unknown: unknown is never judged, so the checks
// stay quiet rather than guess. Computed once per part and validation, lazily: only the ancestors of
// text are looked at, so attribute scanning stays off elements that hold no text.
import type { HtmlAttribute, HtmlElement, HtmlModel, TextRange } from '#common/htmlModel';
import { attribute, decodeEntities } from '#common/htmlModel';
import { parseColor, type Rgba } from '#common/cssColor';

/** A CSS declaration of an inline style (or a presentational attribute), with the offsets of its value. */
export interface Declaration {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

interface ElementStyle {
  color?: Declaration;
  background?: Declaration;
  /** `background-image`, a `background` shorthand with `url(`/a gradient, or a `background` attribute. */
  backgroundImage: boolean;
  fontSize?: Declaration;
  bold: boolean;
  hidden: boolean;
}

/** A resolved value and the element that set it (-1: the mail client's default). */
export interface Resolved<T> {
  readonly value: T;
  readonly source: number;
}

export const UNKNOWN = undefined;
const DEFAULT_TEXT: Rgba = { r: 0, g: 0, b: 0, a: 1 };
const DEFAULT_BACKGROUND: Rgba = { r: 255, g: 255, b: 255, a: 1 };
const DEFAULT_SIZE = 16;
/** Default sizes of the headings (CSS 2 user-agent sheet), in px. */
const HEADING_SIZE: Readonly<Record<string, number>> = { h1: 32, h2: 24, h3: 18.72, h4: 16, h5: 13.28, h6: 10.72 };
const BOLD_TAGS = new Set(['b', 'strong', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const FONT_SIZES = [0, 10, 13, 16, 18, 24, 32, 48];
const KEYWORD_SIZES: Readonly<Record<string, number>> = { 'xx-small': 9, 'x-small': 10, small: 13, medium: 16, large: 18, 'x-large': 24, 'xx-large': 32 };

/** Keys of the elements a `<style>` rule may reach: `t:td`, `c:button`, `i:header`, `*`. */
type Targets = Set<string>;

export class PartStyles {
  /** Index of each element's parent, -1 at the top. */
  readonly parents: Int32Array;
  /** Index of the innermost element holding each text, -1 for text outside every element. */
  readonly owners: Int32Array;
  private readonly styles: Array<ElementStyle | undefined>;
  /** 1 for the elements whose start tag has an attribute that may style text: the others are never scanned. */
  private readonly styled: Uint8Array;
  private readonly colors: Memo<Resolved<Rgba> | undefined>;
  private readonly backgrounds: Memo<Resolved<Rgba> | undefined>;
  private readonly sizes: Memo<Resolved<number> | undefined>;
  private readonly hiddens: Memo<boolean>;
  private readonly sheet: { color: Targets; background: Targets; size: Targets };

  constructor(
    private readonly text: string,
    readonly html: HtmlModel,
  ) {
    const { elements, texts } = html;
    this.parents = new Int32Array(elements.length);
    this.owners = new Int32Array(texts.length);
    this.styles = new Array<ElementStyle | undefined>(elements.length);
    this.colors = memo(elements.length);
    this.backgrounds = memo(elements.length);
    this.sizes = memo(elements.length);
    this.hiddens = memo(elements.length);
    // One sweep in document order: a stack of open elements, each with the offset where it ends (its
    // end tag, else its parent's end: an unclosed element runs on until its parent closes).
    const stack: Array<{ index: number; end: number }> = [];
    let t = 0;
    const assignTexts = (upTo: number) => {
      for (; t < texts.length && texts[t].start < upTo; t++) {
        while (stack.length > 0 && stack[stack.length - 1].end <= texts[t].start) stack.pop();
        this.owners[t] = stack.length > 0 ? stack[stack.length - 1].index : -1;
      }
    };
    for (let k = 0; k < elements.length; k++) {
      const element = elements[k];
      assignTexts(element.start);
      while (stack.length > 0 && stack[stack.length - 1].end <= element.start) stack.pop();
      const parent = stack.length > 0 ? stack[stack.length - 1] : undefined;
      this.parents[k] = parent ? parent.index : -1;
      const parentEnd = parent ? parent.end : text.length;
      const end = element.closeStart ?? (VOID.has(element.tag) || element.selfClosing ? element.end : parentEnd);
      if (end > element.end) stack.push({ index: k, end: Math.min(end, parentEnd) });
    }
    assignTexts(text.length);
    this.styled = styledElements(text, elements);
    this.sheet = sheetTargets(text, html);
  }

  /** The visible characters of text `t` (entities decoded), or '' when it shows nothing to read. */
  readable(range: TextRange): string {
    const value = decodeEntities(this.text.slice(range.start, range.end));
    return /[\p{L}\p{N}]/u.test(value) ? value : '';
  }

  element(k: number): HtmlElement {
    return this.html.elements[k];
  }

  private style(k: number): ElementStyle {
    let found = this.styles[k];
    if (!found) {
      const element = this.html.elements[k];
      this.styles[k] = found = this.styled[k] === 1 ? elementStyle(element) : { backgroundImage: false, bold: BOLD_TAGS.has(element.tag), hidden: false };
    }
    return found;
  }

  /** Whether element `k` (or an ancestor) hides its content: a preheader, an Outlook-only block. */
  hidden(k: number): boolean {
    return this.resolveUp(k, this.hiddens, (e, parent) => this.style(e).hidden || parent === true);
  }

  /** The text colour inside element `k` (-1: outside every element); undefined when unknown. */
  color(k: number): Resolved<Rgba> | undefined {
    if (k < 0) return { value: DEFAULT_TEXT, source: -1 };
    return this.resolveUp(k, this.colors, (e, parent) => {
      const own = this.style(e).color;
      if (own) {
        const color = own.value.includes('{{') ? undefined : parseColor(own.value);
        if (!color) return UNKNOWN;
        return { value: color, source: e };
      }
      const element = this.element(e);
      // A link without a colour of its own takes the client's link colour, not its parent's.
      if (element.tag === 'a' || matches(this.sheet.color, element)) return UNKNOWN;
      return parent === null ? { value: DEFAULT_TEXT, source: -1 } : parent;
    });
  }

  /** The opaque background behind the content of element `k`; undefined when unknown (an image, a variable). */
  background(k: number): Resolved<Rgba> | undefined {
    if (k < 0) return { value: DEFAULT_BACKGROUND, source: -1 };
    return this.resolveUp(k, this.backgrounds, (e, parent) => {
      const style = this.style(e);
      if (style.backgroundImage) return UNKNOWN;
      if (style.background) {
        const color = style.background.value.includes('{{') ? undefined : parseColor(style.background.value);
        if (!color) return UNKNOWN;
        if (color.a === 0) return parent === null ? { value: DEFAULT_BACKGROUND, source: -1 } : parent;
        if (color.a < 1) return UNKNOWN;
        return { value: color, source: e };
      }
      if (matches(this.sheet.background, this.element(e))) return UNKNOWN;
      return parent === null ? { value: DEFAULT_BACKGROUND, source: -1 } : parent;
    });
  }

  /** The font size in px inside element `k`, and the element whose declaration sets it; undefined when unknown. */
  fontSize(k: number): Resolved<number> | undefined {
    if (k < 0) return { value: DEFAULT_SIZE, source: -1 };
    return this.resolveUp(k, this.sizes, (e, parent) => {
      const own = this.style(e).fontSize;
      const element = this.element(e);
      const inherited = parent === null ? DEFAULT_SIZE : parent?.value;
      if (own) {
        if (inherited === undefined) return UNKNOWN;
        const px = own.value.includes('{{') ? undefined : toPx(own.value, inherited);
        return px === undefined ? UNKNOWN : { value: px, source: e };
      }
      if (matches(this.sheet.size, element)) return UNKNOWN;
      const heading = HEADING_SIZE[element.tag];
      if (heading !== undefined) return { value: heading, source: -1 };
      return parent === null ? { value: DEFAULT_SIZE, source: -1 } : parent;
    });
  }

  /** Whether the text inside element `k` is bold (a bold tag or `font-weight` on the way up). */
  bold(k: number): boolean {
    for (let e = k; e >= 0; e = this.parents[e]) if (this.style(e).bold) return true;
    return false;
  }

  /** The declaration that sets the text colour at element `k` (`color`, `<font color>`), for a finding's range. */
  colorDeclaration(k: number): Declaration | undefined {
    return this.style(k).color;
  }

  /** The declaration that sets the font size at element `k`, for a finding's range. */
  fontSizeDeclaration(k: number): Declaration | undefined {
    return this.style(k).fontSize;
  }

  /**
   * Resolves a value that each element takes from its own declarations or else from its parent
   * (`parent` is null at the top), memoised; iterative, so that deep nesting cannot overflow the stack.
   */
  private resolveUp<T>(k: number, memo: Memo<T>, own: (e: number, parent: T | null) => T): T {
    if (memo.done[k] === 1) return memo.values[k];
    const chain: number[] = [];
    for (let e = k; e >= 0 && memo.done[e] !== 1; e = this.parents[e]) chain.push(e);
    for (let i = chain.length - 1; i >= 0; i--) {
      const e = chain[i];
      const p = this.parents[e];
      memo.values[e] = own(e, p < 0 ? null : memo.values[p]);
      memo.done[e] = 1;
    }
    return memo.values[k];
  }
}

/** Attribute names that style text, as they end: `style`, `bgcolor`, `color`, `size`, `background`, `hidden`. */
const STYLING = /(?:style|color|size|background|hidden)\s*=|\shidden[\s/>]/gi;

/** Marks the elements whose start tag contains one of the STYLING attributes: one scan of the text. */
function styledElements(text: string, elements: readonly HtmlElement[]): Uint8Array {
  const styled = new Uint8Array(elements.length);
  let k = 0;
  STYLING.lastIndex = 0;
  for (let match = STYLING.exec(text); match && k < elements.length; match = STYLING.exec(text)) {
    while (k < elements.length && elements[k].end <= match.index) k++;
    if (k < elements.length && elements[k].start < match.index) styled[k] = 1;
  }
  return styled;
}

interface Memo<T> {
  readonly done: Uint8Array;
  readonly values: T[];
}

const memo = <T>(n: number): Memo<T> => ({ done: new Uint8Array(n), values: new Array<T>(n) });

/** Elements that never hold content; any other element without an end tag runs on until its parent closes. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const analyses = new WeakMap<HtmlModel, PartStyles>();

/** The styles of a part, computed once per model (a model is parsed once per document version). */
export function partStyles(text: string, html: HtmlModel): PartStyles {
  let found = analyses.get(html);
  if (!found) analyses.set(html, (found = new PartStyles(text, html)));
  return found;
}

/** The declarations of an inline `style` value starting at `offset`: `prop: value` split on `;`. */
export function declarations(style: string, offset: number): Map<string, Declaration> {
  const found = new Map<string, Declaration>();
  forEachDeclaration(style, offset, (property, declaration) => found.set(property, declaration));
  return found;
}

/** The properties that colour, size or hide text: the others are skipped without a look at their value. */
const RELEVANT = new Set(['color', 'background', 'background-color', 'background-image', 'font-size', 'font', 'font-weight', 'display', 'visibility', 'mso-hide', 'opacity', 'max-height', 'height']);

const isCssSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/** Calls `visit` with each declaration of `style` (property lower case, `!important` dropped). */
function forEachDeclaration(style: string, offset: number, visit: (property: string, declaration: Declaration) => void): void {
  let at = 0;
  while (at <= style.length) {
    let semi = style.indexOf(';', at);
    if (semi < 0) semi = style.length;
    const colon = style.indexOf(':', at);
    if (colon >= 0 && colon < semi) {
      const property = style.slice(at, colon).trim().toLowerCase();
      if (!RELEVANT.has(property)) {
        at = semi + 1;
        continue;
      }
      let start = colon + 1;
      let end = semi;
      while (start < end && isCssSpace(style.charCodeAt(start))) start++;
      while (end > start && isCssSpace(style.charCodeAt(end - 1))) end--;
      let value = style.slice(start, end);
      if (value.includes('!')) {
        const important = value.toLowerCase().lastIndexOf('!important');
        if (important >= 0) value = value.slice(0, important).trim();
      }
      visit(property, { value: decodeEntities(value), start: offset + start, end: offset + end });
    }
    at = semi + 1;
  }
}

function elementStyle(element: HtmlElement): ElementStyle {
  const style: ElementStyle = { backgroundImage: false, bold: BOLD_TAGS.has(element.tag), hidden: false };
  const isFont = element.tag === 'font';
  let inline: HtmlAttribute | undefined;
  for (const a of element.attributes) {
    switch (a.name) {
      case 'style':
        inline ??= a;
        break;
      case 'hidden':
        style.hidden = true;
        break;
      case 'bgcolor':
        if (a.value !== undefined) style.background ??= valueOf(a);
        break;
      case 'background':
        style.backgroundImage = true;
        break;
      case 'color':
        if (isFont && a.value !== undefined) style.color ??= valueOf(a);
        break;
      case 'size':
        if (isFont && a.value !== undefined && !style.fontSize) {
          const size = valueOf(a);
          const n = Number(size.value);
          // `<font size>` 1–7 (a `+1`/`-1` relative size is not resolved: unknown).
          style.fontSize = { ...size, value: Number.isInteger(n) && n >= 1 && n <= 7 ? `${FONT_SIZES[n]}px` : '?' };
        }
        break;
    }
  }
  if (inline?.value !== undefined) forEachDeclaration(inline.value, inline.valueStart, (property, d) => applyDeclaration(style, property, d));
  return style;
}

const valueOf = (a: HtmlAttribute): Declaration => ({ value: decodeEntities(a.value ?? '').trim(), start: a.valueStart, end: a.valueEnd });

function applyDeclaration(style: ElementStyle, property: string, d: Declaration): void {
  const value = d.value;
  switch (property) {
    case 'color':
      style.color = d;
      break;
    case 'background-color':
      style.background = d;
      break;
    case 'background-image':
      style.backgroundImage ||= value.toLowerCase() !== 'none';
      break;
    case 'background': {
      const lower = value.toLowerCase();
      if (lower.includes('url(') || lower.includes('gradient(')) {
        style.backgroundImage = true;
        break;
      }
      // The shorthand's colour is its one word that parses as a colour: `#fff`, `#fff no-repeat`.
      const words = lower.split(' ').filter((w) => w !== '');
      const color = words.find((w) => parseColor(w) !== undefined);
      if (color !== undefined) style.background = { ...d, value: color };
      else if (words.length > 0 && words[0] !== 'none' && words[0] !== 'initial') style.background = { ...d, value: '?' };
      break;
    }
    case 'font-size':
      style.fontSize = d;
      if (parseFloat(value) === 0 || value === '1px') style.hidden = true; // the 0/1 px hiding trick
      break;
    case 'font':
      style.fontSize = { ...d, value: '?' }; // a shorthand: not resolved, so unknown
      break;
    case 'font-weight':
      style.bold = value === 'bold' || value === 'bolder' || parseInt(value, 10) >= 700;
      break;
    case 'display':
      if (value.toLowerCase() === 'none') style.hidden = true;
      break;
    case 'visibility':
      if (value.toLowerCase() === 'hidden') style.hidden = true;
      break;
    case 'mso-hide':
      if (value.toLowerCase() === 'all') style.hidden = true;
      break;
    case 'opacity':
    case 'max-height':
    case 'height':
      if (parseFloat(value) === 0) style.hidden = true;
      break;
  }
}

/** A CSS font size in px, relative sizes against `inherited`; undefined for what is not resolved. */
export function toPx(raw: string, inherited: number): number | undefined {
  const value = raw.trim().toLowerCase();
  const keyword = KEYWORD_SIZES[value];
  if (keyword !== undefined) return keyword;
  const match = /^(\d*\.?\d+)(px|pt|em|rem|%)$/.exec(value);
  if (!match) return undefined;
  const n = parseFloat(match[1]);
  switch (match[2]) {
    case 'px': return n;
    case 'pt': return (n * 4) / 3;
    case 'em': return n * inherited;
    case 'rem': return n * DEFAULT_SIZE;
    default: return (n * inherited) / 100;
  }
}

function matches(targets: Targets, element: HtmlElement): boolean {
  if (targets.size === 0) return false;
  if (targets.has('*') || targets.has('t:' + element.tag)) return true;
  const id = attribute(element, 'id')?.value;
  if (id !== undefined && (id.includes('{{') || targets.has('i:' + id.trim()))) return true;
  const classes = attribute(element, 'class')?.value;
  if (classes === undefined) return false;
  if (classes.includes('{{')) return [...targets].some((t) => t.startsWith('c:'));
  return classes.split(/\s+/).some((c) => c !== '' && targets.has('c:' + c));
}

/**
 * The elements that the part's `<style>` rules may give a colour, a background or a font size: the
 * last compound selector of each top-level rule (`.footer td` → `t:td`). Rules inside `@media` (mobile
 * and dark-mode overrides) and `:hover`-like states are left out: they are not what most readers see.
 */
function sheetTargets(text: string, html: HtmlModel): { color: Targets; background: Targets; size: Targets } {
  const targets = { color: new Set<string>(), background: new Set<string>(), size: new Set<string>() };
  for (const style of html.named('style')) {
    if (style.closeStart === undefined) continue;
    const css = stripComments(text.slice(style.end, style.closeStart));
    let depth = 0;
    let preludeStart = 0;
    let skipping = false;
    let blockStart = 0;
    let prelude = '';
    for (let i = 0; i < css.length; i++) {
      const c = css[i];
      if (c === '{') {
        if (depth === 0) {
          prelude = css.slice(preludeStart, i).trim();
          skipping = prelude.startsWith('@');
          blockStart = i + 1;
        }
        depth++;
      } else if (c === '}') {
        depth = Math.max(0, depth - 1);
        if (depth === 0) {
          if (!skipping) addRule(prelude, css.slice(blockStart, i), targets);
          preludeStart = i + 1;
        }
      } else if (c === ';' && depth === 0) {
        preludeStart = i + 1; // `@import …;`, `@charset …;`
      }
    }
  }
  return targets;
}

function stripComments(css: string): string {
  let out = '';
  let at = 0;
  for (let open = css.indexOf('/*'); open >= 0; open = css.indexOf('/*', at)) {
    out += css.slice(at, open);
    const close = css.indexOf('*/', open + 2);
    at = close < 0 ? css.length : close + 2;
  }
  return out + css.slice(at);
}

const STATES = /:(?:hover|active|focus|focus-within|focus-visible)\b/i;

function addRule(prelude: string, block: string, targets: { color: Targets; background: Targets; size: Targets }): void {
  const properties = new Set(declarations(block, 0).keys());
  const sets: Targets[] = [];
  if (properties.has('color')) sets.push(targets.color);
  if (properties.has('background') || properties.has('background-color') || properties.has('background-image')) sets.push(targets.background);
  if (properties.has('font-size') || properties.has('font')) sets.push(targets.size);
  if (sets.length === 0) return;
  for (const selector of prelude.split(',')) {
    if (STATES.test(selector)) continue;
    const compounds = selector.trim().split(/[\s>+~]+/);
    const last = compounds[compounds.length - 1] ?? '';
    for (const key of selectorKeys(last)) for (const set of sets) set.add(key);
  }
}

/** The keys of a compound selector: its tag, classes and id; `*` when it names none of them. */
function selectorKeys(compound: string): string[] {
  const keys: string[] = [];
  const tag = /^[a-z][a-z0-9-]*/i.exec(compound)?.[0];
  if (tag) keys.push('t:' + tag.toLowerCase());
  for (const match of compound.matchAll(/([.#])([\w-]+)/g)) keys.push((match[1] === '.' ? 'c:' : 'i:') + match[2]);
  return keys.length > 0 ? keys : ['*'];
}
