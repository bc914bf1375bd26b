import * as vscode from 'vscode';
import type { ApiDeps } from '../api/sesClientFactory';
import { blocklistPeriod, removeFromBlocklist, searchBlocklist } from './blocklistActions';
import { BlocklistTree } from './blocklistTree';
import { HealthPanel } from '../health/healthPanel';
import { DomainItem, SendersTree } from './sendersTree';
import { diffRemoteTemplate, openRemoteTemplate, pullRemoteTemplate, pushLinkedTemplate } from './templateActions';
import { TemplatesTree } from './templatesTree';
import type { WarmupPlans } from '../health/warmupPlans';

/**
 * The SES view in the activity bar (client/src/account): the account's templates, senders and
 * blocklist as trees. `activateAccount` creates them once; the commands (client/src/commands/index.ts)
 * find them here. Each tree asks the API when first shown and on refresh, never on a timer.
 */
interface Trees {
  readonly templates: TemplatesTree;
  readonly senders: SendersTree;
  readonly blocklist: BlocklistTree;
}
let trees: Trees | undefined;

export function activateAccount(deps: ApiDeps): vscode.Disposable {
  const created: Trees = { templates: new TemplatesTree(deps), senders: new SendersTree(deps), blocklist: new BlocklistTree(deps) };
  trees = created;
  const templatesView = vscode.window.createTreeView('sesStudio.templates', { treeDataProvider: created.templates, showCollapseAll: false });
  const sendersView = vscode.window.createTreeView('sesStudio.senders', { treeDataProvider: created.senders, showCollapseAll: true });
  const blocklistView = vscode.window.createTreeView('sesStudio.blocklist', { treeDataProvider: created.blocklist });
  created.templates.view = templatesView;
  created.blocklist.view = blocklistView;
  const refreshAll = () => {
    created.templates.refresh();
    created.senders.refresh();
    created.blocklist.refresh();
  };
  return vscode.Disposable.from(
    templatesView, sendersView, blocklistView,
    // A new key, a sign-out, trust granted, or another region or endpoint: the lists are of another account.
    deps.credentials.onDidChange(refreshAll),
    vscode.workspace.onDidGrantWorkspaceTrust(refreshAll),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sesStudio.api')) refreshAll();
    }),
    { dispose: () => { if (trees === created) trees = undefined; } },
  );
}

export const accountCommands = {
  refreshTemplates: () => trees?.templates.refresh(),
  refreshSenders: () => trees?.senders.refresh(),
  refreshBlocklist: () => trees?.blocklist.refresh(),
  searchBlocklist: (arg: unknown) => (trees ? searchBlocklist(trees.blocklist, arg) : undefined),
  clearBlocklistSearch: () => trees?.blocklist.setSearch(''),
  blocklistPeriod: (arg: unknown) => (trees ? blocklistPeriod(trees.blocklist, arg) : undefined),
  removeFromBlocklist: (deps: ApiDeps, arg: unknown) => (trees ? removeFromBlocklist(deps, trees.blocklist, arg) : undefined),
  openRemoteTemplate: (deps: ApiDeps, arg: unknown) => openRemoteTemplate(deps, arg),
  diffRemoteTemplate: (deps: ApiDeps, arg: unknown) => diffRemoteTemplate(deps, arg),
  pullRemoteTemplate: async (arg: unknown) => {
    await pullRemoteTemplate(arg);
    trees?.templates.refresh();
  },
  pushLinkedTemplate: async (arg: unknown) => {
    await pushLinkedTemplate(arg);
    trees?.templates.refresh();
  },
  /** The sender domains the Senders tree listed (the Sending health view offers them). */
  senderDomains: async () => (trees ? trees.senders.domains() : []),
  /** The Sending health view; a domain of the Senders tree (or a domain name) preselects that domain. */
  openHealth: (extensionUri: vscode.Uri, deps: ApiDeps, plans: WarmupPlans, arg: unknown) => {
    const domain = arg instanceof DomainItem ? arg.group.domain : typeof arg === 'string' ? arg.trim() : undefined;
    const domains = async () => (trees ? (await trees.senders.domains()).filter((group) => group.identity).map((group) => group.domain) : []);
    return HealthPanel.show(extensionUri, deps, plans, domains, domain);
  },
};
