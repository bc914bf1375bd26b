import * as l10n from '@vscode/l10n';
import { code } from './common';
import { attributeRange, forEachLinkVariant, hostOf, literalHost, shown } from './htmlCommon';
import type { Check } from './types';

/**
 * Public URL shorteners. Spam filters distrust them because they hide the destination, and they are
 * shared with spammers, so their domains land on blocklists. Subdomains count (`m.bit.ly`).
 */
export const URL_SHORTENERS: readonly string[] = [
  // Chinese services
  't.cn', 'dwz.cn', 'url.cn', 'suo.im', 'suo.nz', 'mrw.so', '985.so', 'sina.lt', 'u.nu', 'tb.cn', 'w.url.cn',
  // international services
  'bit.ly', 'bitly.com', 'tinyurl.com', 'goo.gl', 'is.gd', 'v.gd', 'ow.ly', 'buff.ly', 't.co', 'cutt.ly', 'rebrand.ly',
  'rb.gy', 'shorturl.at', 'tiny.cc', 's.id', 'bl.ink', 'short.io', 'soo.gd', 'clck.ru', 'qr.ae', 'lnkd.in', 'adf.ly', 'shorte.st', 'tiny.one',
];

const SHORTENERS = new Set(URL_SHORTENERS);

function shortener(host: string): string | undefined {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (SHORTENERS.has(h)) return h;
  return undefined;
}

/** A link through a public URL shortener. */
export const linkShortener: Check = {
  meta: { id: 'link-shortener', defaultSeverity: 'warning' },
  run({ project, report }) {
    forEachLinkVariant(project, (document, _link, href, variant, kind) => {
      if (kind !== 'http' && kind !== 'https') return;
      if (variant.partial && !literalHost(href.value ?? '')) return;
      const host = hostOf(variant.value);
      const service = host && shortener(host);
      if (!service) return;
      report(document, { ...attributeRange(href), message: l10n.t('The link {0} goes through the URL shortener {1}: spam filters distrust shortened links because they hide the destination, and shortener domains are often blocklisted. Link to the full address.', shown(variant), code(service)) });
    });
  },
};
