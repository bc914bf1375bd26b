import * as vscode from 'vscode';
import { FaqTopicRequest } from '#common/protocol';
import { lookupBlocklist } from '#common/cloud/blocklist';
import { validateCredentials } from '#common/cloud/credentials';
import type { ApiResult, GetEmailIdentityResponse, ListEmailIdentitiesResponse } from '#common/cloud/types';
import type { RecipientMemory } from '../api/recipientMemory';
import { MAX_RECIPIENTS, parseRecipients } from '../api/recipients';
import { createSesClient, requireTrust, type ApiDeps, type ClientSetup } from '../api/sesClientFactory';
import { readText, templateOf, type TemplateContext } from '../api/templateContext';
import { showHelp } from '../commands/helpView';
import { evaluatePreflight } from './evaluate';
import type { CredentialFacts, LocalProblem, PreflightFacts, SenderFacts, TemplateFacts } from './facts';
import { preflightMarkdown, type FaqText } from './markdown';
import type { PreflightReport } from './report';
import { domainOf, senderAddress } from './senderStep';

/**
 * "SES: Preflight Check": runs the FAQ's "Why emails fail to be sent?" checklist for the active
 * template against the API (ListEmailAddress, ListEmailIdentities, GetEmailIdentity,
 * ListBlackEmailAddress, GetEmailTemplate) and the local files, and shows one report. Arguments of a
 * programmatic call: recipients (string or array; '' = none) and the data set name. Returns the report.
 */
export async function preflightCheck(deps: ApiDeps, memory: RecipientMemory, recipientsArg?: unknown, dataSetArg?: unknown): Promise<PreflightReport | undefined> {
  if (!requireTrust()) return undefined;
  const template = await activeTemplate();
  if (!template) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an SES template (a .ses.html or .ses.txt file) to run the preflight check on it.'));
    return undefined;
  }
  const dataSet = await chooseDataSet(template, dataSetArg);
  if (dataSet === null) return undefined;
  const typed = await askRecipients(memory, recipientsArg);
  if (typed === undefined) return undefined;

  const setup = createSesClient(deps, template.config?.region, template.folder);
  const target = setup.endpoint || setup.region;
  const facts = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('SES: running the preflight check…') },
    () => collectFacts(deps, setup, template, dataSet, typed),
  );
  if (facts === undefined) return undefined;
  const parsed = parseRecipients(typed);
  if (parsed.addresses.length > 0 && parsed.invalid.length === 0) await memory.remember(parsed.addresses);
  const report = evaluatePreflight(vscode.l10n, { ...facts, target });
  await showHelp(`preflight-${template.name}`, preflightMarkdown(vscode.l10n, report, await faqTopics(deps, report)));
  return report;
}

async function activeTemplate(): Promise<TemplateContext | undefined> {
  // The active editor, else a visible template (the focus may be on a preview or the output).
  const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].filter((e): e is vscode.TextEditor => e !== undefined);
  for (const editor of editors) {
    const template = await templateOf(editor.document);
    if (template) return template;
  }
  return undefined;
}

/** The data set to check (a pick when several); undefined when the template has none, null when cancelled. */
async function chooseDataSet(template: TemplateContext, arg: unknown): Promise<{ set: string; uri: vscode.Uri } | undefined | null> {
  if (template.dataSets.length === 0) return undefined;
  const named = typeof arg === 'string' ? template.dataSets.find((d) => d.set === arg) : undefined;
  if (named) return named;
  if (template.dataSets.length === 1) return template.dataSets[0];
  const picked = await vscode.window.showQuickPick(
    template.dataSets.map((d) => ({ label: d.set, description: vscode.workspace.asRelativePath(d.uri), dataSet: d })),
    { title: vscode.l10n.t('TemplateData to check'), placeHolder: vscode.l10n.t('Choose the data set to check') },
  );
  return picked ? picked.dataSet : null;
}

/** Recipients as typed ('' = none; the step is optional); undefined when cancelled. */
async function askRecipients(memory: RecipientMemory, arg: unknown): Promise<string | undefined> {
  if (typeof arg === 'string') return arg;
  if (Array.isArray(arg)) return arg.filter((a) => typeof a === 'string').join(', ');
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Preflight check: recipients (optional)'),
    prompt: vscode.l10n.t('Recipients to check against the blocklist, separated by commas, semicolons or spaces (at most {0}); leave empty to skip', MAX_RECIPIENTS),
    placeHolder: 'you@example.com',
    value: memory.last().join(', '),
    ignoreFocusOut: true,
  });
}

