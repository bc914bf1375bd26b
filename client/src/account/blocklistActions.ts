import * as vscode from 'vscode';
import { reportFailure } from '../api/apiFailures';
import type { ApiDeps } from '../api/sesClientFactory';
import { accountClient, isUnavailable } from './accountSource';
import { BlockedItem, type BlocklistTree } from './blocklistTree';
import { unavailableItem } from './messageItems';

/** "Remove from Blocklist": asks first (Tencent sends to the address again), then DeleteBlackList and a refreshed list. */
export async function removeFromBlocklist(deps: ApiDeps, tree: BlocklistTree, arg: unknown): Promise<boolean> {
  const address = arg instanceof BlockedItem ? arg.entry.EmailAddress : typeof arg === 'string' ? arg.trim() : '';
  if (!address) return false;
  const remove = vscode.l10n.t('Remove');
  const picked = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove {0} from the blocklist?', address),
    { modal: true, detail: vscode.l10n.t('Tencent Cloud will send to it again. It bounced: remove it only when the mailbox is known to work now, or it bounces again and hurts the sender domain\'s reputation.') },
    remove,
  );
  if (picked !== remove) return false;
  const setup = await accountClient(deps);
  if (isUnavailable(setup)) {
    void vscode.window.showWarningMessage(String(unavailableItem(setup).label));
    return false;
  }
  const result = await setup.client.deleteBlackList({ EmailAddressList: [address] });
  if (!result.ok) {
    await reportFailure(result, { headline: vscode.l10n.t('{0} was not removed from the blocklist.', address), endpoint: setup.endpoint });
    return false;
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('{0} was removed from the blocklist.', address));
  tree.refresh();
  return true;
}

/** "Search Blocklist": a whole address asks the API for it; part of one filters the recent entries. */
export async function searchBlocklist(tree: BlocklistTree, arg: unknown): Promise<void> {
  const search = typeof arg === 'string' ? arg : await vscode.window.showInputBox({
    title: vscode.l10n.t('Search the blocklist'),
    prompt: vscode.l10n.t('An address, or part of one (empty shows all)'),
    value: tree.searchText,
  });
  if (search !== undefined) tree.setSearch(search);
}

/** "Blocklist Period": how many days back the list goes (14 by default: an entry is blocked for 14 days). */
export async function blocklistPeriod(tree: BlocklistTree, arg: unknown): Promise<void> {
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= 365;
  if (typeof arg === 'number' && valid(arg)) return tree.setDays(arg);
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Blocklist period'),
    prompt: vscode.l10n.t('Days back (1–365; an address stays blocked for 14 days)'),
    value: String(tree.period),
    validateInput: (value) => (valid(Number(value)) ? undefined : vscode.l10n.t('A whole number from 1 to 365.')),
  });
  if (text !== undefined && valid(Number(text))) tree.setDays(Number(text));
}
