import * as l10n from '@vscode/l10n';
import { attribute, decodeEntities } from '#common/htmlModel';
import { code } from './common';
import { htmlParts } from './htmlCommon';
import type { Check } from './types';

/**
 * Link texts that say nothing out of context. Screen-reader users often list an email's links and
 * hear only these words (WCAG 2.4.4). The list follows Lighthouse's link-text audit, in English and
 * Chinese; "Read the full story" or "查看订单详情" are fine, "Read more" and "更多" alone are not.
 */
const VAGUE = new Set([
  'click here', 'click', 'click this', 'here', 'right here', 'this', 'this link', 'link', 'go', 'start', 'more',
  'read more', 'learn more', 'see more', 'more info', 'more information', 'information', 'details', 'continue',
  '点击这里', '点击此处', '点这里', '点此', '点击', '这里', '此处', '更多', '了解更多', '查看更多', '阅读更多', '更多信息', '更多详情', '详情', '链接', '此链接',
]);
const TRAILING = /[\s.,;:!?>»›→…。，；：！？）)]+$/;
const TAG = /<[^>]*>/g;

/** The words a link text is read as: tags removed, entities decoded, spaces collapsed, lower case. */
function spoken(text: string): string {
  return decodeEntities(text.replace(TAG, ' ')).replace(/\s+/g, ' ').trim().toLowerCase().replace(TRAILING, '').replace(/^[«‹←\s]+/, '');
}

export const a11yLinkText: Check = {
  meta: { id: 'a11y-link-text', defaultSeverity: 'info' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      const text = document.getText();
      for (const link of html.named('a')) {
        if (link.closeStart === undefined || !attribute(link, 'href')) continue;
        const label = attribute(link, 'aria-label')?.value ?? attribute(link, 'aria-labelledby')?.value ?? attribute(link, 'title')?.value;
        if (label !== undefined && label.trim() !== '') continue;
        const content = text.slice(link.end, link.closeStart);
        if (content.length > 200 || content.includes('{{') || content.includes('<img')) continue;
        const words = spoken(content);
        if (!VAGUE.has(words)) continue;
        report(document, { start: link.end, end: link.closeStart, message: l10n.t('The link text {0} says nothing on its own: screen-reader users often list the links of an email and hear only this. Say where the link goes, e.g. {1}.', code(words), l10n.t('"View your order"')) });
      }
    }
  },
};
