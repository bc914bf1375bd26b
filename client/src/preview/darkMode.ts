// The preview's dark-mode views, computed without any script in the email frame: the renderer rewrites
// the template's colours, as the mail clients do, into edits by offset (htmlEdits.ts) from the one
// parse of the HTML model. Three ways clients darken an email (docs/preview.md, "Dark mode"):
// - partial inversion: light backgrounds darkened, dark text (and lines) lightened, the rest kept;
// - full inversion: every colour's lightness inverted, dark backgrounds included;
// - the template's own dark styles: its `@media (prefers-color-scheme: dark)` rules and its `[data-ogsc]`
//   / `[data-ogsb]` rules (Outlook.com's marks) take effect, and nothing is transformed.
// In every other view the template's dark media queries are turned off, so that the editor's dark
// theme never leaks into the light views. Images are never changed: clients leave them alone, which is
// what makes a dark logo on a transparent background disappear.
// Every scan below walks its text once (test/unit/linearTime.test.ts). Pure: no vscode import.
import { cssColorText, invertLightness, isLight, isNamedColor, parseColor, type Rgba } from '#common/cssColor';
import { hasOwnDarkStyles } from '#common/darkStyles';
import type { HtmlModel } from '#common/htmlModel';
import type { Edit } from '#common/htmlEdits';

export { hasOwnDarkStyles };

/** How a view darkens the email; undefined: it does not (HTML, Images off). */
export type DarkScheme = 'partial' | 'full' | 'own';

/** What a colour paints: text and lines (lightened when dark), or a background (darkened when light). */
type Role = 'text' | 'background';

/** A colour as a client in `scheme` shows it. */
export function darkColor(color: Rgba, role: Role, scheme: 'partial' | 'full'): Rgba {
  if (color.a === 0) return color;
  if (scheme === 'full') return invertLightness(color);
  const light = isLight(color);
  return (role === 'background') === light ? invertLightness(color) : color;
}

/** The role of a CSS property's colours, or undefined for properties whose colours clients keep. */
function roleOf(property: string): Role | undefined {
  if (property === 'background' || property === 'background-color') return 'background';
  if (property === 'color' || property.startsWith('border') || property.startsWith('outline') || property.startsWith('text-decoration')) return 'text';
  return undefined;
}

/** Attributes that hold a colour: `bgcolor` (any element), `<font color>`, `<body text link vlink alink>`. */
function attributeRole(tag: string, name: string): Role | undefined {
  if (name === 'bgcolor') return 'background';
  if (name === 'color' && tag === 'font') return 'text';
  if (tag === 'body' && (name === 'text' || name === 'link' || name === 'vlink' || name === 'alink')) return 'text';
  return undefined;
}

/**
 * Our style for a dark view, placed before the template's: the client's dark canvas and text (Chromium's
 * own dark defaults: canvas, text, links), which the template's colours, transformed, then override.
 */
export function darkBaseStyle(scheme: DarkScheme | undefined): string {
  if (scheme === undefined) return '';
  return '<style>html{color-scheme:only dark !important;background-color:Canvas;color:CanvasText}</style>';
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isIdent = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c > 127;

/** An `rgb(…)` is short: its `)` is looked for this far only, so that many unclosed ones stay linear. */
const MAX_FUNCTION = 64;

/** Offset after the quoted string opened at `i` (its closing quote), or `end` when it is not closed. */
function skipString(text: string, i: number, end: number): number {
  const quote = text.charCodeAt(i);
  for (let k = i + 1; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === quote) return k + 1;
    if (c === 92 /* \ */) k++;
  }
  return end;
}

/** Offset after the `}}` of a `{{` at `i`, or `end`: a variable's value is never a colour we know. */
function skipMustache(text: string, i: number, end: number): number {
  for (let k = i + 2; k < end - 1; k++) if (text.charCodeAt(k) === 125 && text.charCodeAt(k + 1) === 125) return k + 2;
  return end;
}

/**
 * Calls `visit` with every colour of the CSS value [start, end) of `text`: hex, rgb()/rgba() and named
 * colours, also inside gradients; never inside strings, `url(…)` or `{{variables}}`.
 */
