import * as vscode from 'vscode';
import { blocklistRows } from '#common/cloud/accountTree';
import { listRecentBlocklist } from '#common/cloud/account';
import { addDaysToBounceTime, BLOCKLIST_DAYS } from '#common/cloud/blocklist';
import type { BlackEmailAddress } from '#common/cloud/types';
import type { ApiDeps } from '../api/sesClientFactory';
import { accountClient, failureLine, isUnavailable } from './accountSource';
import { emptyItem, errorItem, MessageItem, unavailableItem } from './messageItems';

export class BlockedItem extends vscode.TreeItem {
  constructor(readonly entry: BlackEmailAddress) {
    super(entry.EmailAddress, vscode.TreeItemCollapsibleState.None);
    this.id = `blocked-${entry.EmailAddress}`;
    this.iconPath = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('testing.iconFailed'));
    this.description = entry.BounceTime ?? '';
    const until = typeof entry.BounceTime === 'string' ? addDaysToBounceTime(entry.BounceTime, BLOCKLIST_DAYS) : undefined;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${entry.EmailAddress}\n\n${vscode.l10n.t('Bounced')}: ${entry.BounceTime ?? '-'}\n\n`);
    if (entry.IspDesc) tooltip.appendText(`${entry.IspDesc}\n\n`);
    if (until) tooltip.appendText(vscode.l10n.t('Blocked until {0} (Beijing time) unless removed.', until));
    this.tooltip = tooltip;
    this.contextValue = 'sesBlocked';
  }
}

type State = vscode.TreeItem[];

/** The Blocklist tree: recent entries of ListBlackEmailAddress, searchable, each removable. */
export class BlocklistTree implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private state: Promise<State> | undefined;
  private search = '';
  private days = BLOCKLIST_DAYS;
  view: vscode.TreeView<vscode.TreeItem> | undefined;

  constructor(private readonly deps: ApiDeps) {}

  refresh(): void {
    this.state = undefined;
    this.changed.fire(undefined);
  }

  setSearch(search: string): void {
    this.search = search.trim();
    void vscode.commands.executeCommand('setContext', 'sesStudio.blocklistSearch', this.search !== '');
    this.refresh();
  }

  setDays(days: number): void {
    this.days = days;
    this.refresh();
  }

  get period(): number {
    return this.days;
  }

  get searchText(): string {
    return this.search;
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  async getChildren(parent?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (parent) return [];
    return (this.state ??= this.load());
  }

  private async load(): Promise<State> {
    if (this.view) {
      this.view.description = this.search
        ? vscode.l10n.t('"{0}", last {1} days', this.search, this.days)
        : vscode.l10n.t('last {0} days', this.days);
    }
    const setup = await accountClient(this.deps);
    if (isUnavailable(setup)) return [unavailableItem(setup)];
    const listed = await listRecentBlocklist(setup.client, { days: this.days, search: this.search });
    if (!listed.ok) return [errorItem(vscode.l10n.t('The blocklist could not be read.'), failureLine(listed.failure, setup.endpoint))];
    const rows: vscode.TreeItem[] = blocklistRows(listed.list.entries).map((entry) => new BlockedItem(entry));
    if (rows.length === 0) {
      return [emptyItem(this.search
        ? vscode.l10n.t('No blocked address matches "{0}" in the last {1} days.', this.search, this.days)
        : vscode.l10n.t('No address bounced into the blocklist in the last {0} days.', this.days))];
    }
    if (listed.list.total > rows.length && !this.search) {
      rows.push(new MessageItem(vscode.l10n.t('{0} more: search to narrow the list.', listed.list.total - rows.length), { icon: 'ellipsis' }));
    }
    return rows;
  }
}
