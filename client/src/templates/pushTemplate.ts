import * as vscode from 'vscode';
import { decodeTemplateContent, encodeTemplateContent, pushDecision, templateNameProblem, type PartKind } from '#common/cloud/templateSync';
import { reportFailure } from '../api/apiFailures';
import { type ApiDeps, createSesClient, requireCredentials, requireTrust } from '../api/sesClientFactory';
import { templateErrors, type TemplateContext } from '../api/templateContext';
import { recordTemplateId } from './configWriter';
import { activeTemplate, dirtyDocuments, partUris, readParts, remoteName } from './localTemplate';
import { remoteDocument, showDiff } from './remoteDocuments';
import { reviewNote } from './statusWords';
import type { TemplateStatusTracker } from './templateStatusBar';
import { byCount } from '#common/plural';

export type PushOutcome = { kind: 'created'; templateId: number } | { kind: 'updated'; templateId: number } | { kind: 'upToDate'; templateId: number };

function nameProblemMessage(name: string): string | undefined {
  switch (templateNameProblem(name)) {
    case 'empty':
      return vscode.l10n.t('The template name is empty: set "templateName" in ses.config.json.');
    case 'tooLong':
      return vscode.l10n.t('The template name "{0}" is too long for Tencent Cloud: set a shorter "templateName" in ses.config.json.', name.slice(0, 40));
    case 'control':
      return vscode.l10n.t('The template name contains control characters: set "templateName" in ses.config.json.');
    default:
      return undefined;
  }
}

/** Unsaved parts: pushing the buffer would send what is not in the files, so ask to save them first. */
async function saveFirst(template: TemplateContext, uris: ReturnType<typeof partUris>): Promise<boolean> {
  const dirty = dirtyDocuments([uris.html, uris.text]);
  if (dirty.length === 0) return true;
  const save = vscode.l10n.t('Save and Push');
  const picked = await vscode.window.showWarningMessage(
    vscode.l10n.t('"{0}" has unsaved changes.', template.name),
    { modal: true, detail: vscode.l10n.t('The saved files are what is pushed to Tencent Cloud.') },
    save,
  );
  if (picked !== save) return false;
  for (const document of dirty) if (!(await document.save())) return false;
  return true;
}

/** Errors in Problems block a push unless the user says "Push anyway": Tencent's review would likely refuse it. */
async function acceptErrors(template: TemplateContext): Promise<boolean> {
  const errors = templateErrors(template);
  if (errors.length === 0) return true;
  const pushAnyway = vscode.l10n.t('Push anyway');
  const picked = await vscode.window.showWarningMessage(
    byCount(errors.length, () => vscode.l10n.t('"{0}" has 1 error: {1}', template.name, errors[0].message), () => vscode.l10n.t('"{0}" has {1} errors, e.g. {2}', template.name, errors.length, errors[0].message)),
    { modal: true, detail: vscode.l10n.t('Tencent may refuse the template in review or send it broken.') },
    pushAnyway,
  );
  return picked === pushAnyway;
}

/**
 * "SES: Push Template": the active template's HTML and text parts (the saved files' exact text, as
 * base64 of UTF-8) go to Tencent Cloud. Without a templateId in ses.config.json: CreateEmailTemplate
 * (never retried, it could create twice), then the new TemplateID is written to ses.config.json.
 * With one: GetEmailTemplate first, nothing when equal, else a diff and a confirmation that the
 * update goes back to review, then UpdateEmailTemplate.
 */
