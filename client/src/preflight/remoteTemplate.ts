// The template Tencent stores (GetEmailTemplate): base64 content decoded, its `{{variables}}`. Pure.
import type { TemplateContent } from '#common/cloud/types';

/** Base64 of UTF-8 to text; undefined when absent or not base64. */
export function decodeContent(base64: string | undefined): string | undefined {
  if (typeof base64 !== 'string') return undefined;
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  return Buffer.from(compact, 'base64').toString('utf8');
}

export interface DecodedTemplate {
  readonly html?: string;
  readonly text?: string;
}

export function decodeTemplate(content: TemplateContent | undefined): DecodedTemplate {
  const html = decodeContent(content?.Html);
  const text = decodeContent(content?.Text);
  return { ...(html !== undefined ? { html } : {}), ...(text !== undefined ? { text } : {}) };
}

/**
 * The variable names of plain `{{name}}` substitution (spaces inside the braces allowed), in order of
 * first use; `{{{x}}}`, blocks and comments are no variables Tencent fills, so they are left out.
 */
export function variablesOf(...texts: Array<string | undefined>): string[] {
  const names: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(/(?<!\{)\{\{\s*([A-Za-z_][\w-]*)\s*\}\}(?!\})/g)) {
      if (!names.includes(match[1])) names.push(match[1]);
    }
  }
  return names;
}

/** Same content, ignoring line-ending style and trailing white space at the end. */
export function sameContent(a: string | undefined, b: string | undefined): boolean {
  // trimEnd, not `/\s+$/`: that pattern is quadratic on a long run of spaces inside the text.
  const norm = (s: string) => s.replace(/\r\n?/g, '\n').trimEnd();
  return a === undefined || b === undefined ? a === b : norm(a) === norm(b);
}
