import * as l10n from '@vscode/l10n';
import { attributeRange, forEachLinkVariant, shown } from './htmlCommon';
import type { Check } from './types';

/** A link that is not a valid URL, or that is relative or local: it opens nothing for the recipient. */
export const linkMalformed: Check = {
  meta: { id: 'link-malformed', defaultSeverity: 'warning' },
  run({ project, report }) {
    forEachLinkVariant(project, (document, _link, href, variant, kind) => {
      const at = attributeRange(href);
      if (kind === 'malformed' && !variant.partial) {
        report(document, { ...at, message: l10n.t('The link {0} is not a valid URL: check the scheme, the slashes, the host name, and encode spaces as {1}.', shown(variant), '`%20`') });
      } else if (kind === 'relative' || kind === 'protocol-relative' || kind === 'local') {
        report(document, { ...at, message: l10n.t('The link {0} is relative or local: a mail client has no page to resolve it against, so it opens nothing for the recipient. Use an absolute https URL.', shown(variant)) });
      }
    });
  },
};
