import * as vscode from 'vscode';
import { statusCounts, templateRows, type TemplateRow } from '#common/cloud/accountTree';
import { changedParts, decodeTemplateContent, listAllTemplates } from '#common/cloud/templateSync';
import type { ApiDeps, ClientSetup } from '../api/sesClientFactory';
import { statusWords } from '../templates/statusWords';
import { accountClient, failureLine, isUnavailable } from './accountSource';
import { linkedParts, workspaceLinks } from './localLinks';
import { emptyItem, errorItem, unavailableItem } from './messageItems';

/** Linked templates whose content is compared with Tencent Cloud's (one GetEmailTemplate each). */
const MAX_COMPARED = 30;

type Comparison = 'same' | 'differs' | 'unknown';

export class TemplateItem extends vscode.TreeItem {
  constructor(readonly row: TemplateRow, comparison: Comparison | undefined) {
    super(row.name || `#${row.id}`, vscode.TreeItemCollapsibleState.None);
    this.id = `template-${row.id}`;
    const status = statusWords(row.statusCode, row.reason);
    const linked = row.links.length > 0;
    const parts = [status, `ID ${row.id}`];
    if (linked) {
      parts.push(comparison === 'differs' ? vscode.l10n.t('local {0} differs', row.links[0].key)
        : comparison === 'same' ? vscode.l10n.t('local {0} same', row.links[0].key) : vscode.l10n.t('local {0}', row.links[0].key));
    }
    this.description = parts.join(' · ');
    this.iconPath = statusIconOf(row);
    this.contextValue = linked ? 'sesTemplate.linked' : 'sesTemplate';
    const created = row.created ? new Date(row.created * 1000).toLocaleString(vscode.env.language) : '-';
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${row.name} (TemplateID ${row.id})\n\n`);
    tooltip.appendText(`${vscode.l10n.t('Status')}: ${status}\n\n`);
    tooltip.appendText(`${vscode.l10n.t('Created')}: ${created}\n\n`);
    tooltip.appendText(linked
      ? `${vscode.l10n.t('Linked in ses.config.json: {0}', row.links.map((l) => l.key).join(', '))}${comparison === 'differs' ? ` — ${vscode.l10n.t('the local content differs from Tencent Cloud')}` : ''}`
      : vscode.l10n.t('Not linked to a template of this workspace.'));
    this.tooltip = tooltip;
    this.command = { command: 'sesStudio.account.openRemoteTemplate', title: vscode.l10n.t('Open Remote Content'), arguments: [this] };
  }
}

function statusIconOf(row: TemplateRow): vscode.ThemeIcon {
  switch (row.status) {
    case 'approved': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'pending': return new vscode.ThemeIcon('clock', new vscode.ThemeColor('charts.yellow'));
    case 'rejected': return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    default: return new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.orange'));
  }
}

type State =
  | { kind: 'items'; items: vscode.TreeItem[] }
  | { kind: 'rows'; rows: TemplateRow[]; setup: ClientSetup };

/** The Templates tree: every template of the account (ListEmailTemplates, paged), problems first. */
export class TemplatesTree implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<vscode.TreeItem | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private state: Promise<State> | undefined;
  private readonly comparisons = new Map<number, Comparison>();
  private generation = 0;
  /** Set by the view: its description shows the counts. */
  view: vscode.TreeView<vscode.TreeItem> | undefined;

  constructor(private readonly deps: ApiDeps) {}

  refresh(): void {
    this.generation++;
    this.state = undefined;
    this.comparisons.clear();
    this.changed.fire(undefined);
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  async getChildren(parent?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
    if (parent) return [];
    this.state ??= this.load(this.generation);
    const state = await this.state;
    if (state.kind === 'items') return state.items;
    return state.rows.map((row) => new TemplateItem(row, this.comparisons.get(row.id)));
  }

  /** The rows of the last listing (for tests and the commands). */
  async rows(): Promise<TemplateRow[]> {
    const state = await (this.state ??= this.load(this.generation));
    return state.kind === 'rows' ? state.rows : [];
  }

  private async load(generation: number): Promise<State> {
    const setup = await accountClient(this.deps);
    if (isUnavailable(setup)) {
      this.describe(undefined);
      return { kind: 'items', items: [unavailableItem(setup)] };
    }
    const [listed, links] = await Promise.all([listAllTemplates(setup.client), workspaceLinks()]);
    if (!listed.ok) {
      this.describe(undefined);
      return { kind: 'items', items: [errorItem(vscode.l10n.t('The templates could not be listed.'), failureLine(listed.failure, setup.endpoint))] };
    }
    const rows = templateRows(listed.templates, links);
    this.describe(rows);
    if (rows.length === 0) {
      return { kind: 'items', items: [emptyItem(vscode.l10n.t('No templates in this account and region yet. "SES: Push Template" creates one.'))] };
    }
    void this.compare(rows, setup, generation);
    return { kind: 'rows', rows, setup };
  }

  private describe(rows: TemplateRow[] | undefined): void {
    if (!this.view) return;
    if (!rows) {
      this.view.description = undefined;
      return;
    }
    const counts = statusCounts(rows);
    this.view.description = vscode.l10n.t('{0} approved · {1} pending · {2} rejected', counts.approved, counts.pending, counts.rejected + counts.unavailable);
  }

  /** Whether each linked template's local content differs from Tencent Cloud's; the rows are redrawn once at the end. */
  private async compare(rows: TemplateRow[], setup: ClientSetup, generation: number): Promise<void> {
    const linked = rows.filter((row) => row.links.length > 0).slice(0, MAX_COMPARED);
    for (const row of linked) {
      const remote = await setup.client.call('GetEmailTemplate', { TemplateID: row.id });
      if (generation !== this.generation) return;
      const decoded = remote.ok ? decodeTemplateContent(remote.data.TemplateContent) : undefined;
      if (!decoded || !('parts' in decoded)) {
        this.comparisons.set(row.id, 'unknown');
        continue;
      }
      const local = await linkedParts(row.links[0]);
      this.comparisons.set(row.id, changedParts(local, decoded.parts).length > 0 ? 'differs' : 'same');
    }
    if (linked.length > 0 && generation === this.generation) this.changed.fire(undefined);
  }
}
