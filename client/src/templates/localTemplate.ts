import * as vscode from 'vscode';
import { partFile } from '#common/templateFiles';
import { configTemplateName, type PartKind, type TemplateParts } from '#common/cloud/templateSync';
import { readText, templateOf, type TemplateContext } from '../api/templateContext';

/** The template of the active editor, else of a visible one (the focus may be on a diff or preview). */
export async function activeTemplate(): Promise<TemplateContext | undefined> {
  const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].filter((e): e is vscode.TextEditor => e !== undefined);
  for (const editor of editors) {
    const template = await templateOf(editor.document);
    if (template) return template;
  }
  return undefined;
}

/** The part files of a template by kind (the first file of each kind wins). */
export function partUris(template: TemplateContext): Partial<Record<PartKind, vscode.Uri>> {
  const byKind: Partial<Record<PartKind, vscode.Uri>> = {};
  for (const uri of template.parts) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const kind = partFile(uri.toString(), open?.languageId)?.part;
    if (kind && !byKind[kind]) byKind[kind] = uri;
  }
  return byKind;
}

/** The text of each part: the editor's buffer when open (so call `saveParts` first), else the file. */
export async function readParts(uris: Partial<Record<PartKind, vscode.Uri>>): Promise<TemplateParts> {
  const html = uris.html ? await readText(uris.html) : undefined;
  const text = uris.text ? await readText(uris.text) : undefined;
  return { ...(html !== undefined ? { html } : {}), ...(text !== undefined ? { text } : {}) };
}

/** Open documents among `uris` with unsaved changes. */
export function dirtyDocuments(uris: ReadonlyArray<vscode.Uri | undefined>): vscode.TextDocument[] {
  const wanted = new Set(uris.filter((u): u is vscode.Uri => u !== undefined).map((u) => u.toString()));
  return vscode.workspace.textDocuments.filter((d) => d.isDirty && wanted.has(d.uri.toString()));
}

/** The name the template has in Tencent Cloud: `templateName` in ses.config.json, else the file name. */
export async function remoteName(template: TemplateContext): Promise<string> {
  const text = template.configUri ? await readText(template.configUri) : undefined;
  return (text !== undefined && template.config ? configTemplateName(text, template.config.key) : undefined) ?? template.name;
}
