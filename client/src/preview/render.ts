// The email as the recipient sees it, for the preview's sandboxed iframe. Pure (no vscode import), so
// it is unit-tested in plain node; client/src/preview/previewPanel.ts is the VS Code glue.
//
// One parse: the HTML part is parsed once into the language server's HTML model, every pass (image
// outlines, image boxes, filled values) turns the model into edits by offset, and one walk applies them
// (htmlEdits.ts). Every step is linear in the size of the template (test/unit/linearTime.test.ts).
import { parseHtml, type HtmlElement } from '#common/htmlModel';
import { emailCsp } from './emailPolicy';
import { darkBaseStyle, darkModeEdits, hasOwnDarkStyles, type DarkScheme } from './darkMode';
import { applyEdits, type Edit } from '#common/htmlEdits';
import { imageBox, problemElements, problemTitle, type ImageProblem, type ImagesOffLabels } from './images';
import { withoutLinkElements } from './linkElements';
import type { PreviewView, Segment } from './messages';
import { htmlToText } from './plainText';
import { EMPTY_SOURCE_MAP, sourceAnchors, wrapValue, type SourceMap } from './sourceMap';
import { escapeHtml, fillEdits, fillSegments, missingMark, missingNames, placeholders, textToHtml, type Placeholder } from '#common/substitute';

export type { ImageProblem } from './images';

/**
 * Above this many UTF-16 code units the preview shows a notice instead of the email: the language
 * server's limit (MAX_ANALYSED_LENGTH in server/src/service/templateParser.ts), for the same reasons:
 * the preview renders in the extension host, and no email is that big (Gmail clips at ~100 KB).
 */
export const PREVIEW_MAX_LENGTH = 2_000_000;

export interface RenderLabels extends ImagesOffLabels {
  /** Tooltip of a missing variable; `{0}` is its name. */
  readonly missingTooltip: string;
  /** Shown instead of a part above PREVIEW_MAX_LENGTH; `{0}` is its length in millions of characters, `{1}` the limit. */
  readonly tooLarge: string;
}

export interface RenderInput {
  readonly html?: string;
  readonly text?: string;
  readonly subject?: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly view: PreviewView;
  /** Image diagnostics of the HTML part, by offset in `html`. */
  readonly imageProblems?: readonly ImageProblem[];
  readonly labels: RenderLabels;
  /** Mark the email's elements and filled values with their template offsets and return the source map (preview ↔ source, sourceMap.ts). */
  readonly sourceMap?: boolean;
}

export interface RenderResult {
  readonly srcdoc: string;
  /** The Content-Security-Policy of `srcdoc`: the webview puts it on the iframe too (its `csp` attribute). */
  readonly csp: string;
  readonly subject?: Segment[];
  /** Variables of the subject and of every part that the data set lacks, each once. */
  readonly missing: string[];
  /** In the view of the template's own dark styles: whether it has any (else it shows unchanged). */
  readonly ownDarkStyles?: boolean;
  /** What the frame shows: the view asked for, the text part when there is no HTML part, or a notice. */
  readonly shown: 'html' | 'text' | 'derivedText' | 'empty' | 'tooLarge';
  /** The HTML views' elements and wrapped values by template offset (empty for the text views, or when not asked for). */
  readonly sourceMap: SourceMap;
}

// Our marks inside the email: missing variables, image problems, blocked-image boxes.
const PREVIEW_STYLE = `<style>
mark.ses-missing{background:#ffd43b !important;color:#1f2933 !important;outline:1px solid #e8590c;border-radius:2px;padding:0 1px;font:inherit}
[data-ses-problem]{outline:3px solid #e03131 !important;outline-offset:1px}
.ses-problem-tip{display:contents}
.ses-img-off{display:inline-block;box-sizing:border-box;max-width:100%;border:1px dashed #9aa5b1;background:#f5f7fa;color:#3e4c59;font:12px/1.4 Arial,sans-serif;padding:4px;vertical-align:middle;overflow:hidden;text-align:center}
.ses-img-noalt{border-color:#e8590c;color:#c92a2a;background:#fff4e6}
.ses-img-decorative{min-width:8px;min-height:8px}
pre.ses-text{white-space:pre-wrap;word-wrap:break-word;font:14px/1.5 Menlo,Consolas,monospace;margin:16px;color:#1f2933}
</style>`;

/**
 * Our head: the policy first, then `<base target="_blank">` (a click on a link then asks for a popup,
 * which the sandbox refuses: nothing happens, as nothing should). The base target is a convenience, not
 * the defence: a link that names its own target navigates the frame, which the webview's frame-src
 * 'none' turns into an error page, and the webview then shows the email again (media/preview/preview.js).
 */
