import * as l10n from '@vscode/l10n';
import { forEachImageUrlVariant, shown } from './htmlCommon';
import type { Check } from './types';

/** An image loaded over `http://`: clients warn about or block insecure content. */
export const imageInsecureUrl: Check = {
  meta: { id: 'image-insecure-url', defaultSeverity: 'warning' },
  run({ project, report }) {
    forEachImageUrlVariant(project, (document, url, variant, kind) => {
      if (kind !== 'http') return;
      report(document, { start: url.start, end: url.end, message: l10n.t('The image URL {0} uses http: mail clients warn about or block insecure content. Use {1}.', shown(variant), '`https://`') });
    });
  },
};
