import * as l10n from '@vscode/l10n';
import { attribute, type HtmlElement, type HtmlModel } from '#common/htmlModel';
import { byCount } from './common';
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

const STYLE_SIZE = { width: /(?:^|[;\s])width\s*:\s*(\d{1,5})(?:\.\d+)?px/i, height: /(?:^|[;\s])height\s*:\s*(\d{1,5})(?:\.\d+)?px/i };

/** An image's declared size in pixels (attribute, else inline style), undefined when not given in pixels. */
function pixels(img: HtmlElement, name: 'width' | 'height'): number | undefined {
  const value = attribute(img, name)?.value;
  const fromAttribute = value === undefined ? undefined : /^\s*(\d{1,5})(?:\.\d+)?\s*(?:px)?\s*$/i.exec(value);
  if (fromAttribute) return Number(fromAttribute[1]);
  const style = attribute(img, 'style')?.value;
  if (!style) return undefined;
  const fromStyle = STYLE_SIZE[name].exec(style);
  return fromStyle ? Number(fromStyle[1]) : undefined;
}

/** Largest side of an icon (social icons are 20–48 px), and largest area of a small logo or thumbnail (200×80). */
export const ICON_SIDE = 64;
export const SMALL_AREA = 200 * 80;

/**
 * Whether an image carries no message of its own: a tracking pixel or spacer (a side of 2 px or less),
 * an icon (no side over 64 px), or a small logo (at most 200×80 px). Spam filters weigh the large images
 * against the text; counting a row of social icons made short notices "mostly images".
 */
export function isDecorative(img: HtmlElement): boolean {
  const width = pixels(img, 'width');
  const height = pixels(img, 'height');
  if ((width !== undefined && width <= 2) || (height !== undefined && height <= 2)) return true;
  if (width !== undefined && height !== undefined) return (width <= ICON_SIDE && height <= ICON_SIDE) || width * height <= SMALL_AREA;
  const known = width ?? height;
  return known !== undefined && known <= ICON_SIDE;
}

/**
 * A part that is mostly images with little text: spam filters score it, and with images off it says
 * nothing. Pixels, spacers, icons and small logos are not counted (see isDecorative).
 */
export const imageHeavyEmail: Check = {
  meta: { id: 'image-heavy-email', defaultSeverity: 'warning' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      const images = html.named('img').filter((img) => !isDecorative(img));
      if (images.length === 0) continue;
      const weight = textWeight(document.getText(), html, Math.max(MIN_TEXT, images.length >= 2 ? TEXT_PER_IMAGE * images.length : 0));
      if (weight >= MIN_TEXT && (images.length < 2 || weight >= TEXT_PER_IMAGE * images.length)) continue;
      const message = byCount(
        images.length,
        () => l10n.t('This email is mostly images: 1 image and about {0} characters of text. Spam filters score image-heavy emails down, and recipients who block images see almost nothing. Put the message in text, with images as support.', weight),
        () => l10n.t('This email is mostly images: {0} images and about {1} characters of text. Spam filters score image-heavy emails down, and recipients who block images see almost nothing. Put the message in text, with images as support.', images.length, weight),
      );
      report(document, { ...tagRange(images[0]), message });
    }
  },
};
