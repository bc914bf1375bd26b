import * as l10n from '@vscode/l10n';
import { attribute, decodeEntities, type TextRange } from '#common/htmlModel';
import { code } from './common';
import { htmlParts } from './htmlCommon';
import type { Check } from './types';

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp', 'tif', 'tiff', 'avif', 'ico', 'heic']);

/** Whether an alt text is a file name or URL: `logo.png`, `IMG_2031.JPG`, `https://cdn.x.cn/banner.jpg`. */
export function isFileName(alt: string): boolean {
  const value = alt.trim();
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return false;
  const extension = value.slice(dot + 1).toLowerCase().replace(/[?#].*$/, '');
  return IMAGE_EXTENSIONS.has(extension);
}

const normalised = (text: string) => decodeEntities(text).replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Alt text that does not describe the image: a file name, which screen readers spell out, or the same
 * words as the text right next to the image, which they then read twice (WCAG 1.1.1). An empty
 * `alt=""` is the right value for a decorative image and is not reported.
 */
export const a11yAltText: Check = {
  meta: { id: 'a11y-alt-text', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      const images = html.named('img');
      if (images.length === 0) continue;
      const text = document.getText();
      const { texts } = html;
      let next = 0;
      for (const img of images) {
        const alt = attribute(img, 'alt');
        if (alt?.value === undefined || alt.value.includes('{{')) continue;
        const range = { start: alt.valueStart, end: alt.valueEnd };
        if (isFileName(decodeEntities(alt.value))) {
          report(document, { ...range, message: l10n.t('The alt text {0} is a file name: screen readers read it out letter by letter. Describe what the image shows, or write {1} for a decorative image.', code(alt.value), '`alt=""`') });
          continue;
        }
        const words = normalised(alt.value);
        if (words.length < 2) continue;
        while (next < texts.length && texts[next].start < img.end) next++;
        const neighbours: TextRange[] = [];
        if (next > 0) neighbours.push(texts[next - 1]);
        if (next < texts.length) neighbours.push(texts[next]);
        if (neighbours.some((t) => mayRead(text, t, words) && normalised(text.slice(t.start, t.end)) === words && onlyTagsBetween(text, t, img))) {
          report(document, { ...range, message: l10n.t('The alt text {0} repeats the text next to the image: screen readers read it twice. Write {1} if the image only illustrates that text, or describe what it shows.', code(alt.value), '`alt=""`') });
        }
      }
    }
  },
};

/**
 * False when `range` of `text` cannot normalise to `words` because its first visible character is
 * another ASCII letter (whose lower case is one character, whatever surrounds it); a cheap test
 * before the exact comparison. Anything else (an entity, a non-ASCII letter) is left to that.
 */
function mayRead(text: string, range: TextRange, words: string): boolean {
  let i = range.start;
  while (i < range.end && WHITESPACE.has(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return c + 32 === words.charCodeAt(0);
  if (c >= 97 && c <= 122) return c === words.charCodeAt(0);
  return true;
}
/** What `\s` matches among ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
const WHITESPACE = new Set([9, 10, 11, 12, 13, 32]);

/** Whether only tags (no other image) stand between a text and an image. */
function onlyTagsBetween(text: string, range: TextRange, img: { start: number; end: number }): boolean {
  const [from, to] = range.end <= img.start ? [range.end, img.start] : [img.end, range.start];
  if (to - from > 2000) return false;
  return !text.slice(from, to).includes('<img');
}
