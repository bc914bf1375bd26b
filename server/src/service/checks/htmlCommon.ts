// What the image and link checks share: the HTML parts worth checking, URL classification, and the
// values an attribute takes with each data set when it contains `{{variables}}`.
import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { attribute, decodeEntities, htmlModelOf, type HtmlAttribute, type HtmlElement, type HtmlModel } from '#common/htmlModel';
import { placeholdersIn, replacePlaceholders } from '#common/placeholders';
import { startsWithForeignPlaceholder } from '../project/foreignPlaceholders';
import type { DataSetModel, PartModel, TemplateProject } from '../project/templateProject';
import { code, dataValue, readableDataSets } from './common';

/** An HTML part with its model, and the values its image and link URLs take, computed on first use. */
export interface HtmlPart {
  readonly part: PartModel;
  readonly document: TextDocument;
  readonly html: HtmlModel;
}

interface Analysis {
  readonly parts: HtmlPart[];
  readonly sets: DataSetModel[];
  /** Classified variants by raw attribute value: a template repeats the same URLs. */
  readonly values: Map<string, ClassifiedVariant[]>;
  imageUrls?: Map<HtmlPart, ImageUrl[]>;
  images?: Map<HtmlPart, ClassifiedImage[]>;
  links?: Map<HtmlPart, ClassifiedLink[]>;
}

export interface ClassifiedVariant {
  readonly variant: ValueVariant;
  readonly kind: UrlKind;
}

/** Shared by every check of one validation: the project is built fresh for each. */
const analyses = new WeakMap<TemplateProject, Analysis>();

function analysis(project: TemplateProject): Analysis {
  let found = analyses.get(project);
  if (!found) {
    const parts = project.parts
      .filter((part) => part.kind === 'html' && (part.parsed.status === 'ok' || part.parsed.status === 'syntax-error'))
      .map((part) => ({ part, document: part.document, html: htmlModelOf(part) }));
    found = { parts, sets: readableDataSets(project), values: new Map() };
    analyses.set(project, found);
  }
  return found;
}

/** The HTML parts with their model; binary and too-large parts are not looked at. */
export function htmlParts(project: TemplateProject): readonly HtmlPart[] {
  return analysis(project).parts;
}

/** The variants of `raw` (see `variants`), each with its URL kind; memoised per validation. */
export function classifiedVariants(project: TemplateProject, raw: string): ClassifiedVariant[] {
  if (!raw.includes('{{')) return memo(statics, raw, (value) => variantsFrom([], value).map((variant) => ({ variant, kind: classifyUrl(variant.value) })));
  const { values, sets } = analysis(project);
  let found = values.get(raw);
  if (!found) {
    found = variantsFrom(sets, raw).map((variant) => ({ variant, kind: classifyUrl(variant.value) }));
    values.set(raw, found);
  }
  return found;
}

/** One value an attribute takes: as written, or with the variables of data set `set` filled in. */
export interface ValueVariant {
  readonly value: string;
  readonly set?: string;
  /** No data set to fill the variables from: they were replaced by `x`, only the literal text is known. */
  readonly partial?: boolean;
}

