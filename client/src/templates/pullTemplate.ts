import * as vscode from 'vscode';
import { decodeTemplateContent, fileBaseName, linkedTemplates, listAllTemplates, PART_KINDS, partFileName } from '#common/cloud/templateSync';
import type { TemplatesMetadata } from '#common/cloud/types';
import { reportFailure } from '../api/apiFailures';
import { configRegion, findConfig, readText } from '../api/templateContext';
import { type ApiDeps, createSesClient, requireCredentials, requireTrust } from '../api/sesClientFactory';
import { recordTemplateId } from './configWriter';
import { activeTemplate } from './localTemplate';
import { remoteDocument, showDiff } from './remoteDocuments';
import { statusIcon, statusWords } from './statusWords';
import type { TemplateStatusTracker } from './templateStatusBar';

export interface PullOutcome {
  readonly templateId: number;
  readonly written: vscode.Uri[];
  readonly unchanged: vscode.Uri[];
}

function createdDate(seconds: number): string {
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toLocaleDateString(vscode.env.language) : '-';
}

/** Picks a remote template; the active template's own comes first. */
async function pickTemplate(templates: TemplatesMetadata[], activeId: number | undefined): Promise<number | undefined> {
  if (templates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Tencent Cloud has no templates in this account and region yet.'));
    return undefined;
  }
  const sorted = [...templates].sort((a, b) => (a.TemplateID === activeId ? -1 : b.TemplateID === activeId ? 1 : 0));
  const picked = await vscode.window.showQuickPick(
    sorted.map((t) => ({
      label: `${statusIcon(t.TemplateStatus)} ${t.TemplateName}`,
      description: `ID ${t.TemplateID} · ${statusWords(t.TemplateStatus, t.ReviewReason)}${t.TemplateID === activeId ? ` · ${vscode.l10n.t('active template')}` : ''}`,
      detail: vscode.l10n.t('created {0}', createdDate(t.CreatedTimestamp)),
      id: t.TemplateID,
    })),
    { title: vscode.l10n.t('Pull a template from Tencent Cloud'), placeHolder: vscode.l10n.t('Template to pull (name, ID, review status)'), matchOnDescription: true },
  );
  return picked?.id;
}

/** Where the pulled files go: the files already linked to the ID, else next to the active template, else the workspace folder. */
async function targetOf(templateId: number, remoteName: string): Promise<{ folder: vscode.Uri; name: string } | undefined> {
  const active = await activeTemplate();
  if (active?.config?.templateId === templateId) return { folder: active.folder, name: active.name };
  const folder = active?.folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return undefined;
  const config = await findConfig(folder, '');
  const text = config ? await readText(config.uri) : undefined;
  const linked = text === undefined ? undefined : linkedTemplates(text).find((entry) => entry.templateId === templateId);
  if (config && linked) {
    const slash = linked.key.lastIndexOf('/');
    const configFolder = vscode.Uri.joinPath(config.uri, '..');
    return slash < 0 ? { folder: configFolder, name: linked.key } : { folder: vscode.Uri.joinPath(configFolder, linked.key.slice(0, slash)), name: linked.key.slice(slash + 1) };
  }
  return { folder, name: fileBaseName(remoteName, templateId) };
}

/**
 * "SES: Pull Template": a remote template (picked from ListEmailTemplates, or `templateId` when run
 * from code) is written to `<name>.ses.html` / `<name>.ses.txt` (the parts that exist remotely) and
 * linked in ses.config.json. Local files that differ are overwritten only after a diff and a
 * confirmation; a file with unsaved changes in an editor is never overwritten.
 */
