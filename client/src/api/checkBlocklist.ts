import * as vscode from 'vscode';
import { BLOCKLIST_DAYS, blocklistWindow, lookupBlocklist, type BlocklistStatus } from '#common/cloud/blocklist';
import { showHelp } from '../commands/helpView';
import { reportFailure } from './apiFailures';
import { addressesIn, parseRecipients, MAX_RECIPIENTS } from './recipients';
import { createSesClient, requireTrust, type ApiDeps, type ClientSetup } from './sesClientFactory';
import { configRegion } from './templateContext';
import { byCount } from '#common/plural';

const TICKET_URL = 'https://console.cloud.tencent.com/workorder/category';
const WIDER_DAYS = [BLOCKLIST_DAYS, 30, 90];

function addressArg(arg: unknown): string[] {
  if (Array.isArray(arg)) return parseRecipients(arg.filter((a) => typeof a === 'string').join(' ')).addresses;
  return typeof arg === 'string' ? parseRecipients(arg).addresses : [];
}

async function askAddresses(): Promise<string[] | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor ? editor.selections.map((s) => editor.document.getText(s)).join('\n') : '';
  const fromSelection = addressesIn(selected);
  if (fromSelection.length > 0) return fromSelection.slice(0, MAX_RECIPIENTS);
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Check the Tencent Cloud SES blocklist'),
    prompt: vscode.l10n.t('Email addresses, separated by commas, semicolons or spaces (at most {0})', MAX_RECIPIENTS),
    placeHolder: 'someone@example.com',
    validateInput: (value) => {
      const parsed = parseRecipients(value);
      if (parsed.invalid.length > 0) return vscode.l10n.t('Not an email address: {0}', parsed.invalid.slice(0, 3).join(', '));
      if (parsed.tooMany) return vscode.l10n.t('At most {0} addresses at a time.', MAX_RECIPIENTS);
      return parsed.addresses.length === 0 ? vscode.l10n.t('Enter at least one email address.') : undefined;
    },
  });
  if (typed === undefined) return undefined;
  const parsed = parseRecipients(typed);
  return parsed.invalid.length > 0 || parsed.tooMany || parsed.addresses.length === 0 ? undefined : parsed.addresses;
}

/**
 * "SES: Check Blocklist": ListBlackEmailAddress for each address over the last 14 days (30 or 90 on
 * request), shown as a page with the bounce time, the receiving server's reason and when the 14 days
 * end, with "Remove from Blocklist" (DeleteBlackList, then checked again). Arguments: addresses
 * (array or string) and days. Returns the statuses shown last.
 */
