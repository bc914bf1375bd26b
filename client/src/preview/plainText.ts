// The text a mail client derives from an HTML-only email (what recipients with text-only clients, and
// some spam filters, get). An approximation on purpose: the preview marks it as derived. Works on the
// template, so `{{variables}}` survive for the substitution that follows. Pure: no vscode import.
import { attributesOf } from './images';

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™', hellip: '…',
  mdash: '—', ndash: '–', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•',
  middot: '·', yen: '¥', euro: '€', pound: '£', times: '×', zwnj: '', zwj: '', shy: '',
};

/** Decodes the common named entities and every numeric one; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, body: string) => {
    if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? whole;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

const BLOCK_END = /<\/(p|div|h[1-6]|tr|table|ul|ol|blockquote|section|article|header|footer|center|pre)\s*>/gi;

/** Plain text of an HTML email: block ends become line breaks, links keep their URL, images their alt text. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(head|script|style|title|template)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<a\b([^>]*)>([\s\S]{0,4000}?)<\/a\s*>/gi, (_, body: string, inner: string) => {
      const href = decodeEntities(attributesOf(body).get('href') ?? '').trim();
      const label = inner.replace(/<[^>]*>/g, '').trim();
      return href && !/^(#|javascript:)/i.test(href) && decodeEntities(label) !== href && `mailto:${decodeEntities(label)}` !== href ? `${inner} (${href})` : inner;
    })
    .replace(/<img\b([^>]*)>/gi, (_, body: string) => {
      const alt = attributesOf(body).get('alt')?.trim();
      return alt ? `[${alt}]` : '';
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(/<\/t[dh]\s*>/gi, ' ')
    .replace(BLOCK_END, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
