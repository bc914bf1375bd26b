import * as l10n from '@vscode/l10n';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { DataEntry } from '../project/dataFile';
import { dataSetUri, DEFAULT_SET } from '../project/templateFiles';
import { variableNames, type DataSetModel, type TemplateProject } from '../project/templateProject';
import { insertKeys, newDataSetText, quoteValue, removeEntry } from './dataEdits';
import { documentOf, fileName, setsMissing, type FeatureDocument } from './featureTarget';

/** Diagnostic codes of the checks this file fixes. */
export const FIXABLE_CODES = ['missing-variable', 'unused-data-key', 'non-string-value', 'no-data-set'] as const;

/**
 * Quick fixes for the diagnostics in `context` (computed from the project, not from diagnostic
 * text), and, when asked for with `only`, a `source.fixAll` adding every missing key.
 */
export function codeActions(project: TemplateProject, uri: string, _range: Range, context: CodeActionContext): CodeAction[] {
  const at = documentOf(project, uri);
  if (!at) return [];
  const actions: CodeAction[] = [];
  if (wants(context.only, CodeActionKind.QuickFix)) {
    for (const diagnostic of context.diagnostics) actions.push(...fixesFor(project, at, diagnostic));
  }
  if (context.only && wants(context.only, CodeActionKind.SourceFixAll)) {
    const fixAll = fixAllAction(project, at);
    if (fixAll) actions.push(fixAll);
  }
  const seen = new Set<string>();
  return actions.filter((action) => !seen.has(action.title) && seen.add(action.title));
}

/** Whether `only` (the kinds the client asks for) includes `kind`. */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((asked) => kind === asked || kind.startsWith(asked + '.'));
}

function fixesFor(project: TemplateProject, at: FeatureDocument, diagnostic: Diagnostic): CodeAction[] {
  const start = at.document.offsetAt(diagnostic.range.start);
  const end = at.document.offsetAt(diagnostic.range.end);
  switch (diagnostic.code) {
    case 'missing-variable': {
      if (at.kind === 'data') {
        const edit = insertKeys(at.dataSet, variableNames(project).filter((name) => !at.dataSet.data.entries.has(name)));
        return edit ? [quickFix(l10n.t('Add the missing keys to {0}', fileName(at.uri)), diagnostic, { changes: { [at.uri]: [edit] } }, true)] : [];
      }
      const name = nameAt(at, start, end);
      return name ? addKeyFixes(project, name, diagnostic) : [];
    }
    case 'unused-data-key':
    case 'non-string-value': {
      if (at.kind !== 'data') return [];
      const entry = entryAt(at.dataSet, start, end);
      if (!entry) return [];
      if (diagnostic.code === 'unused-data-key') {
        const edit = removeEntry(at.dataSet, entry);
        return [quickFix(l10n.t('Remove the unused key {0}', JSON.stringify(entry.key)), diagnostic, { changes: { [at.uri]: [edit] } }, true)];
      }
      const edit = quoteValue(at.dataSet, entry);
      return edit ? [quickFix(l10n.t('Convert the value to the string {0}', edit.newText), diagnostic, { changes: { [at.uri]: [edit] } }, true)] : [];
    }
    case 'no-data-set': {
      if (project.dataSets.length > 0) return [];
      const uri = dataSetUri(project, DEFAULT_SET);
      const edit: WorkspaceEdit = {
        documentChanges: [
          { kind: 'create', uri },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newDataSetText(variableNames(project)) }] },
        ],
      };
      return [quickFix(l10n.t('Create {0} with every variable of the template', fileName(uri)), diagnostic, edit, true)];
    }
    default:
      return [];
  }
}

/** Add `name` to each data set that lacks it, and to all of them at once when several do. */
function addKeyFixes(project: TemplateProject, name: string, diagnostic: Diagnostic): CodeAction[] {
  const missing = setsMissing(project, name).filter((d) => d.data.insertAt);
  const fixes: CodeAction[] = [];
  const all: Record<string, TextEdit[]> = {};
  for (const dataSet of missing) {
    const edit = insertKeys(dataSet, [name])!;
    all[dataSet.uri] = [edit];
    fixes.push(quickFix(l10n.t('Add the key {0} to {1}', JSON.stringify(name), fileName(dataSet.uri)), diagnostic, { changes: { [dataSet.uri]: [edit] } }, missing.length === 1));
  }
  if (missing.length > 1) fixes.unshift(quickFix(l10n.t('Add the key {0} to all data sets', JSON.stringify(name)), diagnostic, { changes: all }, true));
  return fixes;
}

function fixAllAction(project: TemplateProject, at: FeatureDocument): CodeAction | undefined {
  const names = variableNames(project);
  const dataSets = at.kind === 'data' ? [at.dataSet] : project.dataSets;
  const changes: Record<string, TextEdit[]> = {};
  for (const dataSet of dataSets) {
    const edit = insertKeys(dataSet, names.filter((name) => !dataSet.data.entries.has(name)));
    if (edit) changes[dataSet.uri] = [edit];
  }
  if (Object.keys(changes).length === 0) return undefined;
  return { title: l10n.t('Add all missing keys to the data sets'), kind: CodeActionKind.SourceFixAll, edit: { changes } };
}

function quickFix(title: string, diagnostic: Diagnostic, edit: WorkspaceEdit, isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, isPreferred: isPreferred || undefined };
}

/** The variable a diagnostic in a part or the subject points at: its name first, else its tag. */
function nameAt(at: FeatureDocument & { kind: 'part' | 'subject' }, start: number, end: number): string | undefined {
  const overlaps = (from: number, to: number) => from <= end && start <= to;
  return (at.uses.find((use) => overlaps(use.start, use.end)) ?? at.uses.find((use) => overlaps(use.tagStart, use.tagEnd)))?.name;
}

/** The data entry a diagnostic points at (its key or its value). */
function entryAt(dataSet: DataSetModel, start: number, end: number): DataEntry | undefined {
  for (const entry of dataSet.data.entries.values()) if (entry.keyStart <= end && start <= entry.valueEnd) return entry;
  return undefined;
}
