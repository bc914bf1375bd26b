import * as l10n from '@vscode/l10n';
import { attribute, type HtmlElement, type HtmlModel } from '../html/htmlModel';
import { htmlParts, tagRange } from './htmlCommon';
import type { Check } from './types';

/** Text weight per image below which a part with 2 or more images is "mostly images". */
export const TEXT_PER_IMAGE = 100;
/** Below this, one image is enough: an email that is a picture. */
export const MIN_TEXT = 20;

const isCjk = (c: number) => (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);

/**
 * The visible text's weight: characters other than whitespace, outside `{{…}}` and character
 * references; a CJK character counts 3, about what a word of English carries. Stops counting at `enough`.
 */
export function textWeight(text: string, html: HtmlModel, enough = Infinity): number {
  let weight = 0;
  for (const { start, end } of html.texts) {
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c <= 32 || c === 0xa0 || c === 0x3000) continue;
      if (c === 123 && text.charCodeAt(i + 1) === 123) {
        const close = text.indexOf('}}', i + 2);
        if (close >= 0 && close < end) {
          i = close + 1;
          continue;
        }
      } else if (c === 38) {
        const semi = text.indexOf(';', i);
        if (semi > i && semi - i <= 10 && semi < end && /^&#?[a-z0-9]+;$/i.test(text.slice(i, semi + 1))) {
          i = semi;
          continue;
        }
      }
      weight += isCjk(c) ? 3 : 1;
    }
    if (weight >= enough) break;
  }
  return weight;
}

/** A 1×1 tracking pixel is no image to the reader. */
const isPixel = (img: HtmlElement) => ['width', 'height'].every((name) => /^\s*[01](?:px)?\s*$/i.test(attribute(img, name)?.value ?? ''));

/** A part that is mostly images with little text: spam filters score it, and with images off it says nothing. */
export const imageHeavyEmail: Check = {
  meta: { id: 'image-heavy-email', defaultSeverity: 'warning' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      const images = html.named('img').filter((img) => !isPixel(img));
      if (images.length === 0) continue;
      const weight = textWeight(document.getText(), html, Math.max(MIN_TEXT, images.length >= 2 ? TEXT_PER_IMAGE * images.length : 0));
      if (weight >= MIN_TEXT && (images.length < 2 || weight >= TEXT_PER_IMAGE * images.length)) continue;
      report(document, { ...tagRange(images[0]), message: l10n.t('This email is mostly images: {0} images and about {1} characters of text. Spam filters score image-heavy emails down, and recipients who block images see almost nothing. Put the message in text, with images as support.', images.length, weight) });
    }
  },
};
