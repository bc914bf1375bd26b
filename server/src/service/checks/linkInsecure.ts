import * as l10n from '@vscode/l10n';
import { attributeRange, forEachLinkVariant, shown } from './htmlCommon';
import type { Check } from './types';

/** A link over `http://`: browsers mark the page insecure, and spam filters prefer https. */
export const linkInsecure: Check = {
  meta: { id: 'link-insecure', defaultSeverity: 'warning' },
  run({ project, report }) {
    forEachLinkVariant(project, (document, _link, href, variant, kind) => {
      if (kind !== 'http') return;
      report(document, { ...attributeRange(href), message: l10n.t('The link {0} uses http: browsers mark the page as not secure, and spam filters prefer https links. Use {1}.', shown(variant), '`https://`') });
    });
  },
};