export function forEachColor(text: string, start: number, end: number, visit: (start: number, end: number, color: Rgba) => void): void {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      i = skipString(text, i, end);
    } else if (c === 123 && text.charCodeAt(i + 1) === 123) {
      i = skipMustache(text, i, end);
    } else if (c === 92 /* \ */) {
      i += 2;
    } else if (c === 35 /* # */) {
      let j = i + 1;
      while (j < end && isHex(text.charCodeAt(j))) j++;
      const n = j - i - 1;
      if ((n === 3 || n === 4 || n === 6 || n === 8) && !(j < end && isIdent(text.charCodeAt(j)))) {
        const color = parseColor(text.slice(i, j));
        if (color) visit(i, j, color);
      }
      while (j < end && isIdent(text.charCodeAt(j))) j++;
      i = j;
    } else if (isIdent(c) && !(c >= 48 && c <= 57)) {
      let j = i + 1;
      while (j < end && isIdent(text.charCodeAt(j))) j++;
      const name = text.slice(i, j).toLowerCase();
      if (text.charCodeAt(j) === 40 /* ( */ && j < end) {
        if (name === 'rgb' || name === 'rgba') {
          const limit = Math.min(end, j + MAX_FUNCTION);
          let k = j + 1;
          while (k < limit && text.charCodeAt(k) !== 41) k++;
          if (k < limit) {
            const color = parseColor(text.slice(i, k + 1));
            if (color) visit(i, k + 1, color);
            i = k + 1;
            continue;
          }
        } else if (name === 'url') {
          // Its argument is a URL, quoted or not: `url(white.png)` names no colour.
          let k = j + 1;
          while (k < end && isSpace(text.charCodeAt(k))) k++;
          if (k < end && (text.charCodeAt(k) === 34 || text.charCodeAt(k) === 39)) k = skipString(text, k, end);
          while (k < end && text.charCodeAt(k) !== 41) k++;
          i = Math.min(end, k + 1);
          continue;
        }
        i = j + 1; // another function (a gradient, calc): its arguments are scanned like the rest
        continue;
      }
      if (isNamedColor(name) || name === 'transparent') {
        const before = i > start ? text.charCodeAt(i - 1) : 32;
        const color = before === 45 ? undefined : parseColor(name); // `-red` is part of a longer word
        if (color) visit(i, j, color);
      }
      i = j;
    } else {
      i++;
    }
  }
}

/** Edits that recolour the CSS value [start, end) for `role` in `scheme`. */
function recolour(text: string, start: number, end: number, role: Role, scheme: 'partial' | 'full', out: Edit[]): void {
  forEachColor(text, start, end, (s, e, color) => {
    const dark = darkColor(color, role, scheme);
    if (dark !== color) out.push({ start: s, end: e, text: cssColorText(dark) });
  });
}

/**
 * Calls `visit` with each `property: value` of the declaration list [start, end) (an inline style, or
 * a rule's block), the property in lower case. `;` inside strings and parentheses does not end one.
 */
function forEachDeclaration(text: string, start: number, end: number, visit: (property: string, valueStart: number, valueEnd: number) => void): void {
  let declStart = start;
  let colon = -1;
  let depth = 0;
  const finish = (at: number) => {
    if (colon >= 0) visit(text.slice(declStart, colon).trim().toLowerCase(), colon + 1, at);
    declStart = at + 1;
    colon = -1;
  };
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      i = skipString(text, i, end) - 1;
    } else if (c === 40) {
      depth++;
    } else if (c === 41) {
      depth = Math.max(0, depth - 1);
    } else if (c === 58 && colon < 0 && depth === 0) {
      colon = i;
    } else if (c === 59 && depth === 0) {
      finish(i);
    }
  }
  finish(end);
}

const DATA_OG = /\[\s*data-og(?:sc|sb)\s*\]/gi;

/**
 * Edits of a rule's prelude [start, end): each `(prefers-color-scheme: dark|light)` becomes `(color)`
 * (true on every screen) when it matches the view, `(monochrome)` (false on a colour screen) when it
 * does not; in the own view, each `[data-ogsc]` / `[data-ogsb]` matches every element with the
 * attribute selector's specificity, as Outlook.com's marks do when it darkens.
 */