export async function pushTemplate(deps: ApiDeps, tracker: TemplateStatusTracker | undefined): Promise<PushOutcome | undefined> {
  if (!requireTrust()) return undefined;
  const template = await activeTemplate();
  if (!template) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an SES template (a .ses.html or .ses.txt file) to push it to Tencent Cloud.'));
    return undefined;
  }
  if (!(await requireCredentials(deps, vscode.l10n.t('SES: no Tencent Cloud credentials. Set an API key to push templates.')))) return undefined;
  const uris = partUris(template);
  if (!(await saveFirst(template, uris))) return undefined;
  const local = await readParts(uris);
  if (local.html === undefined && local.text === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" has no part that could be read.', template.name));
    return undefined;
  }
  if ((local.html ?? '') === '' && (local.text ?? '') === '') {
    void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" is empty: Tencent Cloud refuses a template without content.', template.name));
    return undefined;
  }
  const name = await remoteName(template);
  const nameProblem = nameProblemMessage(name);
  if (nameProblem) {
    void vscode.window.showErrorMessage(nameProblem);
    return undefined;
  }
  if (!(await acceptErrors(template))) return undefined;

  const setup = createSesClient(deps, template.config?.region, template.folder);
  const templateId = template.config?.templateId;
  if (templateId === undefined) return create(template, name, local, setup, tracker);

  const remote = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading template {0} from Tencent Cloud…', String(templateId)) },
    () => setup.client.call('GetEmailTemplate', { TemplateID: templateId }),
  );
  if (!remote.ok) {
    await reportFailure(remote, { headline: vscode.l10n.t('The template was not pushed: TemplateID {0} could not be read.', String(templateId)), endpoint: setup.endpoint });
    return undefined;
  }
  const decoded = decodeTemplateContent(remote.data.TemplateContent);
  if ('badField' in decoded) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Tencent Cloud answered TemplateID {0} with a {1} part that is not base64 of UTF-8 text; nothing was pushed.', String(templateId), decoded.badField));
    return undefined;
  }
  const decision = pushDecision(local, name, { parts: decoded.parts, name: remote.data.TemplateName });
  if (decision.kind === 'upToDate') {
    void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is already up to date in Tencent Cloud (TemplateID {1}); nothing was sent.', template.name, String(templateId)));
    return { kind: 'upToDate', templateId };
  }
  if (decision.kind !== 'update') return undefined;

  // Show what changes: Tencent Cloud's text left, the file right. A part missing locally shows as removed.
  for (const kind of decision.changed) {
    const localUri = uris[kind] ?? remoteDocument(templateId, `${template.name}.local`, kind, '');
    const remoteUri = remoteDocument(templateId, template.name, kind, decoded.parts[kind] ?? '');
    await showDiff(remoteUri, localUri, vscode.l10n.t('{0}: Tencent Cloud (TemplateID {1}) ↔ local', `${template.name} ${partLabel(kind)}`, String(templateId)));
  }
  const update = vscode.l10n.t('Update');
  const changes = [
    ...decision.changed.map((kind) => partLabel(kind)),
    ...(decision.renamed ? [vscode.l10n.t('name "{0}" → "{1}"', remote.data.TemplateName, name)] : []),
  ].join(', ');
  const picked = await vscode.window.showWarningMessage(
    vscode.l10n.t('Update template "{0}" (TemplateID {1}) in Tencent Cloud? Changed: {2}.', name, String(templateId), changes),
    { modal: true, detail: `${vscode.l10n.t('This replaces what is stored there, including edits made in the console since (see the diff).')} ${reviewNote()}` },
    update,
  );
  if (picked !== update) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Updating template {0}…', String(templateId)) },
    () => setup.client.call('UpdateEmailTemplate', { TemplateID: templateId, TemplateName: name, TemplateContent: encodeTemplateContent(local) }),
  );
  if (!result.ok) {
    await reportFailure(result, { headline: vscode.l10n.t('The template was not updated.'), endpoint: setup.endpoint });
    return undefined;
  }
  void tracker?.refresh();
  void vscode.window.showInformationMessage(`${vscode.l10n.t('Template "{0}" (TemplateID {1}) updated; it is pending review again.', name, String(templateId))} ${reviewNote()}`);
  return { kind: 'updated', templateId };
}

function partLabel(kind: PartKind): string {
  return kind === 'html' ? vscode.l10n.t('HTML part') : vscode.l10n.t('text part');
}

async function create(
  template: TemplateContext, name: string, local: Parameters<typeof encodeTemplateContent>[0],
  setup: ReturnType<typeof createSesClient>, tracker: TemplateStatusTracker | undefined,
): Promise<PushOutcome | undefined> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating template "{0}" in Tencent Cloud…', name) },
    // Not retried by the client (RETRYABLE_ACTIONS): a lost answer would otherwise create it twice.
    () => setup.client.call('CreateEmailTemplate', { TemplateName: name, TemplateContent: encodeTemplateContent(local) }),
  );
  if (!result.ok) {
    const uncertain = result.kind === 'timeout' || result.kind === 'network';
    await reportFailure(result, {
      headline: uncertain
        ? vscode.l10n.t('The template may or may not have been created: check "SES: Show Template Status" before pushing again.')
        : vscode.l10n.t('The template was not created.'),
      endpoint: setup.endpoint,
    });
    return undefined;
  }
  const templateId = result.data.TemplateID;
  const written = await recordTemplateId(template.folder, template.name, templateId);
  void tracker?.refresh();
  if ('problem' in written) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Template "{0}" created with TemplateID {1}.', name, String(templateId)) + ' ' + written.problem);
  } else {
    void vscode.window.showInformationMessage(
      `${vscode.l10n.t('Template "{0}" created with TemplateID {1} (saved in {2}); it is pending review.', name, String(templateId), vscode.workspace.asRelativePath(written.uri))} ${reviewNote()}`,
    );
  }
  return { kind: 'created', templateId };
}
