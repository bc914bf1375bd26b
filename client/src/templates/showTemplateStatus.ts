import * as vscode from 'vscode';
import { linkedTemplates, listAllTemplates } from '#common/cloud/templateSync';
import type { TemplatesMetadata } from '#common/cloud/types';
import { reportFailure } from '../api/apiFailures';
import { configRegion, readText } from '../api/templateContext';
import { type ApiDeps, createSesClient, requireCredentials, requireTrust } from '../api/sesClientFactory';
import { showHelp } from '../commands/helpView';
import { reviewNote, statusWords } from './statusWords';
import type { TemplateStatusTracker } from './templateStatusBar';

/** Text from Tencent (names, review reasons) inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ') || '-';
}

interface WorkspaceLink {
  readonly file: string;
  readonly templateId: number;
}

/** Every template linked to a TemplateID in a ses.config.json of the workspace. */
async function workspaceLinks(): Promise<WorkspaceLink[]> {
  const configs = await vscode.workspace.findFiles('**/ses.config.json', '**/node_modules/**', 100);
  const links: WorkspaceLink[] = [];
  for (const uri of configs.sort((a, b) => a.path.localeCompare(b.path))) {
    const text = await readText(uri);
    if (text === undefined) continue;
    // Keys are relative to the config's folder; shown relative to the workspace folder.
    const configFolder = vscode.Uri.joinPath(uri, '..').path;
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.path ?? configFolder;
    const prefix = configFolder.slice(root.length).replace(/^\/+/, '');
    for (const link of linkedTemplates(text)) links.push({ file: prefix ? `${prefix}/${link.key}` : link.key, templateId: link.templateId });
  }
  return links;
}

/** The status page: the workspace's linked templates with their remote status, then the remote ones not linked here. */
export function statusMarkdown(links: WorkspaceLink[], remote: TemplatesMetadata[]): string {
  const byId = new Map(remote.map((t) => [t.TemplateID, t]));
  const lines = [`# ${vscode.l10n.t('Template review status')}`, '', reviewNote(), ''];
  lines.push(`## ${vscode.l10n.t('Templates of this workspace')}`, '');
  if (links.length === 0) {
    lines.push(vscode.l10n.t('No template of this workspace has a templateId in ses.config.json yet: "SES: Push Template" creates one.'), '');
  } else {
    lines.push(`| ${vscode.l10n.t('Template')} | TemplateID | ${vscode.l10n.t('Name in Tencent Cloud')} | ${vscode.l10n.t('Status')} |`, '| --- | --- | --- | --- |');
    for (const link of links) {
      const meta = byId.get(link.templateId);
      lines.push(`| ${cell(link.file)} | ${link.templateId} | ${meta ? cell(meta.TemplateName) : '-'} | ${meta ? cell(statusWords(meta.TemplateStatus, meta.ReviewReason)) : cell(vscode.l10n.t('not found in Tencent Cloud'))} |`);
    }
    lines.push('');
  }
  const linkedIds = new Set(links.map((l) => l.templateId));
  const others = remote.filter((t) => !linkedIds.has(t.TemplateID));
  lines.push(`## ${vscode.l10n.t('In Tencent Cloud, not in this workspace')}`, '');
  if (others.length === 0) {
    lines.push(vscode.l10n.t('None.'), '');
  } else {
    lines.push(`| ${vscode.l10n.t('Name in Tencent Cloud')} | TemplateID | ${vscode.l10n.t('Status')} | ${vscode.l10n.t('Created')} |`, '| --- | --- | --- | --- |');
    for (const t of others) {
      const created = t.CreatedTimestamp > 0 ? new Date(t.CreatedTimestamp * 1000).toISOString().slice(0, 10) : '-';
      lines.push(`| ${cell(t.TemplateName)} | ${t.TemplateID} | ${cell(statusWords(t.TemplateStatus, t.ReviewReason))} | ${created} |`);
    }
    lines.push('', vscode.l10n.t('"SES: Pull Template" brings one into the workspace.'), '');
  }
  return lines.join('\n');
}

/** "SES: Show Template Status": one paged ListEmailTemplates, shown as a page and in the status bar item. */
export async function showTemplateStatus(deps: ApiDeps, tracker: TemplateStatusTracker | undefined): Promise<void> {
  if (!requireTrust()) return;
  if (!(await requireCredentials(deps, vscode.l10n.t('SES: no Tencent Cloud credentials. Set an API key to see the review status of templates.')))) return;
  const setup = createSesClient(deps, await configRegion());
  const listed = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the review status of the templates…') },
    () => listAllTemplates(setup.client),
  );
  if (!listed.ok) {
    await reportFailure(listed.failure, { headline: vscode.l10n.t('The review status could not be read.'), endpoint: setup.endpoint });
    return;
  }
  tracker?.accept(listed.templates);
  await showHelp('template-status', statusMarkdown(await workspaceLinks(), listed.templates));
}
