import * as l10n from '@vscode/l10n';
import { attributeRange, forEachLinkVariant } from './htmlCommon';
import type { Check } from './types';

/** A link whose `href` is empty or only `#`: it goes nowhere. */
export const linkEmpty: Check = {
  meta: { id: 'link-empty', defaultSeverity: 'warning' },
  run({ project, report }) {
    forEachLinkVariant(project, (document, _link, href, variant, kind) => {
      if (kind !== 'empty' && variant.value.trim() !== '#') return;
      const message = variant.set === undefined
        ? l10n.t('This link has an empty {0} or only {1}: it goes nowhere. Set the address it should open.', '`href`', '`#`')
        : l10n.t('With data set {0}, this link has an empty {1} or only {2}: it goes nowhere. Set the address it should open.', variant.set, '`href`', '`#`');
      report(document, { ...attributeRange(href), message });
    });
  },
};
