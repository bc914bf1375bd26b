import * as l10n from '@vscode/l10n';
import { attribute } from '../html/htmlModel';
import { code } from './common';
import { htmlParts, tagRange, type HtmlPart } from './htmlCommon';
import type { Check } from './types';

/** Elements mail clients remove, or Tencent review refuses: reported by unsupported-html. */
const DROPPED = new Set(['form', 'iframe', 'object', 'embed', 'video', 'audio']);
const IMPORT = /@import\b/gi;
const FIXED = /position\s*:\s*fixed\b/gi;
const FONT_FACE = /@font-face\b/gi;

/** CSS text in a part: `<style>` contents and `style` attribute values, with their offsets. */
function cssOf({ document, html }: HtmlPart): Array<{ start: number; text: string }> {
  const text = document.getText();
  const css: Array<{ start: number; text: string }> = [];
  for (const style of html.named('style')) if (style.closeStart !== undefined) css.push({ start: style.end, text: text.slice(style.end, style.closeStart) });
  if (text.includes('position')) {
    for (const element of html.elements) {
      const style = attribute(element, 'style');
      if (style?.value) css.push({ start: style.valueStart, text: style.value });
    }
  }
  return css;
}

/** `<script>`: mail clients strip it, spam filters and Tencent review reject it. */
export const htmlScript: Check = {
  meta: { id: 'html-script', defaultSeverity: 'error' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      for (const script of html.named('script')) report(document, { ...tagRange(script), message: l10n.t('Email clients never run {0}: they strip it, and spam filters and Tencent review reject emails that contain it. Remove it.', '`<script>`') });
    }
  },
};

/** HTML and CSS that email clients drop or Tencent asks not to use: forms, embeds, media, external CSS, fixed positioning, web fonts. */
export const unsupportedHtml: Check = {
  meta: { id: 'unsupported-html', defaultSeverity: 'warning' },
  run({ project, report }) {
    for (const part of htmlParts(project)) {
      const { document, html } = part;
      for (const element of html.elements) {
        if (DROPPED.has(element.tag)) {
          report(document, { ...tagRange(element), message: l10n.t('Most email clients remove {0} or show it broken. Link to a web page instead.', code('<' + element.tag + '>')) });
        } else if (element.tag === 'link' && /\bstylesheet\b/i.test(attribute(element, 'rel')?.value ?? '')) {
          report(document, { ...tagRange(element), message: l10n.t('An external stylesheet: Tencent asks for no external CSS in templates, and most email clients do not load it. Put the CSS inline, in {0} attributes.', '`style`') });
        }
      }
      for (const { start, text } of cssOf(part)) {
        for (const match of text.matchAll(IMPORT)) {
          report(document, { start: start + match.index, end: start + match.index + match[0].length, message: l10n.t('An external stylesheet: Tencent asks for no external CSS in templates, and most email clients do not load it. Put the CSS inline, in {0} attributes.', '`style`') });
        }
        for (const match of text.matchAll(FIXED)) {
          report(document, { start: start + match.index, end: start + match.index + match[0].length, message: l10n.t('Email clients ignore {0} or drop the whole style. Lay the email out with tables.', '`position: fixed`') });
        }
        FONT_FACE.lastIndex = 0;
        if (FONT_FACE.test(text)) {
          for (const url of html.cssUrls) {
            if (url.property !== 'src' || url.start < start || url.end > start + text.length) continue;
            report(document, { start: url.start, end: url.end, message: l10n.t('A web font from {0}: Gmail, Outlook and most other clients do not load {1} fonts. Name fallback fonts in every {2}.', code(url.value, 60), '`@font-face`', '`font-family`') });
          }
        }
      }
    }
  },
};
