import * as l10n from '@vscode/l10n';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { usesOf, type TemplateProject } from '../project/templateProject';
import { rangeOf, targetAt, VARIABLE_NAME } from './featureTarget';

/** Why a rename cannot happen, already localised; the adapter answers it as a request error. */
export interface Refusal {
  readonly refused: string;
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

/** The name to rename at `position`: a variable use in a part or the subject, or a data key. */
export function prepareRename(project: TemplateProject, uri: string, position: Position): { range: Range; placeholder: string } | Refusal {
  const target = targetAt(project, uri, position);
  if (!target) return { refused: l10n.t('Only template variables and data keys can be renamed.') };
  if (target.kind === 'use') return { range: rangeOf(target.at.document, target.use.start, target.use.end), placeholder: target.name };
  const { entry } = target;
  const plain = entry.keyEnd - entry.keyStart - 2 === entry.key.length;
  const range = plain ? rangeOf(target.at.document, entry.keyStart + 1, entry.keyEnd - 1) : rangeOf(target.at.document, entry.keyStart, entry.keyEnd);
  return { range, placeholder: target.name };
}

/**
 * Renames a variable everywhere in the template: every use in every part, the subject in
 * ses.config.json and the key in every data set, as one workspace edit.
 */
export function rename(project: TemplateProject, uri: string, position: Position, newName: string): WorkspaceEdit | Refusal {
  const target = targetAt(project, uri, position);
  if (!target) return { refused: l10n.t('Only template variables and data keys can be renamed.') };
  if (!VARIABLE_NAME.test(newName)) {
    return { refused: l10n.t('{0} is not a valid variable name: use letters, digits and underscores, and do not start with a digit.', JSON.stringify(newName)) };
  }
  const changes: Record<string, TextEdit[]> = {};
  if (newName === target.name) return { changes };
  const add = (uri: string, edit: TextEdit) => (changes[uri] ??= []).push(edit);

  for (const dataSet of project.dataSets) {
    const entry = dataSet.data.entries.get(target.name);
    if (!entry) continue;
    if (dataSet.data.entries.has(newName)) return { refused: l10n.t('Data set {0} already has a key {1}.', dataSet.set, JSON.stringify(newName)) };
    add(dataSet.uri, { range: rangeOf(dataSet.document, entry.keyStart, entry.keyEnd), newText: JSON.stringify(newName) });
  }
  for (const use of usesOf(project, target.name)) add(use.uri, { range: rangeOf(use.document, use.start, use.end), newText: newName });
  return { changes };
}
