import * as vscode from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient';

export const DEFAULT_TEMPLATE_GLOBS = ['**/*.ses.html', '**/*.ses.txt'];

/** `sesStudio.templateGlobs`, keeping only non-empty strings whatever the user typed. */
export function templateGlobs(): string[] {
  const value = vscode.workspace.getConfiguration('sesStudio').get<unknown>('templateGlobs');
  if (!Array.isArray(value)) return DEFAULT_TEMPLATE_GLOBS;
  return value.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '');
}

/** Data sets and ses.config.json go to the server too: they are checked, and they change the templates' diagnostics. */
export const DATA_AND_CONFIG_GLOBS = ['**/*.data.json', '**/*.data.*.json', '**/ses.config.json'];

export function templateSelector(globs: readonly string[]): DocumentSelector {
  return [
    { language: 'ses-html' },
    { language: 'ses-text' },
    ...[...globs, ...DATA_AND_CONFIG_GLOBS].map((pattern) => ({ scheme: 'file', pattern })),
  ];
}

/**
 * Files matched by a custom glob (say `emails/*.html`) open as plain HTML or text. Switching them to
 * the template languages gives them placeholder highlighting while keeping HTML features, because
 * `ses-html` is contributed to VS Code's HTML language server (`htmlLanguageParticipants` in package.json).
 */
export async function adoptTemplateLanguage(document: vscode.TextDocument, globs: readonly string[]): Promise<void> {
  const target = document.languageId === 'html' ? 'ses-html' : document.languageId === 'plaintext' ? 'ses-text' : undefined;
  if (!target || document.uri.scheme !== 'file') return;
  if (globs.some((pattern) => vscode.languages.match({ scheme: 'file', pattern }, document) > 0)) {
    await vscode.languages.setTextDocumentLanguage(document, target);
  }
}