export async function checkBlocklist(deps: ApiDeps, addressesParam?: unknown, daysParam?: unknown): Promise<BlocklistStatus[] | undefined> {
  if (!requireTrust()) return undefined;
  const given = addressArg(addressesParam);
  const addresses = given.length > 0 ? given.slice(0, MAX_RECIPIENTS) : await askAddresses();
  if (!addresses?.length) return undefined;
  let days = typeof daysParam === 'number' && daysParam >= 1 && daysParam <= 365 ? Math.floor(daysParam) : BLOCKLIST_DAYS;
  const setup = createSesClient(deps, await configRegion());
  let statuses = await lookUp(setup, addresses, days);
  for (;;) {
    if (!statuses) return undefined;
    const blocked = statuses.filter((s) => s.blocked);
    const total = statuses.length;
    const remove = vscode.l10n.t('Remove from Blocklist');
    const widen = vscode.l10n.t('Search a Longer Period');
    const message = blocked.length > 0
      ? byCount(total,
        () => vscode.l10n.t('SES: the address is on the blocklist (last {0} days): {1}', days, blocked[0].address),
        () => vscode.l10n.t('SES: {0} of {1} addresses on the blocklist (last {2} days): {3}', blocked.length, total, days, blocked.map((s) => s.address).join(', ')))
      : byCount(total,
        () => vscode.l10n.t('SES: the address is not on your blocklist of the last {0} days.', days),
        () => vscode.l10n.t('SES: none of the {0} addresses is on your blocklist of the last {1} days.', total, days));
    const picked = await vscode.window.showInformationMessage(message, ...(blocked.length > 0 ? [remove] : []), widen);
    if (picked === widen) {
      const choice = await vscode.window.showQuickPick(
        WIDER_DAYS.map((d) => ({ label: vscode.l10n.t('Last {0} days', d), days: d, picked: d === days })),
        { title: vscode.l10n.t('Period to search the blocklist') },
      );
      if (!choice) return statuses;
      days = choice.days;
      statuses = await lookUp(setup, addresses, days);
      continue;
    }
    if (picked !== remove) return statuses;
    const targets = blocked.map((s) => s.address);
    const confirmed = await vscode.window.showWarningMessage(
      vscode.l10n.t('Remove {0} from the Tencent Cloud SES blocklist?', targets.join(', ')),
      { modal: true, detail: vscode.l10n.t('Do this only when the address is valid again: sending to an address that still bounces hurts your sender reputation, and it is blocklisted again.') },
      remove,
    );
    if (confirmed !== remove) return statuses;
    const deleted = await setup.client.deleteBlackList({ EmailAddressList: targets });
    if (!deleted.ok) {
      await reportFailure(deleted, { headline: vscode.l10n.t('The addresses were not removed from the blocklist.'), endpoint: setup.endpoint });
      return statuses;
    }
    deps.output.info(vscode.l10n.t('Removed from the SES blocklist: {0} (RequestId {1}).', targets.join(', '), deleted.requestId));
    statuses = await lookUp(setup, addresses, days);
  }
}

async function lookUp(setup: ClientSetup, addresses: string[], days: number): Promise<BlocklistStatus[] | undefined> {
  const now = new Date();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('SES: checking the blocklist…') },
    () => lookupBlocklist(setup.client, addresses, { days, now }),
  );
  if (!result.ok) {
    await reportFailure(result, { headline: vscode.l10n.t('The blocklist could not be checked.'), endpoint: setup.endpoint });
    return undefined;
  }
  await showHelp('blocklist', blocklistMarkdown(result.data, days, now, setup.endpoint || setup.region));
  return result.data;
}

function blocklistMarkdown(statuses: readonly BlocklistStatus[], days: number, now: Date, target: string): string {
  const window = blocklistWindow(now, days);
  const lines = [
    `# ${vscode.l10n.t('Blocklist check')}`, '',
    vscode.l10n.t('ListBlackEmailAddress from {0} to {1} (Beijing time, the last {2} days), via {3}.', window.StartDate, window.EndDate, days, target), '',
  ];
  for (const s of statuses) {
    if (!s.blocked) {
      lines.push(`## ${s.address}: ${vscode.l10n.t('not blocked')}`, '');
      continue;
    }
    lines.push(
      `## ${s.address}: ${vscode.l10n.t('blocked')}`, '',
      `- ${vscode.l10n.t('Blocklisted since (BounceTime, Beijing time)')}: ${s.bounceTime ?? '-'}`,
      `- ${vscode.l10n.t('Reason given by the receiving mail server (IspDesc)')}: ${s.reason ? s.reason : '-'}`,
      `- ${vscode.l10n.t('The 14 days of the block end')}: ${s.blockedUntil ? String(s.blockedUntil) : '-'}`,
      '',
    );
  }
  lines.push(
    '---', '',
    vscode.l10n.t('Tencent Cloud blocklists an address for 14 days when a mail server rejects it (a hard bounce). The blocklist is shared by all Tencent Cloud accounts: if sending fails with FailedOperation.EmailAddrInBlacklist but the address is not listed here, another account\'s bounce put it there. Contact Tencent Cloud through a ticket to remove it: {0}', TICKET_URL),
  );
  return lines.join('\n') + '\n';
}
