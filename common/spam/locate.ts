// Which part of the template a SpamAssassin rule hit is about, so the report can link to it: the
// subject or sender in ses.config.json, a text SpamAssassin matched found in a part or a data set, or
// the HTML part for rules about the HTML as a whole. Pure: offsets in the texts given.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { safeToParse } from '../jsonNesting';
import type { Edit } from '../htmlEdits';
import { sourceOffset } from './message';
import type { SpamRule } from './spamassassin';

export type TargetKind = 'subject' | 'from' | 'html' | 'text' | 'data';

/** A file's text; `file` is whatever the caller names files by (a path, a URI). */
export interface SourceText {
  readonly file: string;
  readonly text: string;
}

/** A range of a file: `[start, end)` offsets of its text. */
export interface SpamTarget {
  readonly kind: TargetKind;
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** A part with its filled text and the edits that filled it (message.ts), so a text matched across a filled value is found. */
export interface PartSource extends SourceText {
  readonly filled?: string;
  readonly edits?: readonly Edit[];
}

export interface SpamSources {
  /** ses.config.json with the ranges of the entry's subject and sender strings (see configRanges). */
  readonly config?: SourceText & { readonly subject?: { start: number; end: number }; readonly from?: { start: number; end: number } };
  readonly html?: PartSource;
  readonly text?: PartSource;
  readonly data?: SourceText;
}

/**
 * Rules every message built here hits because it was not sent through a mail server (no Received
 * header) or that only say what the message is: shown, never something to act on.
 */
export const INFORMATIONAL = new Set(['NO_RECEIVED', 'NO_RELAYS', 'HTML_MESSAGE', 'MIME_QP_LONG_LINE']);

/** Rules about the HTML part as a whole (its share of images, the missing text part, its markup). */
function aboutHtml(name: string): boolean {
  return name.startsWith('HTML_') || name.startsWith('MIME_HTML_') || name.startsWith('MPART_ALT_DIFF') || name.endsWith('_HTML_ONLY');
}

/** Where `rule` can be acted on, or undefined when it is informational or nothing in the template matches. */
export function locateRule(rule: SpamRule, sources: SpamSources): SpamTarget | undefined {
  if (INFORMATIONAL.has(rule.name)) return undefined;
  const config = sources.config;
  if (rule.name.includes('SUBJ') && config?.subject) return { kind: 'subject', file: config.file, ...config.subject };
  if ((rule.name.startsWith('FROM_') || rule.name.startsWith('FREEMAIL_')) && config?.from) return { kind: 'from', file: config.file, ...config.from };
  for (const match of rule.matches) {
    const found = findText(match, sources);
    if (found) return found;
  }
  if (aboutHtml(rule.name) && sources.html) {
    // Rules about images: the first image; others: the start of the part.
    const img = rule.name.includes('IMAGE') ? sources.html.text.toLowerCase().indexOf('<img') : -1;
    return { kind: 'html', file: sources.html.file, start: Math.max(img, 0), end: img >= 0 ? img + 4 : 0 };
  }
  return undefined;
}

/** The first place `needle` is written: the subject, the text part, the HTML part, then the data set (a filled value). */
function findText(needle: string, sources: SpamSources): SpamTarget | undefined {
  if (needle.length < 2) return undefined;
  const config = sources.config;
  if (config?.subject) {
    const at = indexIn(config.text.slice(config.subject.start, config.subject.end), needle);
    if (at >= 0) return { kind: 'subject', file: config.file, start: config.subject.start + at, end: config.subject.start + at + needle.length };
  }
  for (const kind of ['text', 'html', 'data'] as const) {
    const source = sources[kind];
    if (!source) continue;
    const at = indexIn(source.text, needle);
    if (at >= 0) return { kind, file: source.file, start: at, end: at + needle.length };
  }
  // Across a filled value ("Dear {{name}}" sent as "Dear Friend"): the range of the template that made it.
  for (const kind of ['text', 'html'] as const) {
    const source = sources[kind];
    if (!source?.filled || !source.edits?.length) continue;
    const at = indexIn(source.filled, needle);
    if (at >= 0) return { kind, file: source.file, start: sourceOffset(source.edits, at), end: sourceOffset(source.edits, at + needle.length, true) };
  }
  return undefined;
}

/** Where `needle` is in `text`: as written, else ignoring case (when lower-casing keeps the offsets). */
function indexIn(text: string, needle: string): number {
  const exact = text.indexOf(needle);
  if (exact >= 0) return exact;
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower.indexOf(needle.toLowerCase()) : -1;
}

/**
 * The ranges of the `subject` and sender (`from`, else `defaults.from`) strings of the entry `key` in a
 * ses.config.json text, quotes included; absent ones are left out.
 */
export function configRanges(text: string, key: string): { subject?: { start: number; end: number }; from?: { start: number; end: number } } {
  if (!safeToParse(text)) return {};
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (!root) return {};
  const templates = findNodeAtLocation(root, ['templates']);
  const entry = templates?.type === 'object'
    ? templates.children?.find((p) => typeof p.children?.[0]?.value === 'string' && (p.children[0].value as string).replace(/\.ses\.(html|txt)$/i, '') === key)?.children?.[1]
    : undefined;
  const stringAt = (node: Node | undefined, name: string) => {
    const found = node?.type === 'object' ? findNodeAtLocation(node, [name]) : undefined;
    return found?.type === 'string' ? { start: found.offset, end: found.offset + found.length } : undefined;
  };
  const subject = stringAt(entry, 'subject');
  const from = stringAt(entry, 'from') ?? stringAt(findNodeAtLocation(root, ['defaults']), 'from');
  return { ...(subject ? { subject } : {}), ...(from ? { from } : {}) };
}
