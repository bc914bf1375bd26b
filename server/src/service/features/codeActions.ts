import * as l10n from '@vscode/l10n';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Range, type TextEdit } from 'vscode-languageserver-types';
import { variableNames, type TemplateProject } from '../project/templateProject';
import { insertKeys } from './dataEdits';
import { documentOf, type FeatureDocument } from './featureTarget';
import { htmlElementActions } from './htmlFixes';
import { fixesFor } from './quickFixes';

/**
 * Quick fixes for the diagnostics in `context` (computed from the project, not from diagnostic
 * text), the element rewrites of htmlFixes.ts on an HTML part, and, when asked for with `only`, a
 * `source.fixAll` adding every missing key.
 */
export function codeActions(project: TemplateProject, uri: string, range: Range, context: CodeActionContext): CodeAction[] {
  const at = documentOf(project, uri);
  if (!at) return [];
  const actions: CodeAction[] = [];
  if (wants(context.only, CodeActionKind.QuickFix)) {
    for (const diagnostic of context.diagnostics) actions.push(...fixesFor(project, at, diagnostic));
  }
  if (at.kind === 'part' && wants(context.only, CodeActionKind.RefactorRewrite)) {
    const part = project.parts.find((p) => p.uri === uri);
    if (part) actions.push(...htmlElementActions(part, uri, range));
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
