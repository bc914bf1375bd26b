import { getLocation } from 'jsonc-parser';
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-types';
import { variableNames, type TemplateProject } from '../project/templateProject';
import { documentOf, rangeOf, sampleValues, type FeatureDocument } from './featureTarget';
import { member } from './dataEdits';
import { usePlaces, variableMarkdown } from './hover';

/**
 * Completion in a template: variable names after `{{` in a part or the subject; in a data set, the
 * template's variables that the set lacks, at a key position of its top-level object.
 */
export function completion(project: TemplateProject, uri: string, position: Position): CompletionList | null {
  const at = documentOf(project, uri);
  if (!at) return null;
  const items = at.kind === 'data' ? keyCompletion(project, at, position) : variableCompletion(project, at, position);
  return items ? { isIncomplete: false, items } : null;
}

// After `{{`, `{{{` or `{{~` (and, in the handlebars dialect, after `{{#if `, `{{#each `, …), with
// the part of the name typed so far.
const TENCENT_TAG = /\{\{(\{?)~?[ \t]*([A-Za-z0-9_]*)$/;
const HANDLEBARS_TAG = /\{\{(\{?)~?[ \t]*(?:(?:#(?:if|unless|each|with)|else[ \t]+if)[ \t]+)?([A-Za-z0-9_]*)$/;

function variableCompletion(project: TemplateProject, at: FeatureDocument & { kind: 'part' | 'subject' }, position: Position): CompletionItem[] | undefined {
  const text = at.document.getText();
  const offset = at.document.offsetAt(position);
  const lower = at.kind === 'subject' ? at.start : 0;
  const upper = at.kind === 'subject' ? at.end : text.length;
  if (offset < lower || offset > upper) return undefined;
  const lineStart = Math.max(lower, text.lastIndexOf('\n', offset - 1) + 1);
  const match = (project.dialect === 'handlebars' ? HANDLEBARS_TAG : TENCENT_TAG).exec(text.slice(lineStart, offset));
  if (!match) return undefined;

  const nameStart = offset - match[2].length;
  let nameEnd = offset;
  while (nameEnd < upper && /[A-Za-z0-9_]/.test(text[nameEnd])) nameEnd++;
  const closed = /^[ \t]*~?\}/.test(text.slice(nameEnd, upper));
  const close = closed ? '' : match[1] ? '}}}' : '}}';
  const range = rangeOf(at.document, nameStart, nameEnd);

  // Data keys, then names used elsewhere: not the one being typed here, which the parse may hold.
  const usedHere = new Set(at.uses.filter((use) => use.start <= offset && offset <= use.end));
  const names = new Set<string>();
  for (const dataSet of project.dataSets) for (const key of dataSet.data.entries.keys()) names.add(key);
  for (const uses of [...project.parts.map((p) => p.variables.uses), project.subject?.variables.uses ?? []]) {
    for (const use of uses) if (!usedHere.has(use)) names.add(use.name);
  }
  // Typing `{{` makes the document unparsable until `}}` follows: read its closed tags directly.
  const parsed = at.kind === 'part' ? project.parts.find((p) => p.uri === at.uri)?.parsed : project.subject?.parsed;
  if (parsed && parsed.status !== 'ok') {
    for (const tag of text.slice(lower, upper).matchAll(/\{\{\{?[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\}/g)) {
      const start = lower + tag.index + tag[0].indexOf(tag[1]);
      if (!(start <= offset && offset <= start + tag[1].length)) names.add(tag[1]);
    }
  }

  const places = usePlaces(project);
  return [...names].map((name): CompletionItem => {
    const edit: TextEdit = { range, newText: name + close };
    return {
      label: name,
      kind: CompletionItemKind.Variable,
      detail: sampleValues(project, name) || undefined,
      documentation: { kind: MarkupKind.Markdown, value: variableMarkdown(project, name, places) },
      textEdit: edit,
      filterText: name,
    };
  });
}

function keyCompletion(project: TemplateProject, at: FeatureDocument & { kind: 'data' }, position: Position): CompletionItem[] | undefined {
  const { document, dataSet } = at;
  if (!dataSet.data.insertAt) return undefined; // not a JSON object
  const text = document.getText();
  const offset = document.offsetAt(position);
  const location = getLocation(text, offset);

  let start = offset;
  let end = offset;
  let keyOnly = false;
  let leadingComma: TextEdit | undefined;
  if (location.isAtPropertyKey && location.path.length === 1) {
    const node = location.previousNode;
    if (node && node.offset <= offset && offset <= node.offset + node.length && text[node.offset] === '"') {
      // Inside a key being typed: replace the whole string; keep a value that already follows.
      start = node.offset;
      end = node.offset + node.length;
      keyOnly = /^\s*:/.test(text.slice(end));
    }
  } else if (location.path.length === 1 && !location.isAtPropertyKey) {
    // After a value with no comma yet (`"a": "x"⏎  ‸`): add the comma too.
    const entry = dataSet.data.entries.get(String(location.path[0]));
    if (!entry || entry.valueEnd > offset || text.slice(entry.valueEnd, offset).trim() !== '') return undefined;
    leadingComma = { range: rangeOf(document, entry.valueEnd, entry.valueEnd), newText: ',' };
  } else {
    return undefined;
  }
  const followedByKey = !keyOnly && /^\s*"/.test(text.slice(end));
  const missing = variableNames(project).filter((name) => !dataSet.data.entries.has(name));
  const range = rangeOf(document, start, end);
  const places = usePlaces(project);
  return missing.map((name): CompletionItem => ({
    label: name,
    kind: CompletionItemKind.Property,
    detail: sampleValues(project, name) || undefined,
    documentation: { kind: MarkupKind.Markdown, value: variableMarkdown(project, name, places) },
    textEdit: { range, newText: keyOnly ? JSON.stringify(name) : member(name) + (followedByKey ? ',' : '') },
    filterText: start < offset ? JSON.stringify(name) : name,
    additionalTextEdits: leadingComma ? [leadingComma] : undefined,
  }));
}
