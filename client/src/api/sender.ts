import * as vscode from 'vscode';
import type { ApiFailure } from '#common/cloud/types';
import type { ClientSetup } from './sesClientFactory';

/** Sender addresses from ListEmailAddress, per endpoint and region, for this VS Code session. */
const senders = new Map<string, string[]>();

/** A sender from ses.config.json, else from the account's sender addresses (a pick when several). */
export async function chooseSender(setup: ClientSetup, configured: string | undefined): Promise<{ from: string } | { failure: ApiFailure } | undefined> {
  if (configured) return { from: configured };
  const key = `${setup.endpoint}|${setup.region}`;
  let list = senders.get(key);
  if (!list) {
    const result = await setup.client.listEmailAddress();
    if (!result.ok) return { failure: result };
    list = result.data.EmailSenders.map((s) => (s.EmailSenderName ? `${s.EmailSenderName} <${s.EmailAddress}>` : s.EmailAddress));
    senders.set(key, list);
  }
  if (list.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('This account has no sender address in {0}: create one in the SES console, or set "from" in ses.config.json.', setup.region));
    return undefined;
  }
  if (list.length === 1) return { from: list[0] };
  const picked = await vscode.window.showQuickPick(list, { title: vscode.l10n.t('Send from'), placeHolder: vscode.l10n.t('Choose the sender address') });
  return picked === undefined ? undefined : { from: picked };
}
