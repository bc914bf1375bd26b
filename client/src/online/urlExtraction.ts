// The absolute http(s) URLs of a template that the online check fetches: `<img src>`, `srcset`,
// `background=`, CSS `url(...)` and `<a href>` in the HTML part, links in the text part, each with
// `{{variables}}` filled from every data set (a URL built from variables is checked once per distinct
// value, naming the data sets that give it). Relative, `data:`, `mailto:`, `tel:` and `#` URLs are left
// to the language server's static checks. Pure: no vscode import.
import { decodeEntities, parseHtml } from '#common/htmlModel';
import { replacePlaceholders } from '#common/placeholders';
import { trimEndOf } from '#common/trimRuns';
import { parseSrcset } from './srcset';

const TRAILING_PUNCTUATION = '.,;:!?)]>\'"，。；：！？）';

export type UrlKind = 'image' | 'link';
export type PartKind = 'html' | 'text';

export interface DataSetValues {
  readonly set: string;
  /** The data set's values; undefined when it is not a valid JSON object (its URLs are not filled). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Where a URL is written: the part, the offsets of its text, and the data sets that give this value. */
export interface UrlOccurrence {
  readonly kind: UrlKind;
  readonly part: PartKind;
  readonly start: number;
  readonly end: number;
  /** Data sets whose values build this URL; empty when the URL has no variables. */
  readonly sets: readonly string[];
}

/** One URL to fetch, with every place it comes from. */
export interface UrlTarget {
  /** Normalised by WHATWG URL: an IDN host in punycode, no fragment. */
  readonly url: string;
  readonly image: boolean;
  readonly link: boolean;
  readonly occurrences: UrlOccurrence[];
}

/** A URL that still has a `{{variable}}` after filling from every data set (or there is no data set). */
export interface UnresolvedUrl {
  readonly part: PartKind;
  readonly start: number;
  readonly end: number;
  readonly raw: string;
}

export interface Extraction {
  readonly targets: UrlTarget[];
  readonly unresolved: UnresolvedUrl[];
  /** Distinct URLs beyond `maxUrls`, not checked. */
  readonly capped: number;
}

export interface ExtractInput {
  readonly html?: string;
  readonly text?: string;
  readonly dataSets: readonly DataSetValues[];
  /** At most this many distinct URLs (default 300): a run must stay a few minutes at worst. */
  readonly maxUrls?: number;
}

export const MAX_URLS = 300;

interface RawUrl {
  readonly kind: UrlKind;
  readonly part: PartKind;
  readonly start: number;
  readonly end: number;
  /** The text at [start, end), entities decoded when from HTML. */
  readonly value: string;
}

/** The http(s) URLs the text part's readers can click: `https://…` runs, and `{{link}}`-style runs that may turn into one. */
const TEXT_URL = /(?:https?:\/\/|\{\{[^{}\n]*\}\})(?:[^\s<>"'{}]|\{\{[^{}\n]*\}\})*/gi;

function htmlUrls(html: string, out: RawUrl[]): void {
  const model = parseHtml(html);
  const add = (kind: UrlKind, start: number, end: number) => {
    if (end > start) out.push({ kind, part: 'html', start, end, value: decodeEntities(html.slice(start, end)) });
  };
  for (const element of model.elements) {
    const tag = element.tag;
    for (const a of element.attributes) {
      if (a.value === undefined) continue;
      if ((a.name === 'src' && (tag === 'img' || tag === 'source')) || a.name === 'background') {
        add('image', a.valueStart, a.valueEnd);
      } else if (a.name === 'srcset' && (tag === 'img' || tag === 'source')) {
        for (const candidate of parseSrcset(a.value)) add('image', a.valueStart + candidate.start, a.valueStart + candidate.end);
      } else if (a.name === 'href' && (tag === 'a' || tag === 'area')) {
        add('link', a.valueStart, a.valueEnd);
      }
    }
  }
  // `@import` and `src` of @font-face are stylesheets and fonts, which the unsupported-html check reports.
  for (const css of model.cssUrls) if (css.property !== '@import' && css.property !== 'src') add('image', css.start, css.end);
  // Document order, so that the first occurrence of a URL is the first in the file.
  out.sort((a, b) => a.start - b.start);
}

function textUrls(text: string, out: RawUrl[]): void {
  TEXT_URL.lastIndex = 0;
  for (let match = TEXT_URL.exec(text); match; match = TEXT_URL.exec(text)) {
    // Sentence punctuation after a link is not part of it: "see https://a.example/x."
    const value = trimEndOf(match[0], TRAILING_PUNCTUATION);
    if (value.length > 0) out.push({ kind: 'link', part: 'text', start: match.index, end: match.index + value.length, value });
  }
}

/** `value` with each variable replaced from `data`, or undefined when one has no plain value there. */
function fill(value: string, data: Readonly<Record<string, unknown>>): string | undefined {
  let missing = false;
  const filled = replacePlaceholders(value, (name) => {
    const v = Object.prototype.hasOwnProperty.call(data, name) ? data[name] : undefined;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
    missing = true;
    return '';
  });
  return missing ? undefined : filled;
}

/** The absolute http(s) URL `value` denotes, normalised, or undefined for anything else. */
export function httpUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * The URLs to check: deduplicated (an image and a link with the same URL are fetched once), in order
 * of first appearance, at most `maxUrls`. Never throws on any input.
 */
export function extractUrls(input: ExtractInput): Extraction {
  const raw: RawUrl[] = [];
  if (typeof input.html === 'string') htmlUrls(input.html, raw);
  if (typeof input.text === 'string') textUrls(input.text, raw);
  const max = input.maxUrls ?? MAX_URLS;
  const targets = new Map<string, UrlTarget>();
  const unresolved: UnresolvedUrl[] = [];
  const overflow = new Set<string>();
  const usable = input.dataSets.filter((d) => d.data !== undefined);

  const record = (url: string, occurrence: UrlOccurrence) => {
    let target = targets.get(url);
    if (!target) {
      if (targets.size >= max) {
        overflow.add(url);
        return;
      }
      target = { url, image: false, link: false, occurrences: [] };
      targets.set(url, target);
    }
    (target as { image: boolean }).image ||= occurrence.kind === 'image';
    (target as { link: boolean }).link ||= occurrence.kind === 'link';
    target.occurrences.push(occurrence);
  };

  for (const item of raw) {
    const where = { kind: item.kind, part: item.part, start: item.start, end: item.end };
    if (!item.value.includes('{{')) {
      const url = httpUrl(item.value);
      if (url) record(url, { ...where, sets: [] });
      continue;
    }
    // One URL per distinct filled value, naming the data sets that give it.
    const bySet = new Map<string, string[]>();
    let open = usable.length === 0;
    for (const { set, data } of usable) {
      const filled = fill(item.value, data!);
      if (filled === undefined) {
        open = true;
        continue;
      }
      const url = httpUrl(filled);
      if (url) bySet.set(url, [...(bySet.get(url) ?? []), set]);
    }
    for (const [url, sets] of bySet) record(url, { ...where, sets });
    // A text-part run that starts with `{{` is often just a name: only an http(s) start says it is a URL.
    // In HTML, `mailto:{{email}}`, `tel:…` and `#{{id}}` are no web addresses either.
    const looksLikeUrl = item.part === 'html' ? !/^\s*(?:#|[a-z][a-z0-9+.-]*:(?!\/\/))/i.test(item.value) : /^https?:\/\//i.test(item.value);
    if (open && bySet.size === 0 && looksLikeUrl) unresolved.push({ part: item.part, start: item.start, end: item.end, raw: item.value });
  }
  return { targets: [...targets.values()], unresolved, capped: overflow.size };
}
