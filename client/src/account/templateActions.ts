import * as vscode from 'vscode';
import { changedParts, decodeTemplateContent, fileBaseName, PART_KINDS, type PartKind } from '#common/cloud/templateSync';
import { reportFailure } from '../api/apiFailures';
import { readText } from '../api/templateContext';
import type { ApiDeps } from '../api/sesClientFactory';
import { remoteDocument, showDiff } from '../templates/remoteDocuments';
import { accountClient, isUnavailable } from './accountSource';
import { linkedPartUris } from './localLinks';
import { unavailableItem } from './messageItems';
import { TemplateItem } from './templatesTree';

/** The template row a context action was run on (VS Code passes the item; code may pass a TemplateID). */
function rowOf(arg: unknown): TemplateItem['row'] | undefined {
  return arg instanceof TemplateItem ? arg.row : undefined;
}

/** GetEmailTemplate, its parts stored as `ses-remote:` documents; undefined (and told) on failure. */
async function remoteParts(deps: ApiDeps, id: number, name: string): Promise<Partial<Record<PartKind, { uri: vscode.Uri; text: string }>> | undefined> {
  const setup = await accountClient(deps);
  if (isUnavailable(setup)) {
    void vscode.window.showWarningMessage(String(unavailableItem(setup).label));
    return undefined;
  }
  const answer = await setup.client.call('GetEmailTemplate', { TemplateID: id });
  if (!answer.ok) {
    await reportFailure(answer, { headline: vscode.l10n.t('The template could not be read from Tencent Cloud.'), endpoint: setup.endpoint });
    return undefined;
  }
  const decoded = decodeTemplateContent(answer.data.TemplateContent);
  if (!('parts' in decoded)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Tencent Cloud answered with a {0} part that is not base64 of UTF-8 text.', decoded.badField));
    return undefined;
  }
  const base = fileBaseName(answer.data.TemplateName || name, id);
  const parts: Partial<Record<PartKind, { uri: vscode.Uri; text: string }>> = {};
  for (const kind of PART_KINDS) {
    const text = decoded.parts[kind];
    if (text !== undefined) parts[kind] = { uri: remoteDocument(id, base, kind, text), text };
  }
  return parts;
}

/** "Open Remote Content": the template as Tencent Cloud stores it, read-only (HTML part first). */
export async function openRemoteTemplate(deps: ApiDeps, arg: unknown): Promise<void> {
  const row = rowOf(arg);
  if (!row) return;
  const parts = await remoteParts(deps, row.id, row.name);
  if (!parts) return;
  const first = parts.html ?? parts.text;
  if (!first) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Template {0} has no content in Tencent Cloud.', row.id));
    return;
  }
  await vscode.window.showTextDocument(first.uri, { preview: true });
}

/** "Diff with Local": Tencent Cloud's text left, the linked local file right; the first part that differs (else HTML). */
export async function diffRemoteTemplate(deps: ApiDeps, arg: unknown): Promise<void> {
  const row = rowOf(arg);
  const link = row?.links[0];
  if (!row || !link) return;
  const parts = await remoteParts(deps, row.id, row.name);
  if (!parts) return;
  const local = linkedPartUris(link);
  const localText = { html: await readText(local.html), text: await readText(local.text) };
  const differing = changedParts(
    { ...(localText.html !== undefined ? { html: localText.html } : {}), ...(localText.text !== undefined ? { text: localText.text } : {}) },
    { ...(parts.html ? { html: parts.html.text } : {}), ...(parts.text ? { text: parts.text.text } : {}) },
  );
  const kind = differing.find((k) => parts[k] && localText[k] !== undefined) ?? (parts.html && localText.html !== undefined ? 'html' : 'text');
  const remote = parts[kind];
  if (!remote || localText[kind] === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no {1} part on both sides to compare.', link.key, kind === 'html' ? 'HTML' : 'text'));
    return;
  }
  const title = differing.length === 0
    ? vscode.l10n.t('{0}: Tencent Cloud ↔ local (same)', link.key)
    : vscode.l10n.t('{0}: Tencent Cloud ↔ local', link.key);
  await showDiff(remote.uri, local[kind], title);
}

/** "Pull": the existing Pull Template command with the row's TemplateID. */
export async function pullRemoteTemplate(arg: unknown): Promise<void> {
  const row = rowOf(arg);
  if (row) await vscode.commands.executeCommand('sesStudio.pullTemplate', row.id);
}

/** "Push": opens the linked local template and runs the existing Push Template command on it. */
export async function pushLinkedTemplate(arg: unknown): Promise<void> {
  const link = rowOf(arg)?.links[0];
  if (!link) return;
  const uris = linkedPartUris(link);
  const target = (await readText(uris.html)) !== undefined ? uris.html : uris.text;
  await vscode.window.showTextDocument(target, { preview: false });
  await vscode.commands.executeCommand('sesStudio.pushTemplate');
}
