import * as l10n from '@vscode/l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { DataEntry } from '../project/dataFile';
import { findForeignPlaceholders } from '../project/foreignPlaceholders';
import { dataSetUri, DEFAULT_SET } from '#common/templateFiles';
import { variableNames, type DataSetModel, type TemplateProject } from '../project/templateProject';
import { Suppressions } from '../suppression';
import { insertKeys, newDataSetText, quoteValue, removeEntry } from './dataEdits';
import { documentOf, fileName, rangeOf, setsMissing, type FeatureDocument } from './featureTarget';

// The quick fixes, one entry per diagnostic code: the editor offers them as code actions
// (codeActions.ts) and `ses-template check --fix` applies the preferred one of those marked `auto`
// (server/src/cli/fix.ts). One implementation, so the CLI's fixes are exactly the editor's.

/**
 * Whether `ses-template check --fix` applies the fix: `safe` when the result needs no human choice,
 * `unused` only with `--fix-unused` (it deletes data a teammate may still want); absent: the editor
 * only (the fix would invent data values, or there are several reasonable choices).
 */
export type AutoFix = 'safe' | 'unused';

interface QuickFix {
  readonly auto?: AutoFix;
  fixes(project: TemplateProject, at: FeatureDocument, diagnostic: Diagnostic, start: number, end: number): CodeAction[];
}

export const QUICK_FIXES: Readonly<Record<string, QuickFix>> = {
  // A `<style>` element that target clients strip (client-support, feature html-style): its rules
  // inlined into `style` attributes by the client's "SES: Inline CSS" command, which loads juice only
  // when it runs (dist/inlineCss.js; never in the language server). The CLI's --fix inlines with the
  // same module (server/src/cli/fix.ts).
  'client-support': {
    fixes(_project, at, diagnostic, start) {
      if (at.kind !== 'part' || !isStyleFinding(at.document.getText(), diagnostic, start)) return [];
      const title = l10n.t('Inline the {0} rules', '<style>');
      return [{ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, command: { title, command: INLINE_CSS_COMMAND, arguments: [at.uri] } }];
    },
  },
  // Adds keys with an empty value: a value only a human can choose, so never applied by the CLI.
  'missing-variable': {
    fixes(project, at, diagnostic, start, end) {
      if (at.kind === 'data') {
        const edit = insertKeys(at.dataSet, variableNames(project).filter((name) => !at.dataSet.data.entries.has(name)));
        return edit ? [quickFix(l10n.t('Add the missing keys to {0}', fileName(at.uri)), diagnostic, { changes: { [at.uri]: [edit] } }, true)] : [];
      }
      const name = nameAt(at, start, end);
      return name ? addKeyFixes(project, name, diagnostic) : [];
    },
  },
  'unused-data-key': {
    auto: 'unused',
    fixes(_project, at, diagnostic, start, end) {
      const entry = at.kind === 'data' ? entryAt(at.dataSet, start, end) : undefined;
      if (at.kind !== 'data' || !entry) return [];
      const edit = removeEntry(at.dataSet, entry);
      return [quickFix(l10n.t('Remove the unused key {0}', JSON.stringify(entry.key)), diagnostic, { changes: { [at.uri]: [edit] } }, true)];
    },
  },
  'non-string-value': {
    auto: 'safe',
    fixes(_project, at, diagnostic, start, end) {
      const entry = at.kind === 'data' ? entryAt(at.dataSet, start, end) : undefined;
      const edit = at.kind === 'data' && entry ? quoteValue(at.dataSet, entry) : undefined;
      return edit ? [quickFix(l10n.t('Convert the value to the string {0}', edit.newText), diagnostic, { changes: { [at.uri]: [edit] } }, true)] : [];
    },
  },
  // Creates a data set of empty values: the values are the human's to write.
  'no-data-set': {
    fixes(project, _at, diagnostic) {
      if (project.dataSets.length > 0) return [];
      const uri = dataSetUri(project, DEFAULT_SET);
      const edit: WorkspaceEdit = {
        documentChanges: [
          { kind: 'create', uri },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newDataSetText(variableNames(project)) }] },
        ],
      };
      return [quickFix(l10n.t('Create {0} with every variable of the template', fileName(uri)), diagnostic, edit, true)];
    },
  },
  'spaces-in-braces': {
    auto: 'safe',
    fixes(_project, at, diagnostic, start, end) {
      if (at.kind === 'data') return [];
      const text = at.document.getText();
      const use = at.uses.find((u) => u.tagStart <= end && start <= u.tagEnd);
      if (!use) return [];
      const tight = tightTag(text.slice(use.tagStart, use.tagEnd));
      if (!tight) return [];
      const edit: TextEdit = { range: rangeOf(at.document, use.tagStart, use.tagEnd), newText: tight };
      return [quickFix(l10n.t('Write {0}', tight), diagnostic, { changes: { [at.uri]: [edit] } }, true)];
    },
  },
  // Editor only: the data sets may still need a value under the new name, which the human writes.
  'foreign-placeholder': {
    fixes(_project, at, diagnostic, start, end) {
      if (at.kind === 'data') return [];
      const found = findForeignPlaceholders(at.document.getText(), start, end).find((tag) => tag.start === start && tag.end === end);
      if (!found?.name) return [];
      const plain = `{{${found.name}}}`;
      const edit: TextEdit = { range: rangeOf(at.document, start, end), newText: plain };
      return [quickFix(l10n.t('Write {0}', plain), diagnostic, { changes: { [at.uri]: [edit] } }, true)];
    },
  },
  'unused-suppression': {
    auto: 'safe',
    fixes(_project, at, diagnostic, start, end) {
      if (at.kind !== 'part') return [];
      const directive = Suppressions.of(at.document)?.directiveAt(start);
      if (!directive) return [];
      const removeComment = () => quickFix(l10n.t('Remove this comment'), diagnostic, { changes: { [at.uri]: [removeSpan(at.document, directive.start, directive.end)] } }, true);
      // The whole comment hides nothing, or this is its last code: without codes it would hide every check.
      if (directive.codes.length === 0 || (start === directive.start && end === directive.end)) return [removeComment()];
      const code = directive.codes.find((c) => c.start === start && c.end === end);
      if (!code) return [];
      const rest = directive.codes.filter((c) => c !== code);
      if (rest.length === 0) return [removeComment()];
      const first = directive.codes[0];
      const last = directive.codes[directive.codes.length - 1];
      const edit: TextEdit = { range: rangeOf(at.document, first.start, last.end), newText: rest.map((c) => c.code).join(', ') };
      return [quickFix(l10n.t('Remove {0} from this comment', code.code), diagnostic, { changes: { [at.uri]: [edit] } }, true)];
    },
  },
};

