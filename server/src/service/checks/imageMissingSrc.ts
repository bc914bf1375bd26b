import * as l10n from '@vscode/l10n';
import { attribute } from '#common/htmlModel';
import { attributeRange, htmlParts, tagRange } from './htmlCommon';
import type { Check } from './types';

/** An `<img>` without `src`, or with an empty one: recipients see an empty frame or a broken-image icon. */
export const imageMissingSrc: Check = {
  meta: { id: 'image-missing-src', defaultSeverity: 'error' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      for (const img of html.named('img')) {
        const src = attribute(img, 'src');
        if (!src) {
          report(document, { ...tagRange(img), message: l10n.t('This image has no {0} attribute: recipients see an empty frame or a broken-image icon. Add {0} with the image\'s absolute https URL.', '`src`') });
        } else if ((src.value ?? '').trim() === '') {
          report(document, { ...attributeRange(src), message: l10n.t('The {0} of this image is empty: recipients see an empty frame or a broken-image icon. Set it to the image\'s absolute https URL.', '`src`') });
        }
      }
    }
  },
};