async function collectFacts(deps: ApiDeps, setup: ClientSetup, template: TemplateContext, dataSet: { set: string; uri: vscode.Uri } | undefined, typed: string): Promise<Omit<PreflightFacts, 'target'> | undefined> {
  const resolved = await deps.credentials.resolve().catch(() => undefined);
  const problem = resolved ? validateCredentials(resolved.credentials) : undefined;
  const credentials: CredentialFacts = {
    ...(resolved ? { source: resolved.source } : {}),
    ...(problem ? { problem } : {}),
    ...(resolved && !problem ? { probe: await setup.client.listEmailAddress() } : {}),
  };
  const ready = credentials.probe?.ok === true;
  const configured = template.config?.from;
  let chosen = configured;
  if (chosen === undefined && credentials.probe?.ok) {
    const senders = credentials.probe.data.EmailSenders.map((s) => (s.EmailSenderName ? `${s.EmailSenderName} <${s.EmailAddress}>` : s.EmailAddress));
    chosen = senders.length <= 1 ? senders[0] : await vscode.window.showQuickPick(senders, { title: vscode.l10n.t('Sender to check'), placeHolder: vscode.l10n.t('Choose the sender address') });
  }
  const address = chosen !== undefined ? senderAddress(chosen) : undefined;
  let identities: ApiResult<ListEmailIdentitiesResponse> | undefined;
  let identity: ApiResult<GetEmailIdentityResponse> | undefined;
  if (ready && address) {
    identities = await setup.client.call('ListEmailIdentities', {});
    identity = await setup.client.call('GetEmailIdentity', { EmailIdentity: domainOf(address) });
  }
  const sender: SenderFacts = { ...(configured !== undefined ? { configured } : {}), ...(chosen !== undefined ? { chosen } : {}), ...(identities ? { identities } : {}), ...(identity ? { identity } : {}) };

  const addresses = parseRecipients(typed).addresses.slice(0, MAX_RECIPIENTS);
  const blocklist = ready && addresses.length > 0 ? await lookupBlocklist(setup.client, addresses) : undefined;
  return { credentials, sender, recipients: { typed, ...(blocklist ? { blocklist } : {}) }, template: await templateFacts(setup, template, dataSet, ready) };
}

async function templateFacts(setup: ClientSetup, template: TemplateContext, dataSet: { set: string; uri: vscode.Uri } | undefined, ready: boolean): Promise<TemplateFacts> {
  const config = template.config;
  const part = (ext: RegExp) => template.parts.find((uri) => ext.test(uri.path));
  const html = part(/\.html?$/i);
  const text = part(/\.txt$/i);
  const localHtml = html ? await readText(html) : undefined;
  const localText = text ? await readText(text) : undefined;
  // The language server's errors, as templateErrors() finds them, with their file.
  const localErrors: LocalProblem[] = [];
  for (const uri of [...template.parts, ...template.dataSets.map((d) => d.uri)]) {
    for (const d of vscode.languages.getDiagnostics(uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error)) {
      localErrors.push({ file: vscode.workspace.asRelativePath(uri), line: d.range.start.line + 1, message: d.message });
    }
  }
  let remote: TemplateFacts['remote'];
  let reviewReason: string | undefined;
  if (ready && config?.templateId !== undefined) {
    remote = await setup.client.call('GetEmailTemplate', { TemplateID: config.templateId });
    // GetEmailTemplate has no ReviewReason; ListEmailTemplates does (first pages only: a reason is a nicety).
    if (remote.ok && remote.data.TemplateStatus === 2) {
      for (let offset = 0; offset < 500 && reviewReason === undefined; offset += 100) {
        const page = await setup.client.call('ListEmailTemplates', { Limit: 100, Offset: offset });
        if (!page.ok) break;
        reviewReason = page.data.TemplatesMetadata.find((t) => t.TemplateID === config.templateId)?.ReviewReason;
        if (page.data.TemplatesMetadata.length < 100) break;
      }
    }
  }
  return {
    name: template.name,
    configKey: config?.key ?? template.name,
    hasConfig: template.configUri !== undefined,
    ...(config?.templateId !== undefined ? { templateId: config.templateId } : {}),
    ...(config?.subject !== undefined ? { subject: config.subject } : {}),
    ...(dataSet ? { dataSet: { set: dataSet.set, file: vscode.workspace.asRelativePath(dataSet.uri), text: await readText(dataSet.uri) } } : {}),
    ...(localHtml !== undefined ? { localHtml } : {}),
    ...(localText !== undefined ? { localText } : {}),
    localErrors,
    ...(remote ? { remote } : {}),
    ...(reviewReason !== undefined ? { reviewReason } : {}),
  };
}

/** The FAQ topics the report links to, in the editor's language; none when the server cannot answer. */
async function faqTopics(deps: ApiDeps, report: PreflightReport): Promise<FaqText[]> {
  const ids = [...new Set(report.steps.flatMap((s) => s.faqTopics))];
  const locale = vscode.env.language;
  const topics = await Promise.all(ids.map((id) => deps.server.request(FaqTopicRequest, { id, locale }).catch(() => null)));
  return topics.filter((t): t is NonNullable<typeof t> => t !== null).map((t) => ({ id: t.id, title: t.title, markdown: t.markdown }));
}