export async function pullTemplate(deps: ApiDeps, tracker: TemplateStatusTracker | undefined, templateIdArg?: unknown): Promise<PullOutcome | undefined> {
  if (!requireTrust()) return undefined;
  if (!(await requireCredentials(deps, vscode.l10n.t('SES: no Tencent Cloud credentials. Set an API key to pull templates.')))) return undefined;
  const active = await activeTemplate();
  const setup = createSesClient(deps, active?.config?.region ?? (await configRegion()), active?.folder);
  let templateId = typeof templateIdArg === 'number' && Number.isSafeInteger(templateIdArg) && templateIdArg > 0 ? templateIdArg : undefined;
  if (templateId === undefined) {
    const listed = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing the templates in Tencent Cloud…') },
      () => listAllTemplates(setup.client),
    );
    if (!listed.ok) {
      await reportFailure(listed.failure, { headline: vscode.l10n.t('The templates could not be listed.'), endpoint: setup.endpoint });
      return undefined;
    }
    tracker?.accept(listed.templates);
    templateId = await pickTemplate(listed.templates, active?.config?.templateId);
    if (templateId === undefined) return undefined;
  }

  const remote = await setup.client.call('GetEmailTemplate', { TemplateID: templateId });
  if (!remote.ok) {
    await reportFailure(remote, { headline: vscode.l10n.t('The template was not pulled: TemplateID {0} could not be read.', String(templateId)), endpoint: setup.endpoint });
    return undefined;
  }
  const decoded = decodeTemplateContent(remote.data.TemplateContent);
  if ('badField' in decoded) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Tencent Cloud answered TemplateID {0} with a {1} part that is not base64 of UTF-8 text; nothing was written.', String(templateId), decoded.badField));
    return undefined;
  }
  const kinds = PART_KINDS.filter((kind) => decoded.parts[kind] !== undefined);
  if (kinds.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Template {0} in Tencent Cloud has neither an HTML nor a text part; nothing was written.', String(templateId)));
    return undefined;
  }
  const target = await targetOf(templateId, remote.data.TemplateName);
  if (!target) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to pull templates into.'));
    return undefined;
  }

  const files = kinds.map((kind) => ({ kind, uri: vscode.Uri.joinPath(target.folder, partFileName(target.name, kind)), text: decoded.parts[kind] as string }));
  const dirty = files.filter((f) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === f.uri.toString() && d.isDirty));
  if (dirty.length > 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} has unsaved changes: save or revert it, then pull again. Nothing was overwritten.', vscode.workspace.asRelativePath(dirty[0].uri)));
    return undefined;
  }
  const changed: typeof files = [];
  const unchanged: vscode.Uri[] = [];
  const created: typeof files = [];
  for (const file of files) {
    const existing = await readText(file.uri);
    if (existing === undefined) created.push(file);
    else if (existing === file.text) unchanged.push(file.uri);
    else changed.push(file);
  }
  if (changed.length > 0) {
    for (const file of changed) {
      await showDiff(remoteDocument(templateId, target.name, file.kind, file.text), file.uri,
        vscode.l10n.t('{0}: Tencent Cloud (TemplateID {1}) ↔ local', vscode.workspace.asRelativePath(file.uri), String(templateId)));
    }
    const overwrite = vscode.l10n.t('Overwrite');
    const picked = await vscode.window.showWarningMessage(
      vscode.l10n.t('Overwrite {0} with template {1} from Tencent Cloud?', changed.map((f) => vscode.workspace.asRelativePath(f.uri)).join(', '), String(templateId)),
      { modal: true, detail: vscode.l10n.t('The local changes shown in the diff are lost unless they are in version control.') },
      overwrite,
    );
    if (picked !== overwrite) return undefined;
  }
  const written: vscode.Uri[] = [];
  for (const file of [...changed, ...created]) {
    // The exact bytes: an edit through an open editor would normalise line endings to the editor's.
    await vscode.workspace.fs.writeFile(file.uri, new TextEncoder().encode(file.text));
    written.push(file.uri);
  }
  const linked = await recordIfNeeded(target.folder, target.name, templateId);
  const first = files.find((f) => f.kind === 'html') ?? files[0];
  await vscode.window.showTextDocument(first.uri, { preview: false });
  const summary = written.length === 0
    ? vscode.l10n.t('The local files of template {0} already match Tencent Cloud.', String(templateId))
    : vscode.l10n.t('Pulled template {0} ({1}, {2}) into {3}.', String(templateId), remote.data.TemplateName, statusWords(remote.data.TemplateStatus), written.map((u) => vscode.workspace.asRelativePath(u)).join(', '));
  if (linked) void vscode.window.showWarningMessage(`${summary} ${linked}`);
  else void vscode.window.showInformationMessage(summary);
  void tracker?.update();
  return { templateId, written, unchanged };
}

/** Links the files to the ID in ses.config.json unless they already are; a message when that failed. */
async function recordIfNeeded(folder: vscode.Uri, name: string, templateId: number): Promise<string | undefined> {
  const config = await findConfig(folder, name);
  const text = config ? await readText(config.uri) : undefined;
  if (config && text !== undefined && linkedTemplates(text).some((entry) => entry.key === config.key && entry.templateId === templateId)) return undefined;
  const result = await recordTemplateId(folder, name, templateId);
  return 'problem' in result ? result.problem : undefined;
}
