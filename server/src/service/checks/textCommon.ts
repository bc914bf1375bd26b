// What the wording and text checks share: the text a recipient reads, as ranges of documents.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TemplateProject } from '../project/templateProject';
import { htmlParts } from './htmlCommon';

/** Text a recipient reads: the subject, the text between tags of HTML parts, text parts as a whole. */
export interface TextSegment {
  readonly document: TextDocument;
  readonly start: number;
  readonly end: number;
  /** The segment's text with every `{{…}}` replaced by spaces of the same length (offsets kept). */
  readonly text: string;
  readonly where: 'subject' | 'html' | 'text';
}

const VARIABLE = /\{\{[^{}]*\}?\}\}/g;

/** `text` with `{{…}}` blanked out: wording inside a variable's name is not text the recipient reads. */
export function maskVariables(text: string): string {
  // An `exec` loop rather than `replace` with a callback: half the cost over a large template's thousands of segments.
  const first = text.indexOf('{{');
  if (first < 0) return text;
  let masked = '';
  let last = 0;
  VARIABLE.lastIndex = first;
  for (let match = VARIABLE.exec(text); match; match = VARIABLE.exec(text)) {
    masked += text.slice(last, match.index) + ' '.repeat(match[0].length);
    last = match.index + match[0].length;
  }
  return last === 0 ? text : masked + text.slice(last);
}

const segmentsByProject = new WeakMap<TemplateProject, TextSegment[]>();

/** The visible text of the subject and the parts, variables masked; computed once per project and shared by the wording checks. */
export function textSegments(project: TemplateProject): TextSegment[] {
  let segments = segmentsByProject.get(project);
  if (!segments) {
    segments = computeSegments(project);
    segmentsByProject.set(project, segments);
  }
  return segments;
}

function computeSegments(project: TemplateProject): TextSegment[] {
  const segments: TextSegment[] = [];
  const subject = project.subject;
  if (subject) segments.push({ document: subject.document, start: subject.start, end: subject.end, text: maskVariables(subject.text), where: 'subject' });
  for (const { document, html } of htmlParts(project)) {
    const whole = document.getText();
    for (const { start, end } of html.texts) segments.push({ document, start, end, text: maskVariables(whole.slice(start, end)), where: 'html' });
  }
  for (const part of project.parts) {
    if (part.kind !== 'text' || part.parsed.status === 'too-large' || part.parsed.status === 'binary') continue;
    const text = part.document.getText();
    segments.push({ document: part.document, start: 0, end: text.length, text: maskVariables(text), where: 'text' });
  }
  return segments;
}

/**
 * Runs `visit` for each match of the global `pattern` in each segment, with the match's document offsets.
 * `exec` from `lastIndex` rather than `matchAll`, which clones the expression for every string: over
 * the thousand segments of a large template, the clones cost ten times the matching.
 */
export function forEachMatch(segments: readonly TextSegment[], pattern: RegExp, visit: (segment: TextSegment, start: number, end: number, text: string) => void): void {
  for (const segment of segments) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(segment.text); match; match = pattern.exec(segment.text)) {
      if (match[0] === '') pattern.lastIndex++; // as matchAll does, so that an empty match cannot loop
      visit(segment, segment.start + match.index, segment.start + match.index + match[0].length, match[0]);
    }
  }
}

/** Where to report something about a document as a whole: its first non-blank line, trimmed. */
export function headRange(document: TextDocument): { start: number; end: number } {
  const text = document.getText();
  const start = text.search(/\S/);
  if (start < 0) return { start: 0, end: 0 };
  const newline = text.slice(start).search(/[\r\n]/);
  const end = newline < 0 ? text.length : start + newline;
  return { start, end: start + text.slice(start, end).trimEnd().length };
}

const sizesByProject = new WeakMap<TemplateProject, number[]>();

/** The UTF-8 size of each part, in `project.parts` order: computed once per project for the size checks. */
export function partSizes(project: TemplateProject): readonly number[] {
  let sizes = sizesByProject.get(project);
  if (!sizes) sizesByProject.set(project, (sizes = project.parts.map((part) => utf8Length(part.document.getText()))));
  return sizes;
}

/** UTF-8 size of `text` in bytes, without encoding it. */
export function utf8Length(text: string, upTo = text.length): number {
  // Most templates are ASCII, or start so: a regular expression finds the first other character faster than the loop.
  const ascii = firstNonAscii(text);
  if (ascii >= upTo) return upTo;
  let bytes = ascii;
  for (let i = ascii; i < upTo; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < upTo) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** The offset of the first character of `text` outside ASCII (one UTF-8 byte each before it), else its length. */
export function firstNonAscii(text: string): number {
  const at = text.search(NON_ASCII);
  return at < 0 ? text.length : at;
}
