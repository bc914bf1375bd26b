import * as vscode from 'vscode';
import { dnsRows, senderDomains, type DnsRow, type SenderDomain } from '#common/cloud/accountTree';
import { listAllIdentities } from '#common/cloud/account';
import type { EmailSender } from '#common/cloud/types';
import type { ApiDeps, ClientSetup } from '../api/sesClientFactory';
import { accountClient, failureLine, isUnavailable } from './accountSource';
import { emptyItem, errorItem, MessageItem, unavailableItem } from './messageItems';

export class DomainItem extends vscode.TreeItem {
  constructor(readonly group: SenderDomain) {
    super(group.domain || vscode.l10n.t('(no domain)'), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `domain-${group.domain}`;
    const identity = group.identity;
    const parts: string[] = [];
    if (!identity) {
      parts.push(vscode.l10n.t('not a sender domain of this account'));
      this.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.orange'));
    } else {
      if (typeof identity.CurrentReputationLevel === 'number') parts.push(vscode.l10n.t('level {0}', identity.CurrentReputationLevel));
      if (typeof identity.DailyQuota === 'number') parts.push(vscode.l10n.t('{0} a day', identity.DailyQuota.toLocaleString(vscode.env.language)));
      parts.push(identity.SendingEnabled ? vscode.l10n.t('sending enabled') : vscode.l10n.t('sending disabled'));
      this.iconPath = identity.SendingEnabled
        ? new vscode.ThemeIcon('globe', new vscode.ThemeColor('testing.iconPassed'))
        : new vscode.ThemeIcon('globe', new vscode.ThemeColor('testing.iconFailed'));
    }
    this.description = parts.join(' · ');
    this.tooltip = `${group.domain}\n${parts.join('\n')}`;
    this.contextValue = identity ? 'sesDomain' : 'sesDomain.unknown';
  }
}

export class AddressItem extends vscode.TreeItem {
  constructor(readonly sender: EmailSender) {
    super(sender.EmailAddress, vscode.TreeItemCollapsibleState.None);
    this.iconPath = new vscode.ThemeIcon('mail');
    this.description = sender.EmailSenderName ?? '';
    this.contextValue = 'sesSender';
  }
}

export class DnsGroupItem extends vscode.TreeItem {
  constructor(readonly domain: string) {
    super(vscode.l10n.t('DNS records'), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `dns-${domain}`;
    this.iconPath = new vscode.ThemeIcon('symbol-namespace');
    this.contextValue = 'sesDnsGroup';
  }
}

export class DnsItem extends vscode.TreeItem {
  constructor(readonly record: DnsRow) {
    super(`${record.type} ${record.host}`, vscode.TreeItemCollapsibleState.None);
    this.description = record.ok ? vscode.l10n.t('verified') : vscode.l10n.t('not as expected');
    this.iconPath = record.ok ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${record.type} ${record.host}\n\n${vscode.l10n.t('Expected')}: ${record.expected || '-'}\n\n${vscode.l10n.t('Current')}: ${record.current || '-'}`);
    this.tooltip = tooltip;
    this.contextValue = 'sesDnsRecord';
  }
}

/** The FAQ's warning (reference ses-faq.md): a changed record stops the domain's sending. */
function dnsWarning(): MessageItem {
  return new MessageItem(vscode.l10n.t('Do not change these DNS records after the domain is verified.'), {
    icon: 'warning',
    tooltip: vscode.l10n.t('Tencent Cloud FAQ: do not modify the configured DNS after it passes verification. A changed or removed SPF, DKIM or DMARC record makes sending fail or land in spam.'),
  });
}

type State = { kind: 'items'; items: vscode.TreeItem[] } | { kind: 'groups'; groups: SenderDomain[]; setup: ClientSetup };

/** The Senders tree: sender domains (ListEmailIdentities) with their addresses (ListEmailAddress) and DNS records (GetEmailIdentity). */
export class SendersTree implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private state: Promise<State> | undefined;

  constructor(private readonly deps: ApiDeps) {}

  refresh(): void {
    this.state = undefined;
    this.changed.fire(undefined);
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  /** The sender domains of the last listing (the Sending health view offers them). */
  async domains(): Promise<SenderDomain[]> {
    const state = await (this.state ??= this.load());
    return state.kind === 'groups' ? state.groups : [];
  }

  async getChildren(parent?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (!parent) {
      const state = await (this.state ??= this.load());
      return state.kind === 'items' ? state.items : state.groups.map((group) => new DomainItem(group));
    }
    if (parent instanceof DomainItem) {
      const addresses = parent.group.addresses.map((sender) => new AddressItem(sender));
      return parent.group.identity ? [...addresses, new DnsGroupItem(parent.group.domain)] : addresses;
    }
    if (parent instanceof DnsGroupItem) return this.records(parent.domain);
    return [];
  }

  private async records(domain: string): Promise<vscode.TreeItem[]> {
    const state = await (this.state ??= this.load());
    if (state.kind !== 'groups') return [];
    const answer = await state.setup.client.call('GetEmailIdentity', { EmailIdentity: domain });
    if (!answer.ok) return [errorItem(vscode.l10n.t('The DNS records could not be read.'), failureLine(answer, state.setup.endpoint))];
    const rows = dnsRows(answer.data.Attributes);
    return [dnsWarning(), ...(rows.length ? rows.map((row) => new DnsItem(row)) : [emptyItem(vscode.l10n.t('No DNS records listed.'))])];
  }

  private async load(): Promise<State> {
    const setup = await accountClient(this.deps);
    if (isUnavailable(setup)) return { kind: 'items', items: [unavailableItem(setup)] };
    const [identities, addresses] = await Promise.all([listAllIdentities(setup.client), setup.client.listEmailAddress()]);
    if (!identities.ok) return { kind: 'items', items: [errorItem(vscode.l10n.t('The sender domains could not be listed.'), failureLine(identities.failure, setup.endpoint))] };
    if (!addresses.ok) return { kind: 'items', items: [errorItem(vscode.l10n.t('The sender addresses could not be listed.'), failureLine(addresses, setup.endpoint))] };
    const groups = senderDomains(identities.identities, addresses.data.EmailSenders ?? []);
    if (groups.length === 0) return { kind: 'items', items: [emptyItem(vscode.l10n.t('No sender domains or addresses yet: add them in the Tencent Cloud console.'))] };
    return { kind: 'groups', groups, setup };
  }
}
