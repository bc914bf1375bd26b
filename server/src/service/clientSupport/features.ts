// What the `client-support` check looks for in an HTML part, as caniemail feature slugs: elements,
// attributes, CSS properties, values, functions, units, at-rules, media features and pseudo-classes.
// One pass over the elements and a hand-written scan of the CSS (`<style>` contents and `style`
// attributes), no regular expression: linear in the text.
//
// Left out on purpose (docs/client-support.md, "What is not reported"):
// - what other checks report more precisely: SVG (`image-svg`), background images (`image-css-background`),
//   `@font-face` (`unsupported-html` reports a web font only when no fallback is named);
// - progressive enhancements, which clients without them show as designed without the effect: `@media`
//   and its features, `:hover` and other interaction states, transitions and animations, shadows,
//   rounded corners, `color-scheme`, `cursor`, `user-select`, `srcset`/`sizes`, `loading`;
// - properties whose absence leaves the email readable and laid out, used by frameworks as resets or
//   with fallbacks for Outlook (`box-sizing`, `opacity`, `overflow`, `float`, `clear`, `outline`,
//   `border-spacing`, `text-overflow`, `z-index`, `left`/`top` without `position`, blend modes, filters,
//   typographic refinements); pseudo-classes of `<style>` selectors (see PSEUDOS);
// - attributes that only help assistive technology or the reading direction, ignored without harm
//   where unsupported (and asked for by the accessibility checks): `role`, `aria-*`, `lang`, `dir`;
// - what every email uses and the clients treat as the base of HTML email (tables, `<div>`, `<p>`,
//   `<span>`, `<img>`, `<a>`, lengths in px, colours, `width`/`height`/`align`/`cellpadding`…): the data
//   reports partial quirks of them, but they are the layout authors have, not a mistake to warn about.
import { attribute, type HtmlElement, type HtmlModel } from '#common/htmlModel';