function preludeEdits(text: string, start: number, end: number, scheme: DarkScheme | undefined, out: Edit[]): void {
  const prelude = text.slice(start, end);
  const lower = prelude.toLowerCase();
  const feature = 'prefers-color-scheme';
  for (let at = lower.indexOf(feature); at >= 0; at = lower.indexOf(feature, at + feature.length)) {
    let open = at - 1;
    while (open >= 0 && isSpace(lower.charCodeAt(open))) open--;
    if (open < 0 || lower[open] !== '(') continue;
    let k = at + feature.length;
    while (k < lower.length && isSpace(lower.charCodeAt(k))) k++;
    if (lower[k] !== ':') continue;
    k++;
    while (k < lower.length && isSpace(lower.charCodeAt(k))) k++;
    const valueStart = k;
    while (k < lower.length && isIdent(lower.charCodeAt(k))) k++;
    const value = lower.slice(valueStart, k);
    while (k < lower.length && isSpace(lower.charCodeAt(k))) k++;
    if (lower[k] !== ')' || (value !== 'dark' && value !== 'light')) continue;
    const matches = (value === 'dark') === (scheme === 'own');
    out.push({ start: start + open, end: start + k + 1, text: matches ? '(color)' : '(monochrome)' });
  }
  if (scheme === 'own' && lower.includes('data-og')) {
    DATA_OG.lastIndex = 0;
    for (let m = DATA_OG.exec(prelude); m; m = DATA_OG.exec(prelude)) out.push({ start: start + m.index, end: start + m.index + m[0].length, text: ':is(*,[data-ogsc])' });
  }
}

/** Edits of a `<style>` element's content [start, end): its preludes, and its declarations' colours. */
function sheetEdits(text: string, start: number, end: number, scheme: DarkScheme | undefined, out: Edit[]): void {
  let segment = start;
  let depth = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 || close >= end ? end : close + 2;
      continue;
    }
    if (c === 34 || c === 39) {
      i = skipString(text, i, end);
      continue;
    }
    if (c === 123 /* { */) {
      preludeEdits(text, segment, i, scheme, out);
      depth++;
      segment = i + 1;
    } else if (c === 125 /* } */ || c === 59 /* ; */) {
      if (depth > 0) declarationsEdits(text, segment, i, scheme, out);
      if (c === 125) depth = Math.max(0, depth - 1);
      segment = i + 1;
    }
    i++;
  }
  // A block left open at the end of the sheet still applies (CSS closes it): so do its colours.
  if (depth > 0) declarationsEdits(text, segment, end, scheme, out);
}

function declarationsEdits(text: string, start: number, end: number, scheme: DarkScheme | undefined, out: Edit[]): void {
  if (scheme !== 'partial' && scheme !== 'full') return;
  forEachDeclaration(text, start, end, (property, valueStart, valueEnd) => {
    const role = roleOf(property);
    if (role) recolour(text, valueStart, valueEnd, role, scheme, out);
  });
}

/**
 * The edits of a view's colours: every `<style>` element (its dark media queries switched to the view,
 * and in the partial and full views its colours transformed), and in those views every inline `style`
 * and colour attribute. `<img>` elements keep their colours only in so far as clients keep images.
 */
export function darkModeEdits(text: string, model: HtmlModel, scheme: DarkScheme | undefined): Edit[] {
  const out: Edit[] = [];
  for (const style of model.named('style')) {
    sheetEdits(text, style.end, style.closeStart ?? text.length, scheme, out);
  }
  if (scheme !== 'partial' && scheme !== 'full') return out;
  for (const element of model.elements) {
    for (const a of element.attributes) {
      if (a.value === undefined) continue;
      if (a.name === 'style') {
        forEachDeclaration(text, a.valueStart, a.valueEnd, (property, valueStart, valueEnd) => {
          const role = roleOf(property);
          if (role) recolour(text, valueStart, valueEnd, role, scheme, out);
        });
      } else {
        const role = attributeRole(element.tag, a.name);
        if (role) recolour(text, a.valueStart, a.valueEnd, role, scheme, out);
      }
    }
  }
  return out;
}
