import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedTemplate } from '../templateParser';
import { parseTemplate } from '../templateParser';
import { parseDataFile, type DataFile } from './dataFile';
import { collectVariables, htmlComments, markCommentUses, type Dialect, type TemplateVariables } from './templateVariables';
import type { ConfigProblem } from './sesConfigProblems';
import type { PartKind } from '#common/templateFiles';

/** One part of a template: its HTML or its text. */
export interface PartModel {
  readonly uri: string;
  readonly kind: PartKind;
  readonly document: TextDocument;
  readonly parsed: ParsedTemplate;
  readonly variables: TemplateVariables;
}

/** The `subject` of the template in ses.config.json; offsets are offsets in the config document. */
export interface SubjectModel {
  readonly uri: string;
  readonly document: TextDocument;
  /** Offsets of the subject text, inside the JSON string's quotes. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly parsed: ParsedTemplate;
  readonly variables: TemplateVariables;
}

/** One TemplateData data set: `welcome.data.json` ("default") or `welcome.data.<set>.json`. */
export interface DataSetModel {
  readonly set: string;
  readonly uri: string;
  readonly document: TextDocument;
  readonly data: DataFile;
}

/** Everything known of one template: its parts, subject and data sets. Built fresh for each request. */
export interface TemplateProject {
  /** Folder URI (ending in `/`) and name: `welcome` for `welcome.ses.html`. */
  readonly folder: string;
  readonly name: string;
  readonly parts: readonly PartModel[];
  readonly subject?: SubjectModel;
  readonly dataSets: readonly DataSetModel[];
  readonly triggerType?: 'transactional' | 'marketing';
  readonly dialect: Dialect;
  /** The template's ses.config.json when something in it is wrong (reported by invalid-config). */
  readonly config?: ConfigModel;
}

/** A ses.config.json with problems; without any, a project carries none (its URI is not the template's then). */
export interface ConfigModel {
  readonly uri: string;
  readonly document: TextDocument;
  readonly problems: readonly ConfigProblem[];
}

export function buildPart(uri: string, kind: PartKind, document: TextDocument, parsed: ParsedTemplate, dialect: Dialect): PartModel {
  let variables: TemplateVariables = parsed.status === 'ok' ? collectVariables(document, parsed.ast, dialect) : { uses: [], dialectProblems: [] };
  if (kind === 'html' && (variables.uses.length > 0 || variables.dialectProblems.length > 0)) variables = markCommentUses(variables, htmlComments(document.getText()));
  return { uri, kind, document, parsed, variables };
}

export function buildDataSet(set: string, uri: string, document: TextDocument, data = parseDataFile(document.getText())): DataSetModel {
  return { set, uri, document, data };
}

/** The subject string found at [start, end) of the config document, parsed like a part. */
export function buildSubject(uri: string, document: TextDocument, start: number, end: number, dialect: Dialect): SubjectModel {
  const text = document.getText().slice(start, end);
  const own = TextDocument.create(`${uri}#subject`, 'ses-text', document.version, text);
  const parsed = parseTemplate(own);
  const variables = parsed.status === 'ok' ? collectVariables(own, parsed.ast, dialect, start) : { uses: [], dialectProblems: [] };
  return { uri, document, start, end, text, parsed, variables };
}

/** Every use of `name` in the parts and the subject, with the URI of the document it is in. */
export function usesOf(project: TemplateProject, name: string): Array<{ uri: string; document: TextDocument; start: number; end: number }> {
  const found: Array<{ uri: string; document: TextDocument; start: number; end: number }> = [];
  for (const part of project.parts) {
    for (const use of part.variables.uses) if (use.name === name) found.push({ uri: part.uri, document: part.document, start: use.start, end: use.end });
  }
  for (const use of project.subject?.variables.uses ?? []) {
    if (use.name === name) found.push({ uri: project.subject!.uri, document: project.subject!.document, start: use.start, end: use.end });
  }
  return found;
}

/** The names used anywhere in the template, in first-use order. */
export function variableNames(project: TemplateProject): string[] {
  const names = new Set<string>();
  for (const part of project.parts) for (const use of part.variables.uses) names.add(use.name);
  for (const use of project.subject?.variables.uses ?? []) names.add(use.name);
  return [...names];
}