export interface FeatureUse {
  readonly slug: string;
  /** What was found, for the message: `<video>`, `position`, `display:flex`, `@import`, `rem`. */
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

type Emit = (slug: string, label: string, start: number, end: number) => void;

const ELEMENTS: Readonly<Record<string, string>> = {
  abbr: 'html-abbr', acronym: 'html-acronym', address: 'html-address', audio: 'html-audio', base: 'html-base',
  bdi: 'html-bdi', dialog: 'html-dialog', del: 'html-del', dfn: 'html-dfn', form: 'html-form',
  marquee: 'html-marquee', meter: 'html-meter', object: 'html-object', picture: 'html-picture',
  progress: 'html-progress', select: 'html-select', style: 'html-style', textarea: 'html-textarea', video: 'html-video',
  ruby: 'html-ruby', rt: 'html-rt', rp: 'html-rp', map: 'html-image-maps', strike: 'html-strike',
  article: 'html-semantics', aside: 'html-semantics', details: 'html-semantics', figcaption: 'html-semantics',
  figure: 'html-semantics', footer: 'html-semantics', header: 'html-semantics', main: 'html-semantics',
  mark: 'html-semantics', nav: 'html-semantics', section: 'html-semantics', summary: 'html-semantics',
};

const INPUTS: Readonly<Record<string, string>> = {
  checkbox: 'html-input-checkbox', hidden: 'html-input-hidden', radio: 'html-input-radio',
  reset: 'html-input-reset', submit: 'html-input-submit', text: 'html-input-text',
};

const ATTRIBUTES: Readonly<Record<string, string>> = { hidden: 'html-hidden', popover: 'html-popover', required: 'html-required', usemap: 'html-image-maps' };

/** CSS properties, lower case, and the feature of each. */
const PROPERTIES: Readonly<Record<string, string>> = {
  'align-items': 'css-align-items', 'aspect-ratio': 'css-aspect-ratio',
  'background-clip': 'css-background-clip', 'background-origin': 'css-background-origin',
  'block-size': 'css-block-inline-size', 'inline-size': 'css-block-inline-size',
  'border-image': 'css-border-image', 'border-inline': 'css-border-inline-block', 'border-block': 'css-border-inline-block',
  'clip-path': 'css-clip-path', 'column-count': 'css-column-count',
  gap: 'css-gap', 'column-gap': 'css-gap', 'row-gap': 'css-gap',
  'grid-template': 'css-grid-template', 'grid-template-areas': 'css-grid-template', 'grid-template-columns': 'css-grid-template', 'grid-template-rows': 'css-grid-template',
  inset: 'css-inset', 'justify-content': 'css-justify-content',
  'margin-block-start': 'css-margin-block-start-end', 'margin-block-end': 'css-margin-block-start-end',
  'margin-inline': 'css-margin-inline-block', 'margin-block': 'css-margin-inline-block',
  'margin-inline-start': 'css-margin-inline-start-end', 'margin-inline-end': 'css-margin-inline-start-end',
  'mask-image': 'css-mask-image',
  'object-fit': 'css-object-fit', 'object-position': 'css-object-position',
  'padding-block-start': 'css-padding-block-start-end', 'padding-block-end': 'css-padding-block-start-end',
  'padding-inline': 'css-padding-inline-block', 'padding-block': 'css-padding-inline-block',
  'padding-inline-start': 'css-padding-inline-start-end', 'padding-inline-end': 'css-padding-inline-start-end',
  position: 'css-position',
  'text-orientation': 'css-text-orientation', transform: 'css-transform',
  'writing-mode': 'css-writing-mode',
};

/** `property:value` pairs (the value lower case, as written) with a feature of their own. */
const VALUES: Readonly<Record<string, string>> = {
  'display:flex': 'css-display-flex', 'display:inline-flex': 'css-display-flex',
  'display:grid': 'css-display-grid', 'display:inline-grid': 'css-display-grid',
  'flex-direction:column': 'css-flex-direction', 'flex-wrap:wrap': 'css-flex-wrap',
};

/** CSS functions, lower case without `(`. */
const FUNCTIONS: Readonly<Record<string, string>> = {
  'linear-gradient': 'css-linear-gradient', 'radial-gradient': 'css-radial-gradient', 'conic-gradient': 'css-conic-gradient',
  'repeating-linear-gradient': 'css-linear-gradient', 'repeating-radial-gradient': 'css-radial-gradient',
  calc: 'css-unit-calc', clamp: 'css-function-clamp', min: 'css-function-min', max: 'css-function-max',
  var: 'css-variables', lch: 'css-modern-color', oklch: 'css-modern-color', lab: 'css-modern-color', oklab: 'css-modern-color',
  'light-dark': 'css-function-light-dark',
};

/** Units after a number, lower case. */
const UNITS: Readonly<Record<string, string>> = {
  rem: 'css-unit-rem', vh: 'css-unit-vh', vw: 'css-unit-vw', vmin: 'css-unit-vmin', vmax: 'css-unit-vmax', ch: 'css-unit-ch', ex: 'css-unit-ex',
};

const AT_RULES: Readonly<Record<string, string>> = { import: 'css-at-import', supports: 'css-at-supports' };

/**
 * Pseudo-elements of `<style>` selectors that add content, which is lost where unsupported. Selectors a
 * client does not know only make it skip the rule: frameworks rely on that to target clients (`:not`,
 * `:nth-child`, `u + #body`), so pseudo-classes are left out.
 */
const PSEUDOS: Readonly<Record<string, string>> = { before: 'css-pseudo-element-before', after: 'css-pseudo-element-after' };

/** The slugs this file can find: the check's scope (tests keep every one in the data). */
export const DETECTED_SLUGS: ReadonlySet<string> = new Set([
  ...Object.values(ELEMENTS), ...Object.values(INPUTS), ...Object.values(ATTRIBUTES), ...Object.values(PROPERTIES),
  ...Object.values(VALUES), ...Object.values(FUNCTIONS), ...Object.values(UNITS), ...Object.values(AT_RULES), ...Object.values(PSEUDOS),
  'html-button-submit', 'html-button-reset', 'html-link', 'css-important',
]);

const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** Every use of a feature in the part, in document order of each kind. */
export function featureUses(text: string, html: HtmlModel): FeatureUse[] {
  const uses: FeatureUse[] = [];
  const emit: Emit = (slug, label, start, end) => uses.push({ slug, label, start, end });
  for (const element of html.elements) elementUses(element, emit);
  for (const style of html.named('style')) if (style.closeStart !== undefined) scanCss(text, style.end, style.closeStart, false, emit);
  return uses;
}

function elementUses(element: HtmlElement, emit: Emit): void {
  const tagEnd = element.nameEnd;
  const slug = own(ELEMENTS, element.tag);
  if (slug) emit(slug, '<' + element.tag + '>', element.start, tagEnd);
  else if (element.tag === 'input') {
    const type = (attribute(element, 'type')?.value ?? 'text').trim().toLowerCase();
    const input = own(INPUTS, type);
    if (input) emit(input, `<input type="${type}">`, element.start, tagEnd);
  } else if (element.tag === 'button') {
    const type = (attribute(element, 'type')?.value ?? 'submit').trim().toLowerCase();
    if (type === 'submit' || type === 'reset') emit('html-button-' + type, `<button type="${type}">`, element.start, tagEnd);
  } else if (element.tag === 'link' && (attribute(element, 'rel')?.value ?? '').toLowerCase().includes('stylesheet')) {
    emit('html-link', '<link rel="stylesheet">', element.start, tagEnd);
  }
  for (const a of element.attributes) {
    const attributeSlug = own(ATTRIBUTES, a.name);
    if (attributeSlug) emit(attributeSlug, a.name, a.nameStart, a.nameEnd);
    else if (a.name === 'style' && a.value) scanCss(a.value, 0, a.value.length, true, (s, label, start, end) => emit(s, label, a.valueStart + start, a.valueStart + end));
  }
}

const isIdent = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/**
 * The features of the CSS in text[from, to): segments end at `{` (a selector or an at-rule's prelude),
 * `;` or `}` (a declaration or a statement); comments, strings and `{{variables}}` are skipped whole.
 * In a `style` attribute (`inline`) every segment is a declaration.
 */
export function scanCss(text: string, from: number, to: number, inline: boolean, emit: Emit): void {
  let segment = from;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = pairIn(text, 42, 47, i + 2, to);
      i = close < 0 || close >= to ? to : close + 2;
    } else if (c === 34 || c === 39) {
      const close = indexIn(text, c, i + 1, to);
      i = close < 0 || close >= to ? to : close + 1;
    } else if (c === 123 && text.charCodeAt(i + 1) === 123) {
      const close = pairIn(text, 125, 125, i + 2, to);
      i = close < 0 || close >= to ? to : close + 2;
    } else if (c === 123 && !inline) {
      prelude(text, segment, i, emit);
      segment = ++i;
    } else if (c === 59 || c === 125) {
      declaration(text, segment, i, emit);
      segment = ++i;
    } else i++;
  }
  if (segment < to) declaration(text, segment, to, emit);
}

