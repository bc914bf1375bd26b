import * as l10n from '@vscode/l10n';
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DataEntry } from '../project/dataFile';
import type { DataSetModel, TemplateProject } from '../project/templateProject';
import type { VariableUse } from '../project/templateVariables';
import { readableDataSets } from '../checks/common';

// What the editor features share: which document of the template a URI is, what sits at a position
// (a variable use in a part or the subject, or a key in a data set), ranges and value previews.

/** Names Tencent SES is documented to substitute; the only names rename accepts. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type FeatureDocument =
  | { readonly kind: 'part'; readonly uri: string; readonly document: TextDocument; readonly uses: readonly VariableUse[] }
  | { readonly kind: 'subject'; readonly uri: string; readonly document: TextDocument; readonly uses: readonly VariableUse[]; readonly start: number; readonly end: number }
  | { readonly kind: 'data'; readonly uri: string; readonly document: TextDocument; readonly dataSet: DataSetModel };

/** The part, data set or config file (holding the subject) of the template that `uri` is. */
export function documentOf(project: TemplateProject, uri: string): FeatureDocument | undefined {
  const part = project.parts.find((p) => p.uri === uri);
  if (part) return { kind: 'part', uri, document: part.document, uses: part.variables.uses };
  const dataSet = project.dataSets.find((d) => d.uri === uri);
  if (dataSet) return { kind: 'data', uri, document: dataSet.document, dataSet };
  const subject = project.subject;
  if (subject && subject.uri === uri) return { kind: 'subject', uri, document: subject.document, uses: subject.variables.uses, start: subject.start, end: subject.end };
  return undefined;
}

export type Target =
  | { readonly kind: 'use'; readonly name: string; readonly at: FeatureDocument & { kind: 'part' | 'subject' }; readonly use: VariableUse }
  | { readonly kind: 'key'; readonly name: string; readonly at: FeatureDocument & { kind: 'data' }; readonly entry: DataEntry };

/**
 * The variable at `position`: a use in a part or the subject (on its name, or anywhere in its tag
 * when the tag reads only that variable), or a key of a data set (quotes included).
 */
export function targetAt(project: TemplateProject, uri: string, position: Position): Target | undefined {
  const at = documentOf(project, uri);
  if (!at) return undefined;
  const offset = at.document.offsetAt(position);
  if (at.kind === 'data') {
    for (const entry of at.dataSet.data.entries.values()) {
      if (entry.keyStart <= offset && offset <= entry.keyEnd) return { kind: 'key', name: entry.key, at, entry };
    }
    return undefined;
  }
  if (at.kind === 'subject' && (offset < at.start || offset > at.end)) return undefined;
  const onName = at.uses.find((use) => use.start <= offset && offset <= use.end);
  if (onName) return { kind: 'use', name: onName.name, at, use: onName };
  // On the braces of a tag that reads one variable; a block's range spans its body, which does not count.
  const text = at.document.getText();
  const simpleTag = (use: VariableUse) => text.lastIndexOf('{{', use.tagEnd - 1) === use.tagStart || text.lastIndexOf('{{', use.tagEnd - 1) === use.tagStart + 1;
  const inTag = at.uses.filter((use) => use.tagStart <= offset && offset < use.tagEnd && simpleTag(use));
  if (inTag.length === 1) return { kind: 'use', name: inTag[0].name, at, use: inTag[0] };
  return undefined;
}

export function rangeOf(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/** A short, one-line preview of a data value: strings as they are, anything else as JSON. */
export function preview(entry: DataEntry, max = 60): string {
  const text = entry.kind === 'string' ? String(entry.value) : JSON.stringify(entry.value) ?? 'null';
  const line = text.replace(/\s+/g, ' ');
  if (line.trim() === '') return '""'; // an empty placeholder (what the quick fix inserts) stays visible
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

/**
 * Readable data sets that have no key `name`. A data set that is not valid JSON (or not an object) is
 * left out, as the checks leave it out: invalid-data-file reports it, and its keys cannot be trusted.
 */
export function setsMissing(project: TemplateProject, name: string): DataSetModel[] {
  return readableDataSets(project).filter((d) => !d.data.entries.has(name));
}

/** Data sets whose keys cannot be read (not JSON, or not an object). */
export function unreadableDataSets(project: TemplateProject): DataSetModel[] {
  const readable = new Set(readableDataSets(project));
  return project.dataSets.filter((d) => !readable.has(d));
}

/** `default: Alex · zh: 小明` — the sample value of `name` in each data set that has it. */
export function sampleValues(project: TemplateProject, name: string): string {
  const values = project.dataSets.flatMap((d) => {
    const entry = d.data.entries.get(name);
    return entry ? [`${d.set}: ${preview(entry, 40)}`] : [];
  });
  const missing = setsMissing(project, name).map((d) => d.set);
  if (missing.length > 0 && project.dataSets.length > 0) values.push(l10n.t('missing in: {0}', missing.join(', ')));
  return values.join(' · ');
}

/** Markdown text shown as is: escapes what Markdown would otherwise interpret. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => '\\' + c);
}

/** A Markdown code span holding `text` whatever backticks it contains. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return fence + pad + text + pad + fence;
}

/** The file name at the end of a URI, decoded: `welcome.ses.html`. */
export function fileName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The line break a document uses: `\r\n` when its first line ends so, else `\n`. */
export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}
