import * as l10n from '@vscode/l10n';
import { code } from './common';
import { htmlParts, imageUrlsOf } from './htmlCommon';
import type { Check } from './types';

/** A CSS background image or a `background` attribute: Outlook on Windows and several webmail clients drop it. */
export const imageCssBackground: Check = {
  meta: { id: 'image-css-background', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const part of htmlParts(project)) {
      for (const url of imageUrlsOf(project, part)) {
        if (url.source === 'img') continue;
        report(part.document, { start: url.start, end: url.end, message: l10n.t('The background image {0} is not shown by Outlook on Windows and several webmail clients. Keep the content readable without it, with a background color as fallback, or use an {1} element.', code(url.raw, 60), '`<img>`') });
      }
    }
  },
};
