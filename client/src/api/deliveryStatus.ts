import * as vscode from 'vscode';
import { ExplainErrorCodeRequest } from '#common/protocol';
import type { SendEmailStatus } from '#common/cloud/types';
import { showHelp } from '../commands/helpView';
import { reportFailure } from './apiFailures';
import { beijingDate } from '#common/cloud/sendPlan';
import { createSesClient, requireTrust, type ApiDeps } from './sesClientFactory';
import { byCount } from '#common/plural';

/** The last test email sent in this session, the default of "SES: Check Delivery Status". */
let lastSent: { messageId: string; date: string } | undefined;

export function rememberSent(messageId: string, sentAt: Date): void {
  lastSent = { messageId, date: beijingDate(sentAt) };
}

const MESSAGE_ID = /^[\x21-\x7e]{1,200}$/;

/**
 * "SES: Check Delivery Status": GetSendEmailStatus for a MessageId on the day it was sent (Beijing
 * time), each recipient's SendStatus and DeliverStatus explained from the knowledge base.
 */
export async function checkDeliveryStatus(deps: ApiDeps, messageIdArg?: unknown, dateArg?: unknown): Promise<SendEmailStatus[] | undefined> {
  if (!requireTrust()) return undefined;
  let messageId = typeof messageIdArg === 'string' && messageIdArg ? messageIdArg : undefined;
  let date = typeof dateArg === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dateArg) ? dateArg : undefined;
  if (!messageId) {
    messageId = (await vscode.window.showInputBox({
      title: vscode.l10n.t('Check delivery status'),
      prompt: vscode.l10n.t('MessageId returned by SendEmail'),
      value: lastSent?.messageId ?? '',
      validateInput: (value) => (MESSAGE_ID.test(value.trim()) ? undefined : vscode.l10n.t('Enter a MessageId, e.g. qcloudses-30-4123414323-date-20210101094334-syNARhMTbKI1.')),
    }))?.trim();
    if (!messageId) return undefined;
  }
  date ??= messageId === lastSent?.messageId ? lastSent.date : beijingDate(new Date());
  const setup = createSesClient(deps);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('SES: checking the delivery status…') },
    () => setup.client.getSendEmailStatus({ RequestDate: date, Offset: 0, Limit: 100, MessageId: messageId }),
  );
  if (!result.ok) {
    await reportFailure(result, { headline: vscode.l10n.t('The delivery status could not be read.'), endpoint: setup.endpoint });
    return undefined;
  }
  const statuses = result.data.EmailStatusList ?? [];
  await showHelp(`delivery-${messageId}`, await statusMarkdown(deps, messageId, date, statuses));
  const summary = statuses.length === 0
    ? vscode.l10n.t('SES: no status yet for {0}. Delivery usually takes 3 seconds to 5 minutes, at most 72 hours.', messageId)
    : byCount(statuses.length, () => vscode.l10n.t('SES: delivery status of {0} for 1 recipient shown.', messageId), () => vscode.l10n.t('SES: delivery status of {0} for {1} recipients shown.', messageId, statuses.length));
  void vscode.window.showInformationMessage(summary);
  return statuses;
}

async function describe(deps: ApiDeps, code: string): Promise<string> {
  const help = await deps.server.request(ExplainErrorCodeRequest, { code, locale: vscode.env.language }).catch(() => null);
  return help?.description ?? '';
}

const time = (seconds: number) => (seconds > 0 ? `${new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 19)} UTC` : '-');

async function statusMarkdown(deps: ApiDeps, messageId: string, date: string, statuses: readonly SendEmailStatus[]): Promise<string> {
  const lines = [`# ${vscode.l10n.t('Delivery status')}`, '', `MessageId: \`${messageId}\` · RequestDate: ${date}`, ''];
  if (statuses.length === 0) {
    lines.push(vscode.l10n.t('Tencent Cloud has no status for this message yet. Delivery usually takes 3 seconds to 5 minutes, and can take up to 72 hours depending on the content and the recipient\'s mail provider.'));
  }
  for (const s of statuses) {
    lines.push(
      `## ${s.ToEmailAddress}`, '',
      `- SendStatus ${s.SendStatus}: ${await describe(deps, `SendStatus.${s.SendStatus}`)}`,
      `- DeliverStatus ${s.DeliverStatus}: ${await describe(deps, `DeliverStatus.${s.DeliverStatus}`)}`,
      ...(s.DeliverMessage ? [`- DeliverMessage: ${s.DeliverMessage}`] : []),
      `- ${vscode.l10n.t('Requested')}: ${time(s.RequestTime)} · ${vscode.l10n.t('Delivered')}: ${time(s.DeliverTime)}`,
      `- ${vscode.l10n.t('Opened')}: ${s.UserOpened ? '✓' : '-'} · ${vscode.l10n.t('Clicked')}: ${s.UserClicked ? '✓' : '-'} · ${vscode.l10n.t('Unsubscribed')}: ${s.UserUnsubscribed ? '✓' : '-'} · ${vscode.l10n.t('Complained')}: ${s.UserComplained ? '✓' : '-'}`,
      '',
    );
  }
  return lines.join('\n');
}
