import * as l10n from '@vscode/l10n';
import { attribute } from '#common/htmlModel';
import { htmlParts, tagRange } from './htmlCommon';
import type { Check } from './types';

/** An `<img>` without `alt`: many clients block images by default and show the alt text instead. */
export const imageMissingAlt: Check = {
  meta: { id: 'image-missing-alt', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      for (const img of html.named('img')) {
        if (attribute(img, 'alt')) continue;
        report(document, { ...tagRange(img), message: l10n.t('This image has no {0} text: many mail clients block images until the recipient allows them and show the alt text instead. Describe the image, or write {1} for a decorative one.', '`alt`', '`alt=""`') });
      }
    }
  },
};