function headInjection(csp: string, extra = ''): string {
  return `<meta http-equiv="Content-Security-Policy" content="${csp}"><base target="_blank">${PREVIEW_STYLE}${extra}`;
}

/** How a view darkens the email (darkMode.ts); undefined for the light views. */
export function darkSchemeOf(view: PreviewView): DarkScheme | undefined {
  switch (view) {
    case 'darkPartial': return 'partial';
    case 'darkFull': return 'full';
    case 'darkOwn': return 'own';
    default: return undefined;
  }
}

const isHtmlSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** Offset after the comment opened at `i` (`<!--`), ended as the browser ends it (`-->`, `--!>`, `<!-->`, `<!--->`); -1 if unclosed. */
function commentEnd(html: string, i: number): number {
  if (html.startsWith('>', i + 4)) return i + 5;
  if (html.startsWith('->', i + 4)) return i + 6;
  for (let k = html.indexOf('--', i + 4); k >= 0; k = html.indexOf('--', k + 1)) {
    if (html.charCodeAt(k + 2) === 62) return k + 3;
    if (html.charCodeAt(k + 2) === 33 && html.charCodeAt(k + 3) === 62) return k + 4;
  }
  return -1;
}

/**
 * The template's doctype, when only white space and comments come before it (it decides quirks mode),
 * as the browser reads it: from `<!doctype` to the first `>`. Empty when there is none.
 */
export function leadingDoctype(html: string): string {
  let i = html.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < html.length && isHtmlSpace(html.charCodeAt(i))) i++;
    if (!html.startsWith('<!--', i)) break;
    i = commentEnd(html, i);
    if (i < 0) return '';
  }
  if (html.slice(i, i + 9).toLowerCase() !== '<!doctype') return '';
  const end = html.indexOf('>', i);
  const doctype = end < 0 ? '' : html.slice(i, end + 1);
  // The browser ends it at the first `>` whatever the quotes; one with a `<` inside is not worth copying.
  return doctype.includes('<', 1) ? '' : doctype;
}

/**
 * The email document: the template's doctype (copied, so that the mode stays the template's), then our
 * head, then the whole template. Nothing of the template comes before our policy, whatever its comments
 * hold; its own doctype, further on, is then ignored by the parser. No `<link>` survives (linkElements.ts).
 */
export function emailDocument(doctype: string, body: string, csp: string, extraHead = ''): string {
  const content = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  return doctype + headInjection(csp, extraHead) + withoutLinkElements(content);
}

function textDocument(body: string): string {
  return `<!DOCTYPE html><html><head>${headInjection(emailCsp('text'))}</head><body><pre class="ses-text">${body}</pre></body></html>`;
}

// A NUL is replaced by U+FFFD by every HTML parser; do it first so that offsets stay the same.
const clean = (text: string | undefined) => (text === undefined ? undefined : text.replace(/\0/g, '\ufffd'));

/** `{0}` (and `{1}`) of a label replaced by values, never read as replacement patterns (`$&` in a name stays). */
const format = (label: string, ...values: string[]) => label.replace(/\{([01])\}/g, (whole, k: string) => values[Number(k)] ?? whole);

