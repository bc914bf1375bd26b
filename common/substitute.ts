// Fills `{{variables}}` the way Tencent SES does: plain names replaced by the data set's values. Any
// other Handlebars construct (`{{#if}}`, `{{{x}}}`, `{{> p}}`) is sent as written by Tencent, so it is
// left as written here too. Pure: no vscode import.
import { parseHtml, type TextRange } from './htmlModel';
import { applyEdits, type Edit } from './htmlEdits';

/** One `{{…}}` of a template, with its offsets in the template text. */
export interface Placeholder {
  readonly start: number;
  readonly end: number;
  /** The variable name, trimmed (`{{ name }}` → `name`). */
  readonly name: string;
  /** The value as Tencent would send it, or undefined when the data set lacks it. */
  readonly value?: string;
}

// `{{{x}}}` is matched as a whole (group 1) so that it is not read as `{x}`; `{{c}}}` in CSS is `{{c}}` then `}`.
const MUSTACHE = /\{\{\{([^{}]*)\}\}\}|\{\{([^{}]*)\}\}/g;
// A plain name: no Handlebars sigils, no spaces inside. Dotted names are looked up as keys first.
const PLAIN_NAME = /^[^\s#/!>^&{}~"'=()|@]+$/u;

/** The value of `name` in `data`: an own key first (`a.b` as written), then a path of own keys. */
export function lookup(data: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const direct = Object.hasOwn(data, name) ? data[name] : undefined;
  let value: unknown = direct;
  if (direct === undefined && name.includes('.')) {
    value = data;
    for (const key of name.split('.')) {
      value = typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
      if (value === undefined) break;
    }
  }
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  // Tencent refuses objects and arrays (the complex-value check says so); show what was sent.
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Every plain `{{name}}` of `template`, in order. Other Handlebars constructs are not placeholders. */
export function placeholders(template: string, data: Readonly<Record<string, unknown>>): Placeholder[] {
  const found: Placeholder[] = [];
  for (const match of template.matchAll(MUSTACHE)) {
    if (match[1] !== undefined) continue;
    const name = match[2].trim();
    if (!PLAIN_NAME.test(name) || name === 'else' || name === 'this') continue;
    const start = match.index;
    found.push({ start, end: start + match[0].length, name, value: lookup(data, name) });
  }
  return found;
}

/** Names of the placeholders without a value, each once, in order of first use. */
export function missingNames(list: readonly Placeholder[]): string[] {
  return [...new Set(list.filter((p) => p.value === undefined).map((p) => p.name))];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The subject (or any plain text) filled, as segments that mark the missing variables. */
export function fillSegments(template: string, data: Readonly<Record<string, unknown>>): Array<{ text: string; missing?: boolean }> {
  const segments: Array<{ text: string; missing?: boolean }> = [];
  let last = 0;
  const push = (text: string, missing?: boolean) => {
    if (!text) return;
    const previous = segments[segments.length - 1];
    if (previous && !previous.missing && !missing) segments[segments.length - 1] = { text: previous.text + text };
    else segments.push(missing ? { text, missing } : { text });
  };
  for (const p of placeholders(template, data)) {
    push(template.slice(last, p.start));
    if (p.value === undefined) push(template.slice(p.start, p.end), true);
    else push(p.value);
    last = p.end;
  }
  push(template.slice(last));
  return segments;
}

/** The HTML shown for a variable the data set lacks: the raw placeholder, highlighted. */
export function missingMark(raw: string, tooltip: string): string {
  return `<mark class="ses-missing" title="${escapeHtml(tooltip)}">${escapeHtml(raw)}</mark>`;
}

/**
 * Text as HTML for a `<pre>`: escaped, with values filled and missing variables marked. `tooltip`
 * gets the variable name.
 */
export function textToHtml(text: string, data: Readonly<Record<string, unknown>>, tooltip: (name: string) => string): string {
  let out = '';
  let last = 0;
  for (const p of placeholders(text, data)) {
    out += escapeHtml(text.slice(last, p.start));
    out += p.value === undefined ? missingMark(text.slice(p.start, p.end), tooltip(p.name)) : escapeHtml(p.value);
    last = p.end;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * The edits that fill the placeholders of an HTML part: values HTML-escaped (Tencent forbids HTML in
 * values; escaping shows what the recipient would get and keeps a value from injecting markup). A
 * missing variable in text content becomes a highlighted mark; in an attribute or a raw-text element it
 * stays as written (a mark would break the markup), and the toolbar lists it. `texts` are the model's
 * text ranges (in order); placeholders inside `skip` ranges (replaced whole by another pass) are left out.
 * `wrap` wraps what element content shows for a placeholder (the preview's source map: sourceMap.ts).
 */
export function fillEdits(list: readonly Placeholder[], texts: readonly TextRange[], tooltip: (name: string) => string, html: string, skip: (p: Placeholder) => boolean = () => false, wrap?: (shown: string, p: Placeholder) => string): Edit[] {
  const edits: Edit[] = [];
  let range = 0;
  for (const p of list) {
    if (skip(p)) continue;
    while (range < texts.length && texts[range].end <= p.start) range++;
    const inText = range < texts.length && texts[range].start <= p.start && p.end <= texts[range].end;
    if (p.value !== undefined) {
      const value = escapeHtml(p.value);
      // Only element content can hold an element: a value in an attribute stays plain text.
      edits.push({ start: p.start, end: p.end, text: inText && wrap ? wrap(value, p) : value });
      continue;
    }
    if (inText) {
      const mark = missingMark(html.slice(p.start, p.end), tooltip(p.name));
      edits.push({ start: p.start, end: p.end, text: wrap ? wrap(mark, p) : mark });
    }
  }
  return edits;
}

/** HTML with its placeholders filled (see fillEdits), and the names without a value. */
export function fillHtml(html: string, data: Readonly<Record<string, unknown>>, tooltip: (name: string) => string): { html: string; missing: string[] } {
  const list = placeholders(html, data);
  if (!list.length) return { html, missing: [] };
  return { html: applyEdits(html, fillEdits(list, parseHtml(html).texts, tooltip, html)), missing: missingNames(list) };
}