const SIMPLE_NAME = /^[^\s#/^>!&~()'"=]+$/;

/**
 * The values `raw` takes: itself when it has no `{{variables}}`; else one per readable data set that
 * has a plain value for every variable (missing-variable and complex-value report the others); with
 * no data set, the text with `x` for each variable unless it starts with one (nothing is known then).
 */
export function variants(project: TemplateProject, raw: string): ValueVariant[] {
  return variantsFrom(analysis(project).sets, raw);
}

function variantsFrom(sets: readonly DataSetModel[], raw: string): ValueVariant[] {
  const decoded = decodeEntities(raw);
  if (!decoded.includes('{{')) return [{ value: decoded }];
  if (sets.length === 0) {
    if (decoded.trimStart().startsWith('{{')) return [];
    return [{ value: replacePlaceholders(decoded, () => 'x'), partial: true }];
  }
  // The text between variables, and the variables' names (undefined for a construct, not a plain name).
  const literals: string[] = [];
  const names: Array<string | undefined> = [];
  let at = 0;
  for (const placeholder of placeholdersIn(decoded)) {
    literals.push(decoded.slice(at, placeholder.start));
    names.push(SIMPLE_NAME.test(placeholder.inner) ? placeholder.inner : undefined);
    at = placeholder.end;
  }
  const tail = decoded.slice(at);
  const found: ValueVariant[] = [];
  for (const set of sets) {
    let ok = true;
    let value = '';
    for (let k = 0; k < names.length && ok; k++) {
      const name = names[k];
      const entry = name === undefined ? undefined : set.data.entries.get(name);
      if (!entry || entry.kind === 'object' || entry.kind === 'array' || entry.kind === 'null') ok = false;
      else value += literals[k] + String(entry.value);
    }
    value += tail;
    if (ok) found.push({ value, set: set.set });
  }
  return found;
}

/** The value for a message: `value` as code, naming the data set it comes from. */
export function shown(variant: ValueVariant): string {
  // Without a data set the value is the template's own text; with one it holds data: shortened or hidden.
  return variant.set === undefined ? code(variant.value, 60) : l10n.t('{0} (with data set {1})', dataValue(variant.value), variant.set);
}

export type UrlKind =
  | 'empty'
  | 'fragment'
  | 'relative'
  | 'protocol-relative'
  /** `file:`, a drive letter, a UNC path, localhost or a private network address. */
  | 'local'
  | 'data'
  | 'http'
  | 'https'
  | 'javascript'
  | 'mailto'
  | 'cid'
  | 'malformed'
  /** Another scheme: `tel:`, `sms:`, an app link. */
  | 'other';

const LOCAL_HOST = /^(?:localhost|127(?:\.\d+){3}|0\.0\.0\.0|10(?:\.\d+){3}|192\.168(?:\.\d+){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d+){2}|\[::1?\]|[^.]+\.local|[^.]+\.localhost)$/i;
/** Schemes that are typos of http(s): `htp:`, `htps:`, `hhtp:`, `http s:`. */
const HTTP_TYPO = /^(?:h?t{1,2}ps?|hh+t+ps?|htt+ps?s+|hp{1,2}ts?|hxxps?)$/i;

/**
 * Results per URL string, kept across validations: while typing, a template's URLs barely change,
 * and parsing them (WHATWG URL) is the costliest step of the link and image checks.
 */
const MEMO_SIZE = 20_000;
const kinds = new Map<string, UrlKind>();
const hosts = new Map<string, string | undefined>();
/** Classified variants of values without variables: the same for every data set and validation. */
const statics = new Map<string, ClassifiedVariant[]>();

function memo<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  const found = cache.get(key);
  if (found !== undefined || cache.has(key)) return found as T; // one look-up unless the value is undefined
  const value = compute(key);
  if (cache.size >= MEMO_SIZE) cache.clear();
  cache.set(key, value);
  return value;
}

/** What kind of URL `value` (decoded, variables filled in) is, for a mail client with no base URL. */
export function classifyUrl(value: string): UrlKind {
  return memo(kinds, value, classify);
}

