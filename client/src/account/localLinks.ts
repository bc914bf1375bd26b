import * as vscode from 'vscode';
import { linkedTemplates, type TemplateParts } from '#common/cloud/templateSync';
import { readText } from '../api/templateContext';

export interface LocalLink {
  readonly templateId: number;
  /** Config key relative to the config's folder (`emails/welcome`). */
  readonly key: string;
  /** The ses.config.json's URI as a string. */
  readonly config: string;
}

/** Every template linked to a TemplateID by a ses.config.json of the workspace (100 configs at most). */
export async function workspaceLinks(): Promise<LocalLink[]> {
  const configs = await vscode.workspace.findFiles('**/ses.config.json', '**/node_modules/**', 100);
  const links: LocalLink[] = [];
  for (const uri of configs.sort((a, b) => a.path.localeCompare(b.path))) {
    const text = await readText(uri);
    if (text === undefined) continue;
    for (const link of linkedTemplates(text)) links.push({ templateId: link.templateId, key: link.key, config: uri.toString() });
  }
  return links;
}

/** The part files of a linked template: `<config folder>/<key>.ses.html` and `.ses.txt`. */
export function linkedPartUris(link: { key: string; config: string }): { html: vscode.Uri; text: vscode.Uri } {
  const folder = vscode.Uri.joinPath(vscode.Uri.parse(link.config), '..');
  return { html: vscode.Uri.joinPath(folder, `${link.key}.ses.html`), text: vscode.Uri.joinPath(folder, `${link.key}.ses.txt`) };
}

/** The local parts that exist (editor buffers count, as for a push). */
export async function linkedParts(link: { key: string; config: string }): Promise<TemplateParts> {
  const uris = linkedPartUris(link);
  const html = await readText(uris.html);
  const text = await readText(uris.text);
  return { ...(html !== undefined ? { html } : {}), ...(text !== undefined ? { text } : {}) };
}
