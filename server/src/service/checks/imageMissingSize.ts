import * as l10n from '@vscode/l10n';
import { attribute, type HtmlElement } from '../html/htmlModel';
import { htmlParts, tagRange } from './htmlCommon';
import type { Check } from './types';

const IN_STYLE = { width: /(?:^|[;\s])width\s*:/i, height: /(?:^|[;\s])height\s*:/i };

function hasDimension(img: HtmlElement, name: 'width' | 'height'): boolean {
  if (attribute(img, name)) return true;
  const style = attribute(img, 'style')?.value;
  return style !== undefined && IN_STYLE[name].test(style);
}

/** An `<img>` without width or height: with images blocked, and in Outlook, the layout collapses or stretches. */
export const imageMissingSize: Check = {
  meta: { id: 'image-missing-size', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      for (const img of html.named('img')) {
        const missing = (['width', 'height'] as const).filter((name) => !hasDimension(img, name));
        if (missing.length === 0) continue;
        report(document, { ...tagRange(img), message: l10n.t('This image has no {0}: while images are blocked, and in Outlook, the layout collapses or the image shows at its natural size. Add {1} and {2} attributes in pixels.', missing.map((m) => '`' + m + '`').join(', '), '`width`', '`height`') });
      }
    }
  },
};