/** An HTML view (HTML, Images off, dark) of an HTML part: one parse, edits from every pass, one walk. */
function renderHtml(html: string, input: RenderInput, tooltip: (name: string) => string): { srcdoc: string; ownDarkStyles?: boolean; sourceMap: SourceMap } {
  const model = parseHtml(html);
  const scheme = darkSchemeOf(input.view);
  const edits: Edit[] = darkModeEdits(html, model, scheme);
  const list = placeholders(html, input.data);
  const marked = problemElements(model, input.imageProblems ?? []);
  const boxed: HtmlElement[] = input.view === 'imagesOff' ? [...model.named('img')] : [];
  for (const [element, messages] of marked) {
    const title = problemTitle(messages);
    if (element.tag === 'img') {
      // The tooltip goes on a wrapper: Chromium draws a broken image's own title in place of the image.
      edits.push({ start: element.start, end: element.start, text: `<span class="ses-problem-tip" title="${title}">`, rank: 1 });
      edits.push({ start: element.end, end: element.end, text: '</span>', rank: 0 });
      if (input.view !== 'imagesOff') edits.push({ start: element.nameEnd, end: element.nameEnd, text: ' data-ses-problem=""' });
    } else {
      // Right after the tag name, where it wins over the element's own title (the first of duplicates counts).
      edits.push({ start: element.nameEnd, end: element.nameEnd, text: ` data-ses-problem="" title="${title}"` });
    }
  }
  // Images off: each <img> becomes its box, with its alt text filled; its placeholders are in the box.
  let b = 0;
  let p = 0;
  for (const image of boxed) {
    const inImage: Placeholder[] = [];
    while (p < list.length && list[p].start < image.start) p++;
    for (let k = p; k < list.length && list[k].start < image.end; k++) inImage.push(list[k]);
    const altHtml = (start: number, end: number) => fillFragment(html, start, end, inImage, tooltip);
    edits.push({ start: image.start, end: Math.max(image.end, image.start + 1), text: imageBox(image, input.labels, marked.has(image), altHtml) });
  }
  const insideBox = (ph: Placeholder) => {
    while (b < boxed.length && boxed[b].end <= ph.start) b++;
    return b < boxed.length && boxed[b].start <= ph.start;
  };
  let sourceMap = EMPTY_SOURCE_MAP;
  if (input.sourceMap) {
    // Images off replaces each <img> whole: its box is not mapped.
    const mapped = sourceAnchors(model, (element) => input.view === 'imagesOff' && element.tag === 'img');
    const wrapped: Placeholder[] = [];
    edits.push(...mapped.edits, ...fillEdits(list, model.texts, tooltip, html, insideBox, (shown, ph) => {
      wrapped.push(ph);
      return wrapValue(shown, ph.start);
    }));
    sourceMap = { ...mapped.map, placeholders: wrapped.map(({ start, end, name }) => ({ start, end, name })) };
  } else {
    edits.push(...fillEdits(list, model.texts, tooltip, html, insideBox));
  }
  const ownDarkStyles = scheme === 'own' ? hasOwnDarkStyles(html, model) : undefined;
  // The own view of a template without dark styles: what clients that honour them show, unchanged.
  const base = scheme === 'own' && !ownDarkStyles ? '' : darkBaseStyle(scheme);
  return { srcdoc: emailDocument(leadingDoctype(html), applyEdits(html, edits), emailCsp(input.view), base), ownDarkStyles, sourceMap };
}

/** [start, end) of `html` as element content: values filled and escaped, missing ones marked, `<` escaped. */
function fillFragment(html: string, start: number, end: number, list: readonly Placeholder[], tooltip: (name: string) => string): string {
  let out = '';
  let last = start;
  for (const p of list) {
    if (p.start < start || p.end > end) continue;
    out += html.slice(last, p.start).replace(/</g, '&lt;');
    out += p.value === undefined ? missingMark(html.slice(p.start, p.end), tooltip(p.name)) : escapeHtml(p.value);
    last = p.end;
  }
  return out + html.slice(last, end).replace(/</g, '&lt;');
}

export function renderEmail(input: RenderInput): RenderResult {
  const html = clean(input.html);
  const text = clean(input.text);
  const subject = clean(input.subject);
  const tooltips = new Map<string, string>();
  const tooltip = (name: string) => {
    let text = tooltips.get(name);
    if (text === undefined) tooltips.set(name, (text = format(input.labels.missingTooltip, name)));
    return text;
  };
  const tooLarge = [html, text, subject].find((part) => part !== undefined && part.length > PREVIEW_MAX_LENGTH);
  if (tooLarge !== undefined) {
    const mb = (n: number) => (n / 1_000_000).toFixed(1);
    return { srcdoc: textDocument(escapeHtml(format(input.labels.tooLarge, mb(tooLarge.length), mb(PREVIEW_MAX_LENGTH)))), csp: emailCsp('text'), missing: [], shown: 'tooLarge', sourceMap: EMPTY_SOURCE_MAP };
  }
  const missing = new Set<string>();
  for (const part of [subject, html, text]) if (part !== undefined) missingNames(placeholders(part, input.data)).forEach((n) => missing.add(n));
  const filledSubject = subject === undefined ? undefined : fillSegments(subject, input.data);

  let srcdoc: string;
  let shown: RenderResult['shown'];
  let ownDarkStyles: boolean | undefined;
  let sourceMap = EMPTY_SOURCE_MAP;
  if (input.view !== 'text' && html !== undefined) {
    ({ srcdoc, ownDarkStyles, sourceMap } = renderHtml(html, input, tooltip));
    shown = 'html';
  } else if (text !== undefined) {
    srcdoc = textDocument(textToHtml(text, input.data, tooltip));
    shown = 'text';
  } else if (html !== undefined) {
    srcdoc = textDocument(textToHtml(htmlToText(html, parseHtml(html, { blankTexts: true })), input.data, tooltip));
    shown = 'derivedText';
  } else {
    srcdoc = textDocument('');
    shown = 'empty';
  }
  return { srcdoc, csp: shown === 'html' ? emailCsp(input.view) : emailCsp('text'), subject: filledSubject, missing: [...missing], shown, sourceMap, ...(ownDarkStyles === undefined ? {} : { ownDarkStyles }) };
}
