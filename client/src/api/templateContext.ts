import * as vscode from 'vscode';
import { dataSetFile, DEFAULT_SET, partFile } from '#common/templateFiles';
import type { SesRegion } from '#common/cloud/types';
import { defaultRegion, templateSendConfig, type TemplateSendConfig } from '#common/cloud/sesConfigFile';

/** A template as the send command sees it: its parts, data sets and ses.config.json entry. */
export interface TemplateContext {
  readonly name: string;
  readonly folder: vscode.Uri;
  readonly parts: vscode.Uri[];
  /** Data sets by set name (`default`, `zh`, …), sorted with `default` first. */
  readonly dataSets: Array<{ set: string; uri: vscode.Uri }>;
  readonly configUri?: vscode.Uri;
  readonly config?: TemplateSendConfig;
}

/** The text of a file: the editor's buffer when open (unsaved edits count), else the file on disk. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function listFolder(folder: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(folder)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
  } catch {
    return [];
  }
}

/** The nearest ses.config.json above `folder`, not above its workspace folder; with the template key. */
export async function findConfig(folder: vscode.Uri, name: string): Promise<{ uri: vscode.Uri; key: string } | undefined> {
  const root = vscode.workspace.getWorkspaceFolder(folder)?.uri;
  let current = folder;
  const segments: string[] = [];
  for (let depth = 0; depth < 64; depth++) {
    const candidate = vscode.Uri.joinPath(current, 'ses.config.json');
    if ((await readText(candidate)) !== undefined) return { uri: candidate, key: [...segments, name].join('/') };
    if (!root || current.toString() === root.toString() || current.path === '/') return undefined;
    const parent = vscode.Uri.joinPath(current, '..');
    segments.unshift(current.path.slice(current.path.lastIndexOf('/') + 1));
    current = parent;
  }
  return undefined;
}

/** The template of a document, or undefined when the document is no SES template part. */
export async function templateOf(document: vscode.TextDocument): Promise<TemplateContext | undefined> {
  if (document.uri.scheme !== 'file') return undefined;
  const isTemplate = document.languageId === 'ses-html' || document.languageId === 'ses-text' || /\.ses\.(html|txt)$/i.test(document.uri.path);
  const part = isTemplate ? partFile(document.uri.toString(), document.languageId) : undefined;
  if (!part) return undefined;
  const folder = vscode.Uri.joinPath(document.uri, '..');
  const files = await listFolder(folder);
  const parts = files.filter((f) => {
    const other = partFile(`${folder.toString()}/${encodeURIComponent(f)}`);
    return other?.name === part.name && (/\.ses\.(html|txt)$/i.test(f) || f === document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1));
  }).map((f) => vscode.Uri.joinPath(folder, f));
  const dataSets = files.flatMap((f) => {
    const data = dataSetFile(`${folder.toString()}/${encodeURIComponent(f)}`);
    return data?.name === part.name ? [{ set: data.set, uri: vscode.Uri.joinPath(folder, f) }] : [];
  }).sort((a, b) => (a.set === DEFAULT_SET ? -1 : b.set === DEFAULT_SET ? 1 : a.set.localeCompare(b.set)));
  const found = await findConfig(folder, part.name);
  const text = found ? await readText(found.uri) : undefined;
  return {
    name: part.name, folder, parts: parts.length ? parts : [document.uri], dataSets,
    ...(found && text !== undefined ? { configUri: found.uri, config: templateSendConfig(text, found.key) } : {}),
  };
}

/** Diagnostics of severity Error on the template's parts, its data sets and its config. */
export function templateErrors(template: TemplateContext): vscode.Diagnostic[] {
  const uris = [...template.parts, ...template.dataSets.map((d) => d.uri)];
  return uris.flatMap((uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error));
}

/** The region ses.config.json gives for calls about no template: next to the active editor, else the first workspace folder. */
export async function configRegion(): Promise<SesRegion | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const start = active?.scheme === 'file' ? vscode.Uri.joinPath(active, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!start) return undefined;
  const found = await findConfig(start, '');
  const text = found ? await readText(found.uri) : undefined;
  return text === undefined ? undefined : defaultRegion(text);
}