function classify(value: string): UrlKind {
  const url = value.trim();
  if (url === '') return 'empty';
  if (url.startsWith('#')) return 'fragment';
  if (url.startsWith('//')) return 'protocol-relative';
  if (url.startsWith('\\\\')) return 'local';
  if (/^https?\/\//i.test(url) || /^https?:\/{0,1}[^/]/i.test(url)) return 'malformed';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1].toLowerCase();
  if (scheme === undefined) return 'relative';
  if (scheme.length === 1) return 'local'; // C:\images\a.png
  switch (scheme) {
    case 'javascript':
    case 'vbscript':
      return 'javascript';
    case 'data':
      return 'data';
    case 'mailto':
      return 'mailto';
    case 'cid':
      return 'cid';
    case 'file':
      return 'local';
    case 'http':
    case 'https': {
      let host: string;
      try {
        host = new URL(url).hostname;
      } catch {
        return 'malformed';
      }
      if (LOCAL_HOST.test(host)) return 'local';
      if (!host.includes('.') || host.endsWith('.') || host.startsWith('.') || host.includes('..')) return 'malformed';
      return scheme;
    }
    default:
      return HTTP_TYPO.test(scheme) ? 'malformed' : 'other';
  }
}

/** The host of an http(s) URL, lower case, without `www.`; undefined when it has none. */
export function hostOf(url: string): string | undefined {
  return memo(hosts, url, host);
}

function host(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url.trim());
    if (protocol !== 'http:' && protocol !== 'https:') return undefined;
    return hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/**
 * For a partial value (no data set), whether the host is literal text: `https://bit.ly/{{code}}`
 * has, `https://{{domain}}/a` has not.
 */
export function literalHost(raw: string): boolean {
  const match = /^\s*[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(raw);
  return !!match && !match[1].includes('{{') && raw.indexOf('{{') > match.index + match[0].length;
}

/** Where to report something about an attribute: its value, or its name when it has none. */
export function attributeRange(a: HtmlAttribute): { start: number; end: number } {
  return a.value === undefined || a.valueEnd === a.valueStart ? { start: a.nameStart, end: a.nameEnd } : { start: a.valueStart, end: a.valueEnd };
}

/** Where to report something about an element as a whole: its tag name. */
export function tagRange(element: HtmlElement): { start: number; end: number } {
  return { start: element.start + 1, end: element.nameEnd };
}

/** A URL that shows an image: an `<img src>`, a `background` attribute, or a CSS `url()` of a background. */
export interface ImageUrl {
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  readonly source: 'img' | 'background-attribute' | 'css';
}

/** Properties whose `url()` is an image that shows in the email. */
const CSS_IMAGE_PROPERTIES = new Set(['background', 'background-image', 'list-style', 'list-style-image', 'border-image', 'border-image-source', 'content']);

export function isCssImage(property: string): boolean {
  return CSS_IMAGE_PROPERTIES.has(property);
}

export function imageUrls(html: HtmlModel): ImageUrl[] {
  const urls: ImageUrl[] = [];
  for (const img of html.named('img')) {
    const src = attribute(img, 'src');
    if (src?.value !== undefined && src.value.trim() !== '') urls.push({ raw: src.value, start: src.valueStart, end: src.valueEnd, source: 'img' });
  }
  for (const element of html.backgrounds) {
    if (element.tag === 'img') continue;
    const background = attribute(element, 'background');
    if (background?.value !== undefined && background.value.trim() !== '') urls.push({ raw: background.value, start: background.valueStart, end: background.valueEnd, source: 'background-attribute' });
  }
  for (const css of html.cssUrls) if (isCssImage(css.property) && css.value.trim() !== '') urls.push({ raw: css.value, start: css.start, end: css.end, source: 'css' });
  return urls.sort((a, b) => a.start - b.start);
}

/** The image URLs of a part, memoised per validation. */
export function imageUrlsOf(project: TemplateProject, part: HtmlPart): ImageUrl[] {
  const state = analysis(project);
  state.imageUrls ??= new Map();
  let urls = state.imageUrls.get(part);
  if (!urls) state.imageUrls.set(part, (urls = imageUrls(part.html)));
  return urls;
}

interface ClassifiedImage {
  readonly url: ImageUrl;
  readonly variants: ClassifiedVariant[];
}

interface ClassifiedLink {
  readonly link: HtmlElement;
  readonly href: HtmlAttribute;
  readonly variants: ClassifiedVariant[];
}

const EMPTY_HREF: ClassifiedVariant[] = [{ variant: { value: '' }, kind: 'empty' }];

/** Runs `visit` for each value of each image URL of each HTML part: the kind check reports from there. */
export function forEachImageUrlVariant(
  project: TemplateProject,
  visit: (document: TextDocument, url: ImageUrl, variant: ValueVariant, kind: UrlKind) => void,
): void {
  const state = analysis(project);
  state.images ??= new Map();
  for (const part of state.parts) {
    let images = state.images.get(part);
    if (!images) state.images.set(part, (images = imageUrlsOf(project, part).filter((url) => !startsWithForeignPlaceholder(url.raw)).map((url) => ({ url, variants: classifiedVariants(project, url.raw) }))));
    for (const { url, variants } of images) for (const { variant, kind } of variants) visit(part.document, url, variant, kind);
  }
}

/** Runs `visit` for each value of the `href` of each `<a>` of each HTML part (an `<a>` without `href` is no link). */
export function forEachLinkVariant(
  project: TemplateProject,
  visit: (document: TextDocument, link: HtmlElement, href: HtmlAttribute, variant: ValueVariant, kind: UrlKind) => void,
): void {
  const state = analysis(project);
  state.links ??= new Map();
  for (const part of state.parts) {
    let links = state.links.get(part);
    if (!links) {
      links = [];
      for (const link of part.html.named('a')) {
        const href = attribute(link, 'href');
        if (href && !startsWithForeignPlaceholder(href.value ?? '')) links.push({ link, href, variants: href.value === undefined ? EMPTY_HREF : classifiedVariants(project, href.value) });
      }
      state.links.set(part, links);
    }
    for (const { link, href, variants } of links) for (const { variant, kind } of variants) visit(part.document, link, href, variant, kind);
  }
}
