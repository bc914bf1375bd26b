import * as l10n from '@vscode/l10n';
import { attribute, type HtmlElement } from '#common/htmlModel';
import { code } from './common';
import { htmlParts, tagRange, type HtmlPart } from './htmlCommon';
import type { Check } from './types';

/**
 * Elements mail clients remove that the caniemail data has no entry for. `<form>`, `<object>`, `<video>`,
 * `<audio>` and `position` are reported by client-support, from the data, for the target clients.
 */
const DROPPED = new Set(['iframe', 'embed']);
const IMPORT = /@import\b/gi;
const FONT_FACE = /@font-face\b/gi;
const FONT_FACE_RULE = /@font-face\b/gi;

/** The CSS text of a part's `<style>` elements, with their offsets. */
function cssOf({ document, html }: HtmlPart): Array<{ start: number; text: string }> {
  const text = document.getText();
  const css: Array<{ start: number; text: string }> = [];
  for (const style of html.named('style')) if (style.closeStart !== undefined) css.push({ start: style.end, text: text.slice(style.end, style.closeStart) });
  return css;
}

/** The font families a `@font-face` rule declares, lower case without quotes. */
function declaredFamilies(css: string): Set<string> {
  const families = new Set<string>();
  FONT_FACE_RULE.lastIndex = 0;
  for (let match = FONT_FACE_RULE.exec(css); match; match = FONT_FACE_RULE.exec(css)) {
    const close = css.indexOf('}', match.index);
    const body = css.slice(match.index, close < 0 ? css.length : close);
    const family = /font-family\s*:\s*([^;}]*)/i.exec(body)?.[1];
    if (family) families.add(unquote(family));
  }
  return families;
}

const unquote = (name: string) => name.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();

const FAMILY = /font-family\s*:([^;}"\n]*)/gi;

/** Every `font-family` value of the CSS blocks, outside `@font-face` rules, as lists of lower-case names. */
function familyLists(css: ReadonlyArray<{ text: string }>): string[][] {
  const lists: string[][] = [];
  for (const { text } of css) {
    const rules = withoutFontFaces(text);
    FAMILY.lastIndex = 0;
    for (let match = FAMILY.exec(rules); match; match = FAMILY.exec(rules)) {
      lists.push(match[1].replace(/!important/i, '').split(',').map(unquote).filter((name) => name !== ''));
    }
  }
  return lists;
}

/** `css` without its `@font-face { … }` rules, in one pass. */
function withoutFontFaces(css: string): string {
  let out = '';
  let from = 0;
  for (let at = css.indexOf('@font-face'); at >= 0; at = css.indexOf('@font-face', from)) {
    const close = css.indexOf('}', at);
    out += css.slice(from, at);
    from = close < 0 ? css.length : close + 1;
  }
  return out + css.slice(from);
}

/**
 * Whether every `font-family` that names a web font of a `@font-face` rule names a fallback after it:
 * then clients that do not load web fonts show the fallback, which is what email frameworks design for.
 */
function everyWebFontHasFallback(part: HtmlPart): boolean {
  const css = [...cssOf(part), ...styleAttributes(part)];
  const webFonts = new Set<string>();
  for (const { text: block } of css) for (const family of declaredFamilies(block)) webFonts.add(family);
  if (webFonts.size === 0) return true;
  return familyLists(css).every((families) => {
    const web = families.findIndex((family) => webFonts.has(family));
    return web < 0 || families.slice(web + 1).some((family) => !webFonts.has(family));
  });
}

/** The `style` attribute values of a part (cssOf only reads them when it looks for `position`). */
function styleAttributes({ document, html }: HtmlPart): Array<{ start: number; text: string }> {
  if (!document.getText().includes('font-family')) return [];
  const found: Array<{ start: number; text: string }> = [];
  for (const element of html.elements) {
    const style = attribute(element, 'style');
    if (style?.value && /font-family/i.test(style.value)) found.push({ start: style.valueStart, text: style.value });
  }
  return found;
}

/** `onclick`, `onmouseover`, …: an `on` + letters attribute is an event handler in every HTML element. */
const EVENT_HANDLER = /^on[a-z]{3,}$/;

function reportEventHandlers(element: HtmlElement, found: (start: number, end: number, name: string) => void): void {
  for (const a of element.attributes) if (EVENT_HANDLER.test(a.name)) found(a.nameStart, a.nameEnd, a.name);
}

/** `<script>`: mail clients strip it, spam filters and Tencent review reject it. */
export const htmlScript: Check = {
  meta: { id: 'html-script', defaultSeverity: 'error' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      for (const script of html.named('script')) report(document, { ...tagRange(script), message: l10n.t('Email clients never run {0}: they strip it, and spam filters and Tencent review reject emails that contain it. Remove it.', '`<script>`') });
    }
  },
};

