import * as l10n from '@vscode/l10n';
import { forEachImageUrlVariant, shown } from './htmlCommon';
import type { Check } from './types';

/** An image embedded as a `data:` URI (base64): blocked by Gmail, Outlook and others, and it inflates the email. */
export const imageDataUri: Check = {
  meta: { id: 'image-data-uri', defaultSeverity: 'warning' },
  run({ project, report }) {
    forEachImageUrlVariant(project, (document, url, variant, kind) => {
      if (kind !== 'data') return;
      report(document, { start: url.start, end: url.end, message: l10n.t('The image {0} is embedded as a data URI: Gmail, Outlook and many other clients block such images, and base64 makes the email a third larger. Host the image and use its https URL.', shown(variant)) });
    });
  },
};
