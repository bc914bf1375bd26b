import * as l10n from '@vscode/l10n';
import { attribute, type HtmlElement, type HtmlModel } from '#common/htmlModel';
import { htmlParts, tagRange } from './htmlCommon';
import type { Check } from './types';

const IN_STYLE = { width: /(?:^|[;\s])width\s*:/i, height: /(?:^|[;\s])height\s*:/i };
/** An inline style that scales the image with its container: `max-width`, `width: 100%`, `height: auto`. */
const FLUID_STYLE = /(?:^|[;\s])(?:max-width\s*:|width\s*:\s*100%|height\s*:\s*auto\b)/i;

function hasDimension(img: HtmlElement, name: 'width' | 'height'): boolean {
  if (attribute(img, name)) return true;
  const style = attribute(img, 'style')?.value;
  return style !== undefined && IN_STYLE[name].test(style);
}

/**
 * Whether a `<style>` rule of the part makes every `<img>` fluid (`img { max-width: 100%; height: auto }`,
 * as email frameworks reset it). Rules are split by hand: no pattern backtracks over CSS text.
 */
function fluidByStylesheet(text: string, html: HtmlModel): boolean {
  for (const style of html.named('style')) {
    if (style.closeStart === undefined) continue;
    const css = text.slice(style.end, style.closeStart);
    let from = 0;
    for (let open = css.indexOf('{', from); open >= 0; open = css.indexOf('{', from)) {
      const close = css.indexOf('}', open);
      const body = css.slice(open + 1, close < 0 ? css.length : close);
      const selector = css.slice(css.lastIndexOf('}', open) + 1, open);
      if (/(?:^|[\s,>+~])img(?![\w-])/i.test(selector) && FLUID_STYLE.test(body)) return true;
      if (close < 0) break;
      from = close + 1;
    }
  }
  return false;
}

/**
 * An `<img>` without width or height: with images blocked, and in Outlook, the layout collapses or
 * stretches. A fluid image (a `width` plus `max-width`, `width: 100%` or `height: auto`) leaves its
 * `height` out on purpose, as email frameworks recommend: Outlook uses the width and keeps the ratio.
 */
export const imageMissingSize: Check = {
  meta: { id: 'image-missing-size', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      let fluidRule: boolean | undefined;
      for (const img of html.named('img')) {
        const missing = (['width', 'height'] as const).filter((name) => !hasDimension(img, name));
        if (missing.length === 0) continue;
        if (missing.length === 1 && missing[0] === 'height') {
          if (FLUID_STYLE.test(attribute(img, 'style')?.value ?? '')) continue;
          if ((fluidRule ??= fluidByStylesheet(document.getText(), html))) continue;
        }
        const message = missing.length === 2
          ? l10n.t('This image has neither {0} nor {1}: while images are blocked, and in Outlook, the layout collapses or the image shows at its natural size. Add {0} and {1} attributes in pixels.', '`width`', '`height`')
          : l10n.t('This image has no {0}: while images are blocked, and in Outlook, the layout collapses or the image shows at its natural size. Add {1} and {2} attributes in pixels.', '`' + missing[0] + '`', '`width`', '`height`');
        report(document, { ...tagRange(img), message });
      }
    }
  },
};
