import * as l10n from '@vscode/l10n';
import { attribute } from '#common/htmlModel';
import { trimEndOf } from '#common/trimRuns';
import { code, dataValue } from './common';
import { classifyUrl, hostOf, htmlParts, shown, variants } from './htmlCommon';
import type { Check } from './types';

/** Top-level domains a bare link text must end in to be read as an address (`report.pdf` is not one). */
const TLD = 'com|cn|net|org|io|co|info|biz|me|top|xyz|vip|shop|app|dev|edu|gov|hk|tw|jp|kr|sg|uk|de|fr|us|ru|in|au|ca|cc|tv|ai|site|online|store|tech|club|wang|ltd|group|mobi';
const SHOWN_URL = new RegExp(`^(?:(https?://)|(www\\.))?((?:[a-z0-9-]+\\.)+([a-z]{2,}))(?::\\d+)?(?:[/?#]\\S*)?$`, 'i');
const KNOWN_TLD = new RegExp(`^(?:${TLD})$`, 'i');
const SEPARATOR = '\u0001';

/** The host that link text shows, if it reads as an address: `https://x.com/a`, `www.x.com`, `x.cn/a`. */
export function shownHost(text: string): string | undefined {
  const match = SHOWN_URL.exec(trimEndOf(text.trim(), '.,;:!?。，；：！？)）'));
  if (!match) return undefined;
  if (!match[1] && !match[2] && !KNOWN_TLD.test(match[4])) return undefined;
  return match[3].toLowerCase().replace(/^www\./, '');
}

/**
 * `text` without its tags (`<…>`), by one scan: `/<[^>]*>/g` rescanned to the end of the text from
 * every `<` of a run without `>`, quadratic. Text from an unclosed `<` on stays, as with the pattern.
 */
function withoutTags(text: string): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('<'); open >= 0; open = text.indexOf('<', at)) {
    out += text.slice(at, open);
    const close = text.indexOf('>', open + 1);
    if (close < 0) return out + text.slice(open);
    at = close + 1;
  }
  return out + text.slice(at);
}

const related = (a: string, b: string) => a === b || a.endsWith('.' + b) || b.endsWith('.' + a);

/** Link text that shows one address while the link opens another: a phishing signal to mail providers. */
export const linkTextMismatch: Check = {
  meta: { id: 'link-text-mismatch', defaultSeverity: 'warning' },
  run({ project, report }) {
    for (const { document, html } of htmlParts(project)) {
      const text = document.getText();
      for (const link of html.named('a')) {
        const href = attribute(link, 'href');
        if (href?.value === undefined || link.closeStart === undefined) continue;
        const content = text.slice(link.end, link.closeStart);
        if (!content.includes('.')) continue;
        const label = withoutTags(content);
        for (const variant of variants(project, href.value + SEPARATOR + label)) {
          if (variant.partial) continue;
          const [url, shownText] = variant.value.split(SEPARATOR);
          const kind = classifyUrl(url);
          if (kind !== 'http' && kind !== 'https') continue;
          const textHost = shownHost(shownText);
          const target = hostOf(url);
          if (!textHost || !target || related(textHost, target)) continue;
          report(document, {
            start: link.end,
            end: link.closeStart,
            message: l10n.t('The link text shows {0} but the link opens {1}: mail providers treat this as a phishing signal. Show the real address, or use descriptive text.', variant.set === undefined ? code(textHost) : dataValue(textHost), shown({ value: target, set: variant.set })),
          });
        }
      }
    }
  },
};
