import * as l10n from '@vscode/l10n';
import { htmlParts, tagRange } from './htmlCommon';
import type { Check } from './types';

export const MAX_IMAGES = 50;

/** More than 50 `<img>` in a part: slow to load, and spam filters score it. Reported at the first image over the limit. */
export const tooManyImages: Check = {
  meta: { id: 'too-many-images', defaultSeverity: 'warning' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      const images = html.named('img');
      if (images.length <= MAX_IMAGES) continue;
      report(document, { ...tagRange(images[MAX_IMAGES]), message: l10n.t('This email has {0} images, more than {1}: it loads slowly, recipients with images off see little, and spam filters score it down. Combine or remove images.', images.length, MAX_IMAGES) });
    }
  },
};
