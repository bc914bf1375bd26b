import * as l10n from '@vscode/l10n';
import { isLight } from '#common/cssColor';
import { hasOwnDarkStyles } from '#common/darkStyles';
import { attribute, decodeEntities, type HtmlAttribute, type HtmlElement } from '#common/htmlModel';
import { partStyles } from './a11yStyle';
import { htmlParts } from './htmlCommon';
import type { Check } from './types';

/** The file name of a URL's path, lower case: `https://a.example/img/Logo.PNG?v=2` → `logo.png`. */
export function urlFileName(url: string): string {
  let end = url.length;
  for (const mark of ['?', '#']) {
    const at = url.indexOf(mark);
    if (at >= 0 && at < end) end = at;
  }
  const path = url.slice(0, end);
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

/** Words of a logo file name that say its lettering is dark, or that it has no background of its own. */
const DARK_INK = ['dark', 'black', 'transparent'];
/** Words that name a variant for dark backgrounds: `logo-white.png`, `logo-dark-mode.png`. */
const FOR_DARK = ['white', 'light', 'inverse', 'inverted', 'reverse', 'negative', 'darkmode', 'dark-mode', 'dark_mode', 'on-dark', 'ondark', 'for-dark'];

/** What a logo's file name says: `dark` (dark lettering or transparent), `forDark` (a variant for dark backgrounds), or nothing. */
export function logoKind(fileName: string): 'dark' | 'forDark' | undefined {
  if (!fileName.includes('logo')) return undefined;
  if (FOR_DARK.some((w) => fileName.includes(w))) return 'forDark';
  return DARK_INK.some((w) => fileName.includes(w)) ? 'dark' : undefined;
}

/**
 * A PNG logo whose file name says it is dark or transparent (`logo-dark.png`, `logo_black.png`,
 * `logo-transparent.png`) on a light background, with no variant for dark mode. Every dark mode
 * (partial or full inversion: the Gmail and Outlook apps, Outlook.com) darkens the light background
 * behind it and leaves images as they are, so its dark lettering disappears. The pixels cannot be read
 * offline, so only what the markup says is judged, and a plain `logo.png` is not (it may well have a
 * white background of its own: a guess would be noise): a `.png` named so, on a background that is
 * light (the page, `bgcolor`, inline styles; a dark or unknown one is left alone), in a template with no
 * dark-mode styles (`prefers-color-scheme: dark`, `[data-ogsc]`) and no other logo for dark backgrounds
 * (`logo-white.png`) that could be swapped in. Once per image URL.
 */
export const darkModeLogo: Check = {
  meta: { id: 'dark-mode-logo', defaultSeverity: 'warning' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      const images = html.named('img');
      if (images.length === 0) continue;
      const text = document.getText();
      // Tested without lower-casing the whole text (a copy of every part, every validation).
      if (!/logo/i.test(text)) continue;
      const candidates: Array<{ image: HtmlElement; src: HtmlAttribute; url: string; name: string }> = [];
      let variant = false;
      for (const image of images) {
        const src = attribute(image, 'src');
        if (src?.value === undefined || src.value.includes('{{')) continue;
        const url = decodeEntities(src.value).trim();
        const name = urlFileName(url);
        const kind = logoKind(name);
        if (kind === 'forDark') variant = true;
        else if (kind === 'dark' && name.endsWith('.png')) candidates.push({ image, src, url, name });
      }
      if (candidates.length === 0 || variant || hasOwnDarkStyles(text, html)) continue;
      const styles = partStyles(text, html);
      const index = new Map(html.elements.map((e, k) => [e, k]));
      const reported = new Set<string>();
      for (const { image, src, url, name } of candidates) {
        const k = index.get(image);
        if (k === undefined || reported.has(url) || styles.hidden(k)) continue;
        const background = styles.background(k);
        if (!background || !isLight(background.value)) continue;
        reported.add(url);
        report(document, {
          start: src.valueStart,
          end: src.valueEnd,
          message: l10n.t('Logo {0} is a dark or transparent PNG on a light background: in dark mode it disappears, as the Gmail and Outlook apps darken the background and leave images as they are. Give the file a light outline or a solid background, or add a logo for dark backgrounds shown by a prefers-color-scheme: dark rule; see the preview\'s dark views.', `\`${name}\``),
        });
      }
    }
  },
};
