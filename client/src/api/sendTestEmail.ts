import * as vscode from 'vscode';
import type { RecipientMemory } from './recipientMemory';
import { reportFailure } from './apiFailures';
import { rememberSent } from './deliveryStatus';
import { parseRecipients, MAX_RECIPIENTS } from './recipients';
import { chooseSender } from './sender';
import { fillSubject, sendEmailRequest, templateDataOf, unsubscribeFor, type SendPlan } from '#common/cloud/sendPlan';
import { type ApiDeps, createSesClient, requireCredentials, requireTrust } from './sesClientFactory';
import { readText, templateErrors, templateOf, type TemplateContext } from './templateContext';
import { byCount } from '#common/plural';
import { lookUpQuota, senderDomain } from '#common/cloud/quotaLookup';
import type { SesClient } from '#common/cloud/sesClient';

export interface SendResult {
  readonly messageId: string;
  readonly requestId: string;
  readonly request: ReturnType<typeof sendEmailRequest>;
}

/** The message for an invalid recipient list, or undefined when it can be sent to. */
export function recipientProblem(text: string): string | undefined {
  const parsed = parseRecipients(text);
  if (parsed.invalid.length > 0) return vscode.l10n.t('Not an email address: {0}', parsed.invalid.slice(0, 3).join(', '));
  if (parsed.tooMany) return vscode.l10n.t('At most {0} recipients per send; this list has {1}.', MAX_RECIPIENTS, parsed.addresses.length);
  if (parsed.addresses.length === 0) return vscode.l10n.t('Enter at least one recipient address.');
  return undefined;
}

async function chooseDataSet(template: TemplateContext, arg?: unknown): Promise<{ set: string; uri: vscode.Uri } | undefined> {
  if (template.dataSets.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" has no data set, so there is no TemplateData to send: create {1} next to the template.', template.name, `${template.name}.data.json`));
    return undefined;
  }
  // The preview's Send button names the data set it shows.
  const named = typeof arg === 'string' ? template.dataSets.find((d) => d.set === arg) : undefined;
  if (named) return named;
  if (template.dataSets.length === 1) return template.dataSets[0];
  const picked = await vscode.window.showQuickPick(
    template.dataSets.map((d) => ({ label: d.set, description: vscode.workspace.asRelativePath(d.uri), dataSet: d })),
    { title: vscode.l10n.t('TemplateData for the test email'), placeHolder: vscode.l10n.t('Choose the data set to send') },
  );
  return picked?.dataSet;
}

/**
 * "SES: Send Test Email": sends the active template through SendEmail (template mode) with a data
 * set as TemplateData, after checking its errors and a confirmation of exactly what goes out.
 */
export async function sendTestEmail(deps: ApiDeps, memory: RecipientMemory, dataSetArg?: unknown): Promise<SendResult | undefined> {
  if (!requireTrust()) return undefined;
  // The active editor, else a visible template (the focus may be on a preview or the output).
  const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].filter((e): e is vscode.TextEditor => e !== undefined);
  let template: TemplateContext | undefined;
  for (const editor of editors) {
    template = await templateOf(editor.document);
    if (template) break;
  }
  if (!template) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an SES template (a .ses.html or .ses.txt file) to send it as a test email.'));
    return undefined;
  }
  if (!(await requireCredentials(deps, vscode.l10n.t('SES: no Tencent Cloud credentials. Set an API key to send test emails.')))) return undefined;
  const config = template.config;
  if (config?.templateId === undefined) {
    const open = vscode.l10n.t('Open ses.config.json');
    const picked = await vscode.window.showErrorMessage(
      vscode.l10n.t('"{0}" has no templateId in ses.config.json: add the TemplateID that Tencent Cloud gave the template, under "templates" → "{1}".', template.name, config?.key ?? template.name),
      ...(template.configUri ? [open] : []),
    );
    if (picked === open && template.configUri) await vscode.window.showTextDocument(template.configUri);
    return undefined;
  }

  const errors = templateErrors(template);
  if (errors.length > 0) {
    const sendAnyway = vscode.l10n.t('Send anyway');
    const picked = await vscode.window.showWarningMessage(
      byCount(errors.length, () => vscode.l10n.t('"{0}" has 1 error: {1}', template.name, errors[0].message), () => vscode.l10n.t('"{0}" has {1} errors, e.g. {2}', template.name, errors.length, errors[0].message)),
      { modal: true, detail: vscode.l10n.t('Tencent may refuse the email or show it broken. The template stored in Tencent Cloud is what is sent, not the file in the editor.') },
      sendAnyway,
    );
    if (picked !== sendAnyway) return undefined;
  }

  const dataSet = await chooseDataSet(template, dataSetArg);
  if (!dataSet) return undefined;
  const dataText = await readText(dataSet.uri);
  const parsed = dataText === undefined ? { error: 'json' as const } : templateDataOf(dataText);
  if ('error' in parsed) {
    void vscode.window.showErrorMessage(parsed.error === 'json'
      ? vscode.l10n.t('{0} is not valid JSON: fix it before sending.', vscode.workspace.asRelativePath(dataSet.uri))
      : vscode.l10n.t('{0} must be a JSON object of variable names and values.', vscode.workspace.asRelativePath(dataSet.uri)));
    return undefined;
  }

  const setup = createSesClient(deps, config.region, template.folder);
  const sender = await chooseSender(setup, config.from);
  if (!sender) return undefined;
  if ('failure' in sender) {
    await reportFailure(sender.failure, { headline: vscode.l10n.t('The sender addresses could not be listed.'), endpoint: setup.endpoint });
    return undefined;
  }

  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Send "{0}" (TemplateID {1})', template.name, config.templateId),
    prompt: vscode.l10n.t('Recipients, separated by commas, semicolons or spaces (at most {0})', MAX_RECIPIENTS),
    placeHolder: 'you@example.com',
    value: memory.last().join(', '),
    ignoreFocusOut: true,
    validateInput: recipientProblem,
  });
  if (typed === undefined || recipientProblem(typed)) return undefined;
  const recipients = parseRecipients(typed).addresses;

  let subject = config.subject !== undefined ? fillSubject(config.subject, parsed.data) : undefined;
  subject ??= await vscode.window.showInputBox({
    title: vscode.l10n.t('Subject'),
    prompt: vscode.l10n.t('ses.config.json has no subject for "{0}": the subject of this test email', template.name),
    value: template.name,
    validateInput: (value) => (value.trim().length >= 1 && value.length <= 100 ? undefined : vscode.l10n.t('A subject has 1 to 100 characters.')),
  });
  if (subject === undefined) return undefined;

  const plan: SendPlan = {
    templateId: config.templateId, from: sender.from, recipients, subject, data: parsed.data,
    trigger: config.trigger, unsubscribe: unsubscribeFor(config.trigger, config.unsubscribe, vscode.env.language),
  };
  if (!(await withinQuota(setup.client, sender.from, recipients.length, deps.output))) return undefined;
  if (!(await confirm(plan, dataSet.set, setup.endpoint || setup.region))) return undefined;
  await memory.remember(recipients);

  const request = sendEmailRequest(plan);
  const sentAt = new Date();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('SES: sending the test email…') },
    () => setup.client.sendEmail(request),
  );
  if (!result.ok) {
    await reportFailure(result, { headline: vscode.l10n.t('The test email was not sent.'), recipients, endpoint: setup.endpoint });
    return undefined;
  }
  const messageId = result.data.MessageId;
  rememberSent(messageId, sentAt);
  const check = vscode.l10n.t('Check Delivery Status');
  void vscode.window.showInformationMessage(
    vscode.l10n.t('SES: test email accepted. MessageId {0} (RequestId {1}). Delivery usually takes 3 seconds to 5 minutes, at most 72 hours.', messageId, result.requestId),
    check,
  ).then((picked) => (picked === check ? vscode.commands.executeCommand('sesStudio.checkDeliveryStatus', messageId) : undefined));
  return { messageId, requestId: result.requestId, request };
}

