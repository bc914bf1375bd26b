// The preview's source map: which element of the email is which start tag of the template, and which
// filled value is which `{{placeholder}}`. Built from the renderer's one parse (no second parse): every
// shown element gets `data-ses="<offset>"` (the offset of its `<` in the template) right after its tag
// name, and every value filled into element content is wrapped in `<ses-v data-ses-p="<offset>">` (the
// offset of its `{{`). Offsets are of the template, not of the rendered email, so data substitution
// (which changes lengths) does not move them. Pure: no vscode import.
//
// How the map is used (docs/preview.md, "Preview and source"): the webview finds elements by these
// attributes in a script-free copy of the email it can read (preview.js), and sends back an offset;
// the extension accepts only offsets of its own map and only ever selects in the previewed template.
import { type HtmlElement, type HtmlModel } from '#common/htmlModel';
import type { Edit } from '#common/htmlEdits';

/** Elements that are never shown: no attribute (and nothing to click). */
const UNSHOWN = new Set(['html', 'head', 'meta', 'title', 'style', 'script', 'link', 'base', 'noscript', 'template']);
/** What the webview may send back: a decimal offset (preview.js checks the same). */
const OFFSET = /^\d{1,9}$/;

export interface SourceMap {
  /** Offsets of the mapped elements' `<`, ascending. */
  readonly offsets: readonly number[];
  /** Their end: the end of the element's content (its end tag's `<`) or of its start tag. */
  readonly ends: readonly number[];
  /** The end of each start tag (after its `>`): a click selects [offset, tagEnd). */
  readonly tagEnds: readonly number[];
  /** The placeholders whose value is shown as element content (wrapped), ascending by start. */
  readonly placeholders: readonly { readonly start: number; readonly end: number; readonly name: string }[];
}

export const EMPTY_SOURCE_MAP: SourceMap = { offsets: [], ends: [], tagEnds: [], placeholders: [] };

/** An offset sent by the webview, as a number, or undefined when it is not one we could have written. */
export function offsetFrom(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  return typeof value === 'string' && OFFSET.test(value) ? Number(value) : undefined;
}

/**
 * The map of `model`'s shown elements, and the edits that add their attributes. `skip` elements
 * (replaced whole by another pass, e.g. images in the Images off view) get no edit and no entry.
 */
export function sourceAnchors(model: HtmlModel, skip: (element: HtmlElement) => boolean = () => false): { map: SourceMap; edits: Edit[] } {
  const offsets: number[] = [];
  const ends: number[] = [];
  const tagEnds: number[] = [];
  const edits: Edit[] = [];
  for (const element of model.elements) {
    if (UNSHOWN.has(element.tag) || skip(element) || element.end <= element.nameEnd) continue;
    // First after the tag name: the HTML parser keeps the first of two equal attributes, so a
    // template's own data-ses cannot replace ours.
    edits.push({ start: element.nameEnd, end: element.nameEnd, text: ` data-ses="${element.start}"` });
    offsets.push(element.start);
    ends.push(element.closeStart ?? element.end);
    tagEnds.push(element.end);
  }
  return { map: { offsets, ends, tagEnds, placeholders: [] }, edits };
}

/** A filled value as the email shows it: wrapped so that the webview can find its placeholder. */
export function wrapValue(escapedValue: string, start: number): string {
  return `<ses-v data-ses-p="${start}">${escapedValue}</ses-v>`;
}

/** Index of the last entry ≤ `offset` in an ascending list, or -1. */
function lastAtOrBefore(list: readonly number[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/**
 * The offset of the innermost element around `offset` (its start tag or its content), else of the
 * element just before it; undefined before the first element.
 */
export function elementAt(map: SourceMap, offset: number): number | undefined {
  const last = lastAtOrBefore(map.offsets, offset);
  if (last < 0) return undefined;
  // Walk back to the nearest element that contains the offset; bounded (nesting is shallow in emails,
  // and the bound keeps a pathological template linear), else the element just before.
  for (let k = last, steps = 0; k >= 0 && steps < 256; k--, steps++) {
    if (map.ends[k] >= offset) return map.offsets[k];
  }
  return map.offsets[last];
}

/** The offset of the first element that starts at or after `offset` (the top of the editor's view). */
export function elementFrom(map: SourceMap, offset: number): number | undefined {
  const k = lastAtOrBefore(map.offsets, offset - 1) + 1;
  return k < map.offsets.length ? map.offsets[k] : map.offsets[map.offsets.length - 1];
}

/** The start tag [start, end) of the mapped element that starts at `offset`: the only ranges a click may reveal. */
export function startTagAt(map: SourceMap, offset: number): { start: number; end: number } | undefined {
  const k = lastAtOrBefore(map.offsets, offset);
  return k >= 0 && map.offsets[k] === offset ? { start: offset, end: map.tagEnds[k] } : undefined;
}

/** The wrapped placeholder that starts at `offset`: what a click on a value may reveal or edit. */
export function placeholderAt(map: SourceMap, offset: number): { start: number; end: number; name: string } | undefined {
  const list = map.placeholders;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start === offset) return list[mid];
    if (list[mid].start < offset) lo = mid + 1; else hi = mid - 1;
  }
  return undefined;
}

/**
 * The range a click in the preview may select: the start tag of a mapped element, or a wrapped
 * placeholder, at exactly `offset` of this map's template; anything else (another offset, a number out
 * of range, a forged attribute's value that is no mapped start) gives undefined.
 */
export function sourceRange(map: SourceMap, offset: unknown, placeholder: boolean): { start: number; end: number } | undefined {
  const at = offsetFrom(offset);
  if (at === undefined) return undefined;
  const found = placeholder ? placeholderAt(map, at) : startTagAt(map, at);
  return found && { start: found.start, end: found.end };
}
