import * as l10n from '@vscode/l10n';
import { attributeRange, forEachLinkVariant, shown } from './htmlCommon';
import type { Check } from './types';

/** A `javascript:` link: mail clients never run it and spam filters distrust it. */
export const linkJavascript: Check = {
  meta: { id: 'link-javascript', defaultSeverity: 'error' },
  run({ project, report }) {
    forEachLinkVariant(project, (document, _link, href, variant, kind) => {
      if (kind !== 'javascript') return;
      report(document, { ...attributeRange(href), message: l10n.t('The link {0} runs a script: mail clients do not run scripts and disable or remove such links, and spam filters treat them as suspicious. Link to a web page instead.', shown(variant)) });
    });
  },
};
