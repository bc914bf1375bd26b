// What the preview does with images: outlines the ones the language server's image checks flagged,
// and shows the email as a client that blocks images does (the SES FAQ's "images not displayed"
// topic). Works on the template text before substitution, so diagnostics' offsets still apply.
// Pure: no vscode import.
import { escapeHtml } from './substitute';

/** An image diagnostic of the HTML part: where it starts (offset in the part's text) and its message. */
export interface ImageProblem {
  readonly offset: number;
  readonly message: string;
}

/** Offset of a position in `text`, counted like VS Code (UTF-16, \r\n or \n line ends). */
export function offsetAt(text: string, line: number, character: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + character, text.length);
}

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
// Elements whose outline shows nothing, or that are not rendered: a problem there is only in the count.
const UNMARKABLE = new Set(['html', 'head', 'style', 'script', 'title', 'meta', 'link', 'base']);

/** The attributes of an opening tag's text (after its name), lower-cased names, entity text kept. */
export function attributesOf(tagBody: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tagBody.matchAll(ATTRIBUTE)) {
    const name = match[1].toLowerCase();
    if (attributes.has(name)) continue; // HTML keeps the first of duplicated attributes
    const raw = match[2] ?? '';
    attributes.set(name, /^["']/.test(raw) ? raw.slice(1, -1) : raw);
  }
  return attributes;
}

/**
 * Outlines the element whose opening tag contains each problem's offset (`data-ses-problem`, styled
 * by the renderer) and gives it the messages as tooltip. An `<img>` gets its tooltip from a wrapper:
 * Chromium draws the `title` of a broken image without alt in place of the image, which is not what
 * the recipient sees. Other elements (a `<td>` with a background) take `title` right after the tag
 * name, where it wins over their own (HTML keeps the first of duplicated attributes).
 */
export function markImageProblems(html: string, problems: readonly ImageProblem[]): string {
  const byTag = new Map<number, { name: string; nameEnd: number; close: number; messages: string[] }>();
  for (const problem of problems) {
    if (!Number.isInteger(problem.offset) || problem.offset < 0 || problem.offset > html.length) continue;
    const open = html.lastIndexOf('<', problem.offset);
    if (open < 0) continue;
    const tag = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(open, open + 64));
    const close = html.indexOf('>', open);
    if (!tag || (close >= 0 && close < problem.offset) || UNMARKABLE.has(tag[1].toLowerCase())) continue;
    const entry = byTag.get(open) ?? { name: tag[1].toLowerCase(), nameEnd: open + tag[0].length, close, messages: [] };
    if (!entry.messages.includes(problem.message)) entry.messages.push(problem.message);
    byTag.set(open, entry);
  }
  let out = html;
  for (const [open, { name, nameEnd, close, messages }] of [...byTag].sort((a, b) => b[0] - a[0])) {
    // Braces as references: a message quoting `{{logo}}` must not be filled by the substitution that follows.
    const text = escapeHtml(messages.join('\n')).replace(/[{}]/g, (c) => (c === '{' ? '&#123;' : '&#125;'));
    if (name === 'img' && close >= 0) {
      const tag = `${out.slice(open, nameEnd)} data-ses-problem=""${out.slice(nameEnd, close + 1)}`;
      out = `${out.slice(0, open)}<span class="ses-problem-tip" title="${text}">${tag}</span>${out.slice(close + 1)}`;
    } else {
      out = `${out.slice(0, nameEnd)} data-ses-problem="" title="${text}"${out.slice(nameEnd)}`;
    }
  }
  return out;
}

export interface ImagesOffLabels {
  /** Shown in the box of an image without `alt`. */
  readonly noAlt: string;
  /** Tooltip of the box of an image with `alt=""` (decorative: clients show nothing). */
  readonly decorative: string;
}

/** `140` → `140px`, `50%` → `50%`, anything else → undefined (the box then sizes to its text). */
function cssLength(value: string | undefined): string | undefined {
  const match = /^\s*(\d{1,5})(%|px)?\s*$/.exec(value ?? '');
  return match ? `${match[1]}${match[2] === '%' ? '%' : 'px'}` : undefined;
}

/** The box a blocked image leaves: its alt text (or a warning that it has none), at its size. */
function imageBox(tagBody: string, labels: ImagesOffLabels): string {
  const attributes = attributesOf(tagBody);
  const width = cssLength(attributes.get('width'));
  const height = cssLength(attributes.get('height'));
  const alt = attributes.get('alt');
  const size = `${width ? `width:${width};` : ''}${height ? `min-height:${height};` : ''}`;
  const marks = attributes.has('data-ses-problem') ? ' data-ses-problem=""' : '';
  if (alt === undefined) return `<span class="ses-img-off ses-img-noalt"${marks} style="${size}">${escapeHtml(labels.noAlt)}</span>`;
  // alt is attribute text: its entities mean the same in element content, but a raw `<` must not open a tag.
  const text = alt.replace(/</g, '&lt;');
  const title = marks ? '' : ` title="${escapeHtml(labels.decorative)}"`;
  return alt.trim() === ''
    ? `<span class="ses-img-off ses-img-decorative"${marks}${title} style="${size}"></span>`
    : `<span class="ses-img-off"${marks} style="${size}">${text}</span>`;
}

/**
 * The HTML as a client that blocks images shows it: every `<img>` becomes a box with its alt text,
 * `background` attributes go, and `url(…)` in CSS backgrounds becomes `none`.
 */
export function imagesOff(html: string, labels: ImagesOffLabels): string {
  let out = html
    // Quoted values may hold `>` (alt="a > b"), as the HTML parser knows.
    .replace(/<img\b((?:[^>"']|"[^"]*"|'[^']*')*)>?/gi, (_, body: string) => imageBox(body, labels))
    .replace(/(<[a-zA-Z][^>]*?\s)background\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)\s*/gi, '$1');
  // One `url()` per pass: `background-image: url(a), url(b)` needs two. Bounded, each pass removes one.
  for (let pass = 0; pass < 8; pass++) {
    const next = out.replace(/(background(?:-image)?\s*:[^;{}<>"]*?)(?:url|image-set|-webkit-image-set)\(\s*(?:"[^"]*"|'[^']*'|[^)]*)\s*\)/gi, '$1none');
    if (next === out) break;
    out = next;
  }
  return out;
}