/** The first `char` (one UTF-16 unit) in text[from, to), or -1: never searches past `to`. */
function indexIn(text: string, char: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === char) return i;
  return -1;
}

/** The first `a` followed by `b` in text[from, to), or -1. */
function pairIn(text: string, a: number, b: number, from: number, to: number): number {
  for (let i = from; i + 1 < to; i++) if (text.charCodeAt(i) === a && text.charCodeAt(i + 1) === b) return i;
  return -1;
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function identEnd(text: string, i: number, to: number): number {
  while (i < to && isIdent(text.charCodeAt(i))) i++;
  return i;
}

/** A selector or an at-rule's prelude. */
function prelude(text: string, from: number, to: number, emit: Emit): void {
  const start = skipSpace(text, from, to);
  if (text.charCodeAt(start) === 64) {
    atRule(text, start, to, emit);
    return;
  }
  for (let i = indexIn(text, 58, start, to); i >= 0; i = indexIn(text, 58, i + 1, to)) {
    const nameStart = text.charCodeAt(i + 1) === 58 ? i + 2 : i + 1;
    const nameEnd = identEnd(text, nameStart, to);
    const slug = own(PSEUDOS, text.slice(nameStart, nameEnd).toLowerCase());
    if (slug) emit(slug, text.slice(i, nameEnd), i, nameEnd);
    i = Math.max(i, nameEnd - 1);
  }
}

function atRule(text: string, at: number, to: number, emit: Emit): void {
  const nameEnd = identEnd(text, at + 1, to);
  const slug = own(AT_RULES, text.slice(at + 1, nameEnd).toLowerCase());
  if (slug) emit(slug, text.slice(at, nameEnd), at, nameEnd);
}

/** A declaration `property: value`, or a statement such as `@import url(…)`. */
function declaration(text: string, from: number, to: number, emit: Emit): void {
  const start = skipSpace(text, from, to);
  if (start >= to) return;
  if (text.charCodeAt(start) === 64) {
    atRule(text, start, to, emit);
    return;
  }
  const nameEnd = identEnd(text, start, to);
  const colon = skipSpace(text, nameEnd, to);
  if (nameEnd === start || text.charCodeAt(colon) !== 58) return;
  const property = text.slice(start, nameEnd).toLowerCase();
  if (property.startsWith('--')) emit('css-variables', property, start, nameEnd);
  const slug = own(PROPERTIES, property);
  if (slug) emit(slug, property, start, nameEnd);
  value(text, property, start, colon + 1, to, emit);
}

/** The value of `property` (which starts at `propertyStart`): `property:value` pairs, `!important`, functions, units. */
function value(text: string, property: string, propertyStart: number, from: number, to: number, emit: Emit): void {
  const start = skipSpace(text, from, to);
  let end = to;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const bang = indexIn(text, 33, start, end);
  if (bang >= 0) {
    const wordEnd = identEnd(text, skipSpace(text, bang + 1, end), end);
    if (text.slice(bang + 1, wordEnd).trim().toLowerCase() === 'important') emit('css-important', '!important', bang, wordEnd);
    end = bang;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  }
  if (end - start <= 20) {
    const written = property + ':' + text.slice(start, end).toLowerCase();
    const pair = own(VALUES, written);
    if (pair) emit(pair, written, propertyStart, end);
  }
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      // A number, then its unit.
      while (i < end && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
      const unitEnd = identEnd(text, i, end);
      const slug = unitEnd > i ? own(UNITS, text.slice(i, unitEnd).toLowerCase()) : undefined;
      if (slug) emit(slug, text.slice(i, unitEnd), i, unitEnd);
      i = unitEnd;
    } else if (isIdent(c)) {
      const wordEnd = identEnd(text, i, end);
      if (text.charCodeAt(wordEnd) === 40) {
        const slug = own(FUNCTIONS, text.slice(i, wordEnd).toLowerCase());
        if (slug) emit(slug, text.slice(i, wordEnd) + '()', i, wordEnd);
      }
      i = wordEnd;
    } else i++;
  }
}
