import * as vscode from 'vscode';
import type { Unavailable } from './accountSource';

/**
 * The rows a tree shows instead of data: no key, Restricted Mode, a failed call (one masked line,
 * the whole text in the tooltip), or nothing to list. Each says what to do next.
 */
export class MessageItem extends vscode.TreeItem {
  constructor(label: string, options: { icon?: string; tooltip?: string; command?: vscode.Command; description?: string } = {}) {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.iconPath = new vscode.ThemeIcon(options.icon ?? 'info');
    this.contextValue = 'sesMessage';
    if (options.tooltip) this.tooltip = options.tooltip;
    if (options.description) this.description = options.description;
    if (options.command) this.command = options.command;
  }
}

export function unavailableItem(reason: Unavailable): MessageItem {
  if (reason.kind === 'restricted') {
    return new MessageItem(vscode.l10n.t('Calls to Tencent Cloud are disabled in Restricted Mode.'), {
      icon: 'workspace-untrusted',
      tooltip: vscode.l10n.t('Trust this workspace to list the templates, senders and blocklist of your account.'),
      command: { command: 'workbench.trust.manage', title: vscode.l10n.t('Manage Workspace Trust') },
    });
  }
  return new MessageItem(vscode.l10n.t('No Tencent Cloud credentials: click to set an API key.'), {
    icon: 'key',
    tooltip: vscode.l10n.t('"SES: Set Credentials", or set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY.'),
    command: { command: 'sesStudio.setCredentials', title: vscode.l10n.t('Set Credentials') },
  });
}

export function errorItem(what: string, line: string): MessageItem {
  return new MessageItem(what, { icon: 'error', description: line, tooltip: `${what}\n${line}` });
}

export function emptyItem(text: string): MessageItem {
  return new MessageItem(text, { icon: 'circle-slash' });
}
