import * as l10n from '@vscode/l10n';
import { forEachImageUrlVariant, shown } from './htmlCommon';
import type { Check } from './types';

/** An image URL that is not a valid web address: bad scheme, missing slashes, spaces, no host. */
export const imageMalformedUrl: Check = {
  meta: { id: 'image-malformed-url', defaultSeverity: 'warning' },
  run({ project, report }) {
    forEachImageUrlVariant(project, (document, url, variant, kind) => {
      const at = { start: url.start, end: url.end };
      if (kind === 'malformed' && !variant.partial) {
        report(document, { ...at, message: l10n.t('The image URL {0} is not a valid URL: check the scheme, the slashes, the host name, and encode spaces as {1}.', shown(variant), '`%20`') });
      } else if (kind === 'javascript' || kind === 'mailto' || kind === 'other') {
        report(document, { ...at, message: l10n.t('The image URL {0} is not a web address: mail clients load images only over https (or from an attachment with {1}).', shown(variant), '`cid:`') });
      }
    });
  },
};
