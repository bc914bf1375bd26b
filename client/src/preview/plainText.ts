// The text a mail client derives from an HTML-only email (what recipients with text-only clients, and
// some spam filters, get). An approximation on purpose: the preview marks it as derived. One walk over
// the HTML model of the template, so `{{variables}}` survive for the substitution that follows.
// Pure: no vscode import.
import { attribute, type HtmlElement, type HtmlModel } from '#common/htmlModel';

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™', hellip: '…',
  mdash: '—', ndash: '–', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•',
  middot: '·', yen: '¥', euro: '€', pound: '£', times: '×', zwnj: '', zwj: '', shy: '',
};

/** Decodes the common named entities and every numeric one; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, body: string) => {
    if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? whole;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'ul', 'ol', 'blockquote', 'section', 'article', 'header', 'footer', 'center', 'pre']);
/** Elements whose content is not text a client shows: skipped up to their end tag. */
const HIDDEN = new Set(['head', 'script', 'style', 'title', 'template']);

/**
 * Plain text of an HTML email: block ends become line breaks, links keep their URL, images their alt
 * text. `model` must come from `parseHtml(html, { blankTexts: true })`: the spaces between tags count.
 */
export function htmlToText(html: string, model: HtmlModel): string {
  // The end tags the model matched, in document order (the start tags and texts already are).
  const closes = model.elements.filter((e) => e.closeStart !== undefined).sort((a, b) => (a.closeStart ?? 0) - (b.closeStart ?? 0));
  const body = model.named('body')[0];
  const out: string[] = [];
  /** Open links: where their label starts in `out`, and their URL. */
  const links = new Map<HtmlElement, { from: number; href: string }>();
  let skipUntil = -1;
  let e = 0;
  let c = 0;
  let t = 0;
  const { elements, texts } = model;
  while (e < elements.length || c < closes.length || t < texts.length) {
    const nextStart = e < elements.length ? elements[e].start : Infinity;
    const nextClose = c < closes.length ? closes[c].closeStart ?? Infinity : Infinity;
    const nextText = t < texts.length ? texts[t].start : Infinity;
    if (nextText < nextStart && nextText < nextClose) {
      const text = texts[t++];
      if (text.start >= skipUntil) out.push(html.slice(text.start, text.end));
      continue;
    }
    if (nextClose < nextStart) {
      const element = closes[c++];
      if (element.closeStart! < skipUntil) continue;
      if (BLOCKS.has(element.tag)) out.push('\n\n');
      else if (element.tag === 'td' || element.tag === 'th') out.push(' ');
      else if (element.tag === 'a') closeLink(out, links, element);
      continue;
    }
    const element = elements[e++];
    if (element.start < skipUntil) continue;
    if (HIDDEN.has(element.tag)) {
      // An unclosed <head> ends where <body> starts, as the browser decides; anything else at its end tag.
      const end = element.closeStart ?? (element.tag === 'head' && body && body.start > element.start ? body.start : html.length);
      skipUntil = end;
    } else if (element.tag === 'br') {
      out.push('\n');
    } else if (element.tag === 'li') {
      out.push('\n• ');
    } else if (element.tag === 'img') {
      const alt = attribute(element, 'alt')?.value?.trim();
      if (alt) out.push(`[${alt}]`);
    } else if (element.tag === 'a' && element.closeStart !== undefined) {
      links.set(element, { from: out.length, href: decodeEntities(attribute(element, 'href')?.value ?? '').trim() });
    }
  }
  return decodeEntities(out.join(''))
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** After a link's label, its URL in parentheses, unless the label already says it (or it goes nowhere). */
function closeLink(out: string[], links: Map<HtmlElement, { from: number; href: string }>, element: HtmlElement): void {
  const link = links.get(element);
  if (!link) return;
  links.delete(element);
  const { href } = link;
  if (!href || /^(#|javascript:)/i.test(href)) return;
  // Only the last 4,000 characters of a label are compared: a link around a whole email is no label.
  const label = decodeEntities(out.slice(link.from).join('').slice(-4000)).trim();
  if (label !== href && `mailto:${label}` !== href) out.push(` (${href})`);
}