/** How long the quota look-up may hold a test send up before it goes ahead unchecked. */
export const QUOTA_LOOKUP_TIMEOUT_MS = 4_000;

/**
 * Today's volume of the sender's domain against its DailyQuota: a modal warning (Send anyway / Cancel)
 * when this send would go past it. Never blocks the send when the look-up fails or takes longer than
 * QUOTA_LOOKUP_TIMEOUT_MS: it logs why and goes ahead.
 */
async function withinQuota(client: SesClient, from: string, sending: number, output: vscode.LogOutputChannel): Promise<boolean> {
  const domain = senderDomain(from);
  if (!domain) return true;
  const lookup = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('SES: checking today\'s quota of {0}…', domain) },
    () => lookUpQuota(client, domain, sending, new Date(), QUOTA_LOOKUP_TIMEOUT_MS),
  );
  if (!lookup.ok) {
    output.info(`Quota check of ${domain} skipped (${lookup.reason}${lookup.detail ? `: ${lookup.detail}` : ''}); sending without it.`);
    return true;
  }
  const { check } = lookup;
  output.info(`Quota check of ${domain}: ${check.sentToday} of ${check.quota} sent today (Beijing), ${sending} more ${check.exceeds ? 'exceed' : 'fit'}.`);
  if (!check.exceeds) return true;
  const sendAnyway = vscode.l10n.t('Send anyway');
  const picked = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} has sent {1} of its {2} emails today: {3} more would exceed its daily quota.', domain, check.sentToday, check.quota, sending),
    {
      modal: true,
      detail: vscode.l10n.t('Tencent Cloud refuses emails past the daily quota of the domain\'s reputation level (FailedOperation.ExceedSendLimit) until the next Beijing day. The quota grows with the level as the domain keeps sending cleanly: warm it up by starting small and increasing the volume each day.'),
    },
    sendAnyway,
  );
  return picked === sendAnyway;
}

async function confirm(plan: SendPlan, set: string, target: string): Promise<boolean> {
  const send = vscode.l10n.t('Send');
  const lines = [
    `TemplateID: ${plan.templateId}`,
    `${vscode.l10n.t('From')}: ${plan.from}`,
    `${vscode.l10n.t('To')}: ${plan.recipients.join(', ')}`,
    `${vscode.l10n.t('Subject')}: ${plan.subject}`,
    `${vscode.l10n.t('Data set')}: ${set}`,
    `TriggerType: ${plan.trigger === 'transactional' ? vscode.l10n.t('1 (transactional)') : plan.trigger === 'marketing' ? vscode.l10n.t('0 (marketing)') : vscode.l10n.t('not set')}`,
    ...(plan.unsubscribe !== undefined ? [`Unsubscribe: ${plan.unsubscribe}`] : []),
    `${vscode.l10n.t('Via')}: ${target}`,
  ];
  const picked = await vscode.window.showInformationMessage(
    byCount(plan.recipients.length, () => vscode.l10n.t('Send a test email to 1 recipient?'), () => vscode.l10n.t('Send a test email to {0} recipients?', plan.recipients.length)),
    { modal: true, detail: lines.join('\n') },
    send,
  );
  return picked === send;
}
