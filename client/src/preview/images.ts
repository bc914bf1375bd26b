// What the preview does with images: outlines the elements the language server's image checks flagged,
// and, in the Images off view, shows each `<img>` as the box a client that blocks images leaves (the
// SES FAQ's "images not displayed" topic). The boxes are cosmetic: that view's policy (emailPolicy.ts)
// is what keeps every image from loading. Both work on the HTML model of the template, before
// substitution, and return edits (htmlEdits.ts) by offset in the template text. Pure: no vscode import.
import { attribute, type HtmlElement, type HtmlModel } from '#common/htmlModel';
import { escapeHtml } from '#common/substitute';

/** An image diagnostic of the HTML part: where it starts (offset in the part's text) and its message. */
export interface ImageProblem {
  readonly offset: number;
  readonly message: string;
}

/** The start offset of each line of `text` (\n or \r\n line ends), computed once for many positions. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Offset of a position, counted like VS Code (UTF-16), from `lineStarts(text)`. */
export function offsetAt(text: string, starts: readonly number[], line: number, character: number): number {
  if (line >= starts.length) return text.length;
  return Math.min(starts[Math.max(0, line)] + Math.max(0, character), text.length);
}

// Elements whose outline shows nothing, or that are not rendered: a problem there is only in the count.
const UNMARKABLE = new Set(['html', 'head', 'style', 'script', 'title', 'meta', 'link', 'base']);

/** The element whose start tag contains `offset` (elements are in document order), if any. */
function elementAt(elements: readonly HtmlElement[], offset: number): HtmlElement | undefined {
  let low = 0;
  let high = elements.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (elements[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  const element = found >= 0 ? elements[found] : undefined;
  return element && offset < Math.max(element.end, element.start + 1) ? element : undefined;
}

/** The problems by the element they are in (each message once), for the elements that can show an outline. */
export function problemElements(model: HtmlModel, problems: readonly ImageProblem[]): Map<HtmlElement, Set<string>> {
  const marked = new Map<HtmlElement, Set<string>>();
  for (const problem of problems) {
    if (!Number.isInteger(problem.offset) || problem.offset < 0) continue;
    const element = elementAt(model.elements, problem.offset);
    if (!element || UNMARKABLE.has(element.tag)) continue;
    let messages = marked.get(element);
    if (!messages) marked.set(element, (messages = new Set()));
    messages.add(problem.message);
  }
  return marked;
}

/** The `title` text of an outlined element: its messages, one per line, escaped for an attribute. */
export function problemTitle(messages: ReadonlySet<string>): string {
  return escapeHtml([...messages].join('\n'));
}

export interface ImagesOffLabels {
  /** Shown in the box of an image without `alt`. */
  readonly noAlt: string;
  /** Tooltip of the box of an image with `alt=""` (decorative: clients show nothing). */
  readonly decorative: string;
}

/** `140` → `140px`, `50%` → `50%`, anything else → undefined (the box then sizes to its text). */
function cssLength(value: string | undefined): string | undefined {
  const match = /^\s{0,20}(\d{1,5})(%|px)?\s{0,20}$/.exec(value ?? '');
  return match ? `${match[1]}${match[2] === '%' ? '%' : 'px'}` : undefined;
}

/**
 * The box a blocked `<img>` leaves: its alt text (or a warning that it has none), at its size.
 * `altHtml` turns the raw alt value into element content (filled, `<` escaped).
 */
export function imageBox(image: HtmlElement, labels: ImagesOffLabels, marked: boolean, altHtml: (start: number, end: number) => string): string {
  const width = cssLength(attribute(image, 'width')?.value);
  const height = cssLength(attribute(image, 'height')?.value);
  const alt = attribute(image, 'alt');
  const size = `${width ? `width:${width};` : ''}${height ? `min-height:${height};` : ''}`;
  const marks = marked ? ' data-ses-problem=""' : '';
  if (!alt) return `<span class="ses-img-off ses-img-noalt"${marks} style="${size}">${escapeHtml(labels.noAlt)}</span>`;
  if ((alt.value ?? '').trim() === '') { // `alt` without a value is `alt=""`
    const title = marked ? '' : ` title="${escapeHtml(labels.decorative)}"`;
    return `<span class="ses-img-off ses-img-decorative"${marks}${title} style="${size}"></span>`;
  }
  return `<span class="ses-img-off"${marks} style="${size}">${altHtml(alt.valueStart, alt.valueEnd)}</span>`;
}