/** The client command that inlines a template's `<style>` rules (client/src/commands/inlineCss.ts). */
export const INLINE_CSS_COMMAND = 'sesStudio.inlineCss';

/** Whether a client-support finding is about the `<style>` element (feature html-style). */
export function isStyleFinding(text: string, diagnostic: Diagnostic, start: number): boolean {
  const data = diagnostic.data as { feature?: unknown } | undefined;
  if (data && typeof data === 'object' && 'feature' in data) return data.feature === 'html-style';
  return text.slice(start, start + 6).toLowerCase() === '<style';
}

/** The codes that have quick fixes. */
export const FIXABLE_CODES = Object.keys(QUICK_FIXES);

/** The quick fixes for one diagnostic of the document `at` (none for a code without fixes). */
export function fixesFor(project: TemplateProject, at: FeatureDocument, diagnostic: Diagnostic): CodeAction[] {
  const fix = typeof diagnostic.code === 'string' ? QUICK_FIXES[diagnostic.code] : undefined;
  if (!fix) return [];
  return fix.fixes(project, at, diagnostic, at.document.offsetAt(diagnostic.range.start), at.document.offsetAt(diagnostic.range.end));
}

/**
 * The edits `--fix` makes for `diagnostic` of the document `uri`: those of its preferred quick fix,
 * when the fix is applied automatically (`unused` ones only with `fixUnused`) and edits existing
 * files only. Undefined when there is nothing to apply.
 */
export function autoFix(project: TemplateProject, uri: string, diagnostic: Diagnostic, options: { fixUnused: boolean }): { title: string; changes: Record<string, TextEdit[]> } | undefined {
  const fix = typeof diagnostic.code === 'string' ? QUICK_FIXES[diagnostic.code] : undefined;
  if (!fix?.auto || (fix.auto === 'unused' && !options.fixUnused)) return undefined;
  const at = documentOf(project, uri);
  if (!at) return undefined;
  const preferred = fixesFor(project, at, diagnostic).find((action) => action.isPreferred && action.edit?.changes);
  return preferred?.edit?.changes ? { title: preferred.title, changes: preferred.edit.changes } : undefined;
}

function quickFix(title: string, diagnostic: Diagnostic, edit: WorkspaceEdit, isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, isPreferred: isPreferred || undefined };
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

/** `{{ name }}` → `{{name}}`; undefined unless the tag is braces around one word with spaces. */
function tightTag(tag: string): string | undefined {
  if (!tag.startsWith('{{') || !tag.endsWith('}}') || tag.startsWith('{{{')) return undefined;
  const inner = tag.slice(2, -2).trim();
  if (inner === '' || /\s/.test(inner) || inner.includes('{') || inner.includes('}')) return undefined;
  return `{{${inner}}}`;
}

/** Removes `start`–`end`, with its line when nothing else is on it (a comment on its own line). */
function removeSpan(document: TextDocument, start: number, end: number): TextEdit {
  const text = document.getText();
  let lineStart = start;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t')) lineEnd++;
  const alone = (lineStart === 0 || text[lineStart - 1] === '\n') && (lineEnd === text.length || text[lineEnd] === '\n' || text[lineEnd] === '\r');
  if (!alone) return { range: rangeOf(document, start, end), newText: '' };
  if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') lineEnd += 2;
  else if (text[lineEnd] === '\n' || text[lineEnd] === '\r') lineEnd += 1;
  return { range: rangeOf(document, lineStart, lineEnd), newText: '' };
}
