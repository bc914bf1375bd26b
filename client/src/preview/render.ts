// The email as the recipient sees it, for the preview's sandboxed iframe. Pure (no vscode import), so
// it is unit-tested in plain node; client/src/preview/previewPanel.ts is the VS Code glue.
import { imagesOff, markImageProblems, type ImageProblem, type ImagesOffLabels } from './images';
import type { PreviewView, Segment } from './messages';
import { htmlToText } from './plainText';
import { fillHtml, fillSegments, missingNames, placeholders, textToHtml } from './substitute';

export type { ImageProblem } from './images';

export interface RenderLabels extends ImagesOffLabels {
  /** Tooltip of a missing variable; `{0}` is its name. */
  readonly missingTooltip: string;
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
}

export interface RenderResult {
  readonly srcdoc: string;
  readonly subject?: Segment[];
  /** Variables of the subject and of every part that the data set lacks, each once. */
  readonly missing: string[];
  /** What the frame shows: the view asked for, or the text part when there is no HTML part. */
  readonly shown: 'html' | 'text' | 'derivedText' | 'empty';
}

/**
 * The policy of the email document. The webview's own policy applies to the srcdoc too, and the
 * iframe is sandboxed without scripts; this is the third lock, and it holds if the email is ever
 * shown elsewhere. Images over http(s) and data: load as in a mail client; nothing local does.
 */
export const EMAIL_CSP = "default-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; child-src 'none'; form-action 'none'; "
  + "img-src https: http: data:; media-src https: http: data:; style-src 'unsafe-inline' https: http:; font-src https: http: data:";

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

/** `<meta>` CSP, our style, and `<base target="_blank">` (a link then opens a popup, which the sandbox blocks: the preview never navigates). */
function headInjection(): string {
  return `<meta http-equiv="Content-Security-Policy" content="${EMAIL_CSP}"><base target="_blank">${PREVIEW_STYLE}`;
}

/**
 * Puts our head elements first in the document: right after a leading doctype (a tag before it would
 * switch the page to quirks mode), else at the very start. The parser then opens `<head>` for them,
 * before anything of the template, even when the template has no `<head>`.
 */
export function injectHead(html: string): string {
  const doctype = /^\uFEFF?(?:\s|<!--[\s\S]*?-->)*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + headInjection() + html.slice(at);
}

/** `target` on links and forms would let a click navigate the frame itself; the base target (a blocked popup) takes over. */
function neutraliseTargets(html: string): string {
  return html.replace(/(<(?:a|area|form)\b[^>]*?\s)target\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '$1');
}

function textDocument(body: string): string {
  return `<!DOCTYPE html><html><head>${headInjection()}</head><body><pre class="ses-text">${body}</pre></body></html>`;
}

// A NUL is replaced by U+FFFD by every HTML parser; do it first so that offsets stay the same.
const clean = (text: string | undefined) => (text === undefined ? undefined : text.replace(/\0/g, '\ufffd'));

export function renderEmail(input: RenderInput): RenderResult {
  const html = clean(input.html);
  const text = clean(input.text);
  const subject = clean(input.subject);
  const tooltip = (name: string) => input.labels.missingTooltip.replace('{0}', name);
  const missing = new Set<string>();
  for (const part of [subject, html, text]) if (part !== undefined) missingNames(placeholders(part, input.data)).forEach((n) => missing.add(n));
  const filledSubject = subject === undefined ? undefined : fillSegments(subject, input.data);

  let srcdoc: string;
  let shown: RenderResult['shown'];
  if (input.view !== 'text' && html !== undefined) {
    let source = markImageProblems(html, input.imageProblems ?? []);
    if (input.view === 'imagesOff') source = imagesOff(source, input.labels);
    srcdoc = injectHead(neutraliseTargets(fillHtml(source, input.data, tooltip).html));
    shown = 'html';
  } else if (text !== undefined) {
    srcdoc = textDocument(textToHtml(text, input.data, tooltip));
    shown = 'text';
  } else if (html !== undefined) {
    srcdoc = textDocument(textToHtml(htmlToText(html), input.data, tooltip));
    shown = 'derivedText';
  } else {
    srcdoc = textDocument('');
    shown = 'empty';
  }
  return { srcdoc, subject: filledSubject, missing: [...missing], shown };
}
