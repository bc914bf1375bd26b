import * as l10n from '@vscode/l10n';
import { attribute, type HtmlElement } from '#common/htmlModel';
import { code } from './common';
import { htmlParts, imageUrlsOf, type HtmlPart, type ImageUrl } from './htmlCommon';
import type { Check } from './types';

/**
 * The image URLs of VML elements (`<v:fill src>`, `<v:image src>`): the "bulletproof background"
 * that Outlook on Windows shows instead of the CSS one. They sit in conditional comments, which the
 * HTML model skips, so they are found in the raw text, one linear scan.
 */
function vmlImages(text: string): Set<string> {
  const urls = new Set<string>();
  for (let at = text.indexOf('<v:'); at >= 0; at = text.indexOf('<v:', at + 3)) {
    const end = text.indexOf('>', at);
    const tag = text.slice(at, end < 0 ? text.length : end);
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (src) urls.add((src[1] ?? src[2]).trim());
    if (end < 0) break;
  }
  return urls;
}

const COLOR_VALUE = /#[0-9a-f]{3}|rgba?\(|\b(?:white|black|transparent)\b/i;

/**
 * Whether CSS declarations set a background colour: `background-color`, or a `background` shorthand
 * with a colour. One declaration at a time: a single pattern `background\s*:[^;}]*(?:…)` rescanned to
 * the end of the value from every `background:` (60 KB of them in a style took 1.5 s).
 */
export function declaresBackgroundColor(css: string): boolean {
  let from = 0;
  while (from <= css.length) {
    let end = from;
    while (end < css.length && css[end] !== ';' && css[end] !== '{' && css[end] !== '}') end++;
    const declaration = css.slice(from, end);
    const colon = declaration.indexOf(':');
    if (colon >= 0) {
      const property = declaration.slice(0, colon).trim().toLowerCase();
      if (property === 'background-color') return true;
      if (property === 'background' && COLOR_VALUE.test(declaration.slice(colon + 1))) return true;
    }
    from = end + 1;
  }
  return false;
}

/** Whether the background of `url` has a colour to fall back on: a `bgcolor`, or a colour in the same style or CSS rule. */
function hasFallbackColor(text: string, url: ImageUrl, element: HtmlElement | undefined): boolean {
  if (element && attribute(element, 'bgcolor')?.value?.trim()) return true;
  if (element) {
    const style = attribute(element, 'style')?.value;
    if (style && declaresBackgroundColor(style)) return true;
  }
  if (url.source === 'css' && !element) {
    // A `<style>` rule: its declaration block, from the `{` before the url to the `}` after it (a block is short).
    const open = text.lastIndexOf('{', url.start);
    const close = text.indexOf('}', url.end);
    if (open >= 0 && url.start - open < 2000 && close >= 0 && close - url.end < 2000 && declaresBackgroundColor(text.slice(open, close))) return true;
  }
  return false;
}

/** The element that carries each background URL, by the URL's offset: a `background` attribute's element, or a style attribute's. */
function carriers(part: HtmlPart): Map<number, HtmlElement> {
  const byStart = new Map<number, HtmlElement>();
  for (const css of part.html.cssUrls) if (css.element.tag !== 'style') byStart.set(css.start, css.element);
  for (const element of part.html.backgrounds) {
    const background = attribute(element, 'background');
    if (background?.value !== undefined) byStart.set(background.valueStart, element);
  }
  return byStart;
}

/**
 * A CSS background image or a `background` attribute: Outlook on Windows and several webmail clients
 * drop it. Not reported for a "bulletproof" background: the same image as a VML fallback for
 * Outlook, and a background colour for the clients that show neither.
 */
export const imageCssBackground: Check = {
  meta: { id: 'image-css-background', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const part of htmlParts(project)) {
      const text = part.document.getText();
      let vml: Set<string> | undefined;
      let elements: Map<number, HtmlElement> | undefined;
      for (const url of imageUrlsOf(project, part)) {
        if (url.source === 'img') continue;
        vml ??= text.includes('<v:') ? vmlImages(text) : new Set();
        if (vml.has(url.raw.trim()) && hasFallbackColor(text, url, (elements ??= carriers(part)).get(url.start))) continue;
        report(part.document, { start: url.start, end: url.end, message: l10n.t('The background image {0} is not shown by Outlook on Windows and several webmail clients. Keep the content readable without it, with a background color as fallback, or use an {1} element.', code(url.raw, 60), '`<img>`') });
      }
    }
  },
};
