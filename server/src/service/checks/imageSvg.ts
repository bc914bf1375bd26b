import * as l10n from '@vscode/l10n';
import { forEachImageUrlVariant, htmlParts, shown, tagRange } from './htmlCommon';
import type { Check } from './types';

const SVG_URL = /\.svgz?(?:[?#]|$)|^\s*data:image\/svg\+xml/i;

/** An SVG image (by URL or inline `<svg>`): Gmail, Outlook and many other clients do not display it. */
export const imageSvg: Check = {
  meta: { id: 'image-svg', defaultSeverity: 'warning' },
  run({ project, report }) {
    forEachImageUrlVariant(project, (document, url, variant) => {
      if (!SVG_URL.test(variant.value)) return;
      report(document, { start: url.start, end: url.end, message: l10n.t('The SVG image {0} is not displayed by Gmail, Outlook and many other mail clients. Use a PNG or JPEG image.', shown(variant)) });
    });
    for (const { document, html } of htmlParts(project)) {
      for (const svg of html.named('svg')) {
        report(document, { ...tagRange(svg), message: l10n.t('Inline SVG is removed by Gmail, Outlook and many other mail clients. Use a PNG or JPEG image.') });
      }
    }
  },
};