/**
 * HTML and CSS that email clients drop or Tencent asks not to use, where the caniemail data (client-support)
 * has no entry or says less: frames and embeds, external CSS (a Tencent rule, whatever the clients), web
 * fonts, inline event handlers (`onclick`). A web font is reported only when a `font-family` names it
 * without a fallback after it: with fallbacks, clients that ignore `@font-face` show them, as designed.
 */
/** Whether a JavaScript `\s` character. */
const isSpace = (c: number) => (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 160 && /\s/.test(String.fromCharCode(c)));
const isAsciiLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/**
 * Whether `text` holds what /\son[a-z]{3,}\s*=/i matches (whitespace, `on`, three or more letters,
 * `=`): a scan of char codes instead of that regex, which cost 3% of checking 2,000 templates. Linear:
 * each letter or space is read by at most one candidate.
 */
export function mayHaveEventHandler(text: string): boolean {
  const n = text.length;
  for (let i = 1; i + 5 < n; i++) {
    if ((text.charCodeAt(i) | 0x20) !== 111 /* o */ || (text.charCodeAt(i + 1) | 0x20) !== 110 /* n */ || !isSpace(text.charCodeAt(i - 1))) continue;
    let j = i + 2;
    while (j < n && isAsciiLetter(text.charCodeAt(j))) j++;
    if (j - i - 2 < 3) continue;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 61 /* = */) return true;
  }
  return false;
}

export const unsupportedHtml: Check = {
  meta: { id: 'unsupported-html', defaultSeverity: 'warning' },
  run({ project, report }) {
    for (const part of htmlParts(project)) {
      const { document, html } = part;
      // One scan of the text, so that the attributes of every element are only read when a handler may be there.
      const mayHaveHandlers = mayHaveEventHandler(document.getText());
      let fallbacksNamed: boolean | undefined;
      for (const element of html.elements) {
        if (mayHaveHandlers) reportEventHandlers(element, (start, end, name) => report(document, { start, end, message: l10n.t('Email clients strip event handlers such as {0} and never run them, and spam filters and Tencent review may count them against the email. Remove the attribute.', code(name)) }));
        if (DROPPED.has(element.tag)) {
          report(document, { ...tagRange(element), message: l10n.t('Most email clients remove {0} or show it broken. Link to a web page instead.', code('<' + element.tag + '>')) });
        } else if (element.tag === 'link' && /\bstylesheet\b/i.test(attribute(element, 'rel')?.value ?? '')) {
          report(document, { ...tagRange(element), message: l10n.t('An external stylesheet: Tencent asks for no external CSS in templates, and most email clients do not load it. Put the CSS inline, in {0} attributes.', '`style`') });
        }
      }
      for (const { start, text } of cssOf(part)) {
        for (const match of text.matchAll(IMPORT)) {
          report(document, { start: start + match.index, end: start + match.index + match[0].length, message: l10n.t('An external stylesheet: Tencent asks for no external CSS in templates, and most email clients do not load it. Put the CSS inline, in {0} attributes.', '`style`') });
        }
        FONT_FACE.lastIndex = 0;
        if (FONT_FACE.test(text) && !(fallbacksNamed ??= everyWebFontHasFallback(part))) {
          for (const url of html.cssUrls) {
            if (url.property !== 'src' || url.start < start || url.end > start + text.length) continue;
            report(document, { start: url.start, end: url.end, message: l10n.t('A web font from {0}: Gmail, Outlook and most other clients do not load {1} fonts. Name fallback fonts in every {2}.', code(url.value, 60), '`@font-face`', '`font-family`') });
          }
        }
      }
    }
  },
};
