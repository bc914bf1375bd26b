import * as l10n from '@vscode/l10n';
import { attribute, decodeEntities } from '#common/htmlModel';
import { code } from './common';
import { attributeRange, classifyUrl, forEachLinkVariant, htmlParts, shown } from './htmlCommon';
import type { Check } from './types';

/** A link over `http://` (browsers mark the page insecure, spam filters prefer https), or a stylesheet or web font over http. */
export const linkInsecure: Check = {
  meta: { id: 'link-insecure', defaultSeverity: 'warning' },
  run({ project, report }) {
    forEachLinkVariant(project, (document, _link, href, variant, kind) => {
      if (kind !== 'http') return;
      report(document, { ...attributeRange(href), message: l10n.t('The link {0} uses http: browsers mark the page as not secure, and spam filters prefer https links. Use {1}.', shown(variant), '`https://`') });
    });
    // Stylesheets and web fonts over http://: mail clients on https pages block them as mixed content.
    for (const { document, html } of htmlParts(project)) {
      const insecure = (start: number, end: number, url: string) => report(document, { start, end, message: l10n.t('The stylesheet or web font {0} is loaded over http: clients block it as insecure content. Use {1}.', code(url, 60), '`https://`') });
      for (const link of html.named('link')) {
        const href = attribute(link, 'href');
        if (href?.value !== undefined && classifyUrl(decodeEntities(href.value)) === 'http') insecure(href.valueStart, href.valueEnd, href.value);
      }
      for (const url of html.cssUrls) if ((url.property === '@import' || url.property === 'src') && classifyUrl(url.value) === 'http') insecure(url.start, url.end, url.value);
    }
  },
};
