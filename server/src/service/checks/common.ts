// Facts about a template project that more than one check needs.
import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DataSetModel, TemplateProject } from '../project/templateProject';
import type { TemplateVariables } from '../project/templateVariables';

/** A document with `{{variables}}`: a part, or ses.config.json for the subject (offsets in that document). */
export interface VariableSource {
  readonly document: TextDocument;
  readonly variables: TemplateVariables;
}

export function variableSources(project: TemplateProject): VariableSource[] {
  const sources: VariableSource[] = project.parts.map(({ document, variables }) => ({ document, variables }));
  if (project.subject) sources.push({ document: project.subject.document, variables: project.subject.variables });
  return sources;
}

/**
 * Whether the variables of every part and of the subject are known: a part with a syntax error, binary
 * content or over the size limit yields none, so "unused" cannot be decided while it is broken.
 */
export function allVariablesKnown(project: TemplateProject): boolean {
  return project.parts.every((part) => part.parsed.status === 'ok') && (project.subject?.parsed.status ?? 'ok') === 'ok';
}

/**
 * Data sets whose keys can be trusted: a file that is not JSON or not an object is reported by
 * invalid-data-file, and its keys (none, or those before the error) would make every variable "missing".
 */
export function readableDataSets(project: TemplateProject): DataSetModel[] {
  return project.dataSets.filter((set) => !set.data.problems.some((p) => p.kind === 'syntax' || p.kind === 'not-object'));
}

/** The names of the data sets among `sets` that have no key `name`. */
export function setsLacking(sets: readonly DataSetModel[], name: string): string[] {
  return sets.filter((set) => !set.data.entries.has(name)).map((set) => set.set);
}

/** `text` as inline code for a message, shortened: keys and tags can be arbitrarily long. */
export function code(text: string, max = 40): string {
  const short = text.length > max ? text.slice(0, max) + '…' : text;
  return '`' + short.replace(/`/g, "'").replace(/[\r\n]+/g, ' ') + '`';
}

/**
 * How a data set's values appear in messages: their first characters, enough to tell which value is
 * meant (the editor, the CLI's text and json output), or not at all (the CLI's github and sarif
 * output, which end up as pull-request annotations and code-scanning alerts, unless --show-values).
 * A data set may hold a token or a customer's address; the finding's position identifies it anyway.
 * Module state because the CLI is one run in one process; it sets it around runChecks and puts it back.
 */
export type DataValueDisplay = 'prefix' | 'hidden';
let dataValueDisplay: DataValueDisplay = 'prefix';
/** Characters of a data value shown in a message: few, since a value may be a token; the position identifies the rest. */
export const DATA_VALUE_CHARS = 12;

export function setDataValueDisplay(display: DataValueDisplay): DataValueDisplay {
  const before = dataValueDisplay;
  dataValueDisplay = display;
  return before;
}

/** A data value (or text built from one) for a message: shortened to its start, or hidden. */
export function dataValue(text: string): string {
  return dataValueDisplay === 'hidden' ? l10n.t('(a data value, not shown)') : code(text, DATA_VALUE_CHARS);
}

/** `{{name}}` as inline code. */
export function tag(name: string): string {
  return code(`{{${name}}}`, 44);
}

export { byCount } from '#common/plural';
