import * as l10n from '@vscode/l10n';
import { forEachImageUrlVariant, shown } from './htmlCommon';
import type { Check } from './types';

/** An image URL that only resolves on the author's machine: relative, protocol-relative, `file:`, localhost, a private address. */
export const imageRelativeUrl: Check = {
  meta: { id: 'image-relative-url', defaultSeverity: 'error' },
  run({ project, report }) {
    forEachImageUrlVariant(project, (document, url, variant, kind) => {
      const at = { start: url.start, end: url.end };
      if (kind === 'relative' || kind === 'fragment') {
        report(document, { ...at, message: l10n.t('The image URL {0} is relative: a mail client has no page to resolve it against, so recipients see a broken image. Upload the image and use its absolute https URL.', shown(variant)) });
      } else if (kind === 'protocol-relative') {
        report(document, { ...at, message: l10n.t('The image URL {0} has no scheme: several mail clients resolve it as a local file, so recipients see a broken image. Start it with {1}.', shown(variant), '`https:`') });
      } else if (kind === 'local') {
        report(document, { ...at, message: l10n.t('The image URL {0} points to your computer or a private network: recipients cannot load it and see a broken image. Upload the image and use its public https URL.', shown(variant)) });
      }
    });
  },
};
