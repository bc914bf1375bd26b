// The "SES: Sending Health" webview: GetStatisticsReport for a range of Beijing days, drawn by uPlot
// (client/webview/health.ts), with a table view of the same numbers and CSV export. One panel; the
// command reveals it, optionally with a sender domain chosen (from the Senders tree).
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { fetchStatistics, statisticsCsv } from '#common/cloud/statistics';
import { listAllIdentities } from '#common/cloud/account';
import type { ApiDeps } from '../api/sesClientFactory';
import { accountClient, failureLine, isUnavailable } from '../account/accountSource';
import { makeNonce } from '../preview/shell';
import { csvFileName, defaultQuery, healthReport, rangeProblem } from './healthReport';
import { healthStrings } from './healthStrings';
import { isFromHealthWebview, type HealthQuery, type HealthReport, type HealthToWebview } from './messages';
import { healthShellHtml } from './shell';
import type { WarmupPlans } from './warmupPlans';
import { warmupDomain, warmupRange } from './warmupReport';
import { REPUTATION_LADDER_SOURCE } from '#common/cloud/warmup';

const VIEW_TYPE = 'sesStudio.health';
/** Tencent allows ten sender domains per account (reference §8.1); a few more for safety, never hundreds of calls. */
const MAX_WARMUP_DOMAINS = 20;
/** Suggestions for the receiving mailbox type (any other can be typed). */
export const MAILBOX_TYPES = ['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'icloud.com'];

export class HealthPanel implements vscode.Disposable {
  private static current: HealthPanel | undefined;

  /** Opens (or reveals) the view; `domain` preselects a sender domain. `domains` lists the account's. */
  static async show(extensionUri: vscode.Uri, deps: ApiDeps, plans: WarmupPlans, domains: () => Promise<string[]>, domain?: string): Promise<void> {
    if (HealthPanel.current) {
      HealthPanel.current.panel.reveal();
      if (domain !== undefined) await HealthPanel.current.ask({ ...HealthPanel.current.query, Domain: domain });
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Sending health'), vscode.ViewColumn.Active, {
      enableScripts: true, // our bundle only, by its nonce
      retainContextWhenHidden: true, // the charts keep their data when the tab is in the background
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
      enableFindWidget: true,
    });
    HealthPanel.current = new HealthPanel(panel, extensionUri, deps, plans, domains, defaultQuery(new Date(), domain ?? ''));
  }

  private readonly disposables: vscode.Disposable[] = [];
  private sequence = 0;
  private last: HealthReport | undefined;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly deps: ApiDeps,
    private readonly plans: WarmupPlans,
    private readonly domains: () => Promise<string[]>,
    private query: HealthQuery,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'account', 'ses.svg');
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    panel.webview.html = healthShellHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce((size) => crypto.randomBytes(size)),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'health.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'health.css')).toString(),
      lang: vscode.env.language,
      title: vscode.l10n.t('Sending health'),
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (!isFromHealthWebview(message)) return;
        if (message.type === 'ready') void this.start();
        else if (message.type === 'query') void this.ask(message.query);
        else if (message.type === 'exportCsv') void this.exportCsv();
        else if (message.type === 'setPlan') void this.plans.set(message.domain, message.plan).then(() => this.warmup());
        else if (message.type === 'clearPlan') void this.plans.clear(message.domain).then(() => this.warmup());
      }),
    );
  }

  private post(message: HealthToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async start(): Promise<void> {
    const domains = await this.domains().catch(() => []);
    this.post({ type: 'init', strings: healthStrings(), locale: vscode.env.language, query: this.query, domains, mailboxTypes: MAILBOX_TYPES });
    await Promise.all([this.ask(this.query), this.warmup()]);
  }

  private warmupSequence = 0;

  /**
   * The warm-up section: every sender domain (ListEmailIdentities) with the last 30 days of its own
   * statistics (one GetStatisticsReport per domain; Tencent allows ten domains per account).
   */
  async warmup(): Promise<void> {
    const sequence = ++this.warmupSequence;
    const range = warmupRange(new Date());
    const setup = await accountClient(this.deps);
    if (sequence !== this.warmupSequence) return;
    if (isUnavailable(setup)) {
      this.post({ type: 'warmup', warmup: { ...range, ladderSource: REPUTATION_LADDER_SOURCE, domains: [], error: setup.kind === 'restricted' ? vscode.l10n.t('Calls to Tencent Cloud are disabled in Restricted Mode.') : vscode.l10n.t('No Tencent Cloud credentials: run "SES: Set Credentials".') } });
      return;
    }
    const listed = await listAllIdentities(setup.client);
    if (sequence !== this.warmupSequence) return;
    if (!listed.ok) {
      this.post({ type: 'warmup', warmup: { ...range, ladderSource: REPUTATION_LADDER_SOURCE, domains: [], error: `${vscode.l10n.t('The sender domains could not be listed.')} ${failureLine(listed.failure, setup.endpoint)}` } });
      return;
    }
    const domains = await Promise.all(listed.identities.slice(0, MAX_WARMUP_DOMAINS).map(async (identity) => {
      const answer = await fetchStatistics(setup.client, { ...range, Domain: identity.IdentityName });
      const plan = this.plans.get(identity.IdentityName);
      return answer.ok
        ? warmupDomain(identity, answer.days, plan, range)
        : warmupDomain(identity, undefined, plan, range, `${vscode.l10n.t('The statistics could not be read.')} ${failureLine(answer.failure, setup.endpoint)}`);
    }));
    if (sequence !== this.warmupSequence) return;
    this.post({ type: 'warmup', warmup: { ...range, ladderSource: REPUTATION_LADDER_SOURCE, domains } });
  }

  /** Asks GetStatisticsReport; a later question wins over an answer still on its way. */
  async ask(query: HealthQuery): Promise<void> {
    this.query = query;
    const sequence = ++this.sequence;
    if (rangeProblem(query)) {
      this.post({ type: 'error', query, message: healthStrings().badRange });
      return;
    }
    this.post({ type: 'loading', query });
    const setup = await accountClient(this.deps);
    if (sequence !== this.sequence) return;
    if (isUnavailable(setup)) {
      this.post({
        type: 'error', query,
        message: setup.kind === 'restricted' ? vscode.l10n.t('Calls to Tencent Cloud are disabled in Restricted Mode.') : vscode.l10n.t('No Tencent Cloud credentials: run "SES: Set Credentials".'),
      });
      return;
    }
    const answer = await fetchStatistics(setup.client, {
      StartDate: query.StartDate, EndDate: query.EndDate,
      ...(query.Domain ? { Domain: query.Domain } : {}),
      ...(query.ReceivingMailboxType ? { ReceivingMailboxType: query.ReceivingMailboxType } : {}),
    });
    if (sequence !== this.sequence) return;
    if (!answer.ok) {
      this.last = undefined;
      this.post({ type: 'error', query, message: `${vscode.l10n.t('The statistics could not be read.')} ${failureLine(answer.failure, setup.endpoint)}` });
      return;
    }
    this.last = healthReport(query, answer.days);
    this.post({ type: 'report', report: this.last });
  }

  private async exportCsv(): Promise<void> {
    const report = this.last;
    if (!report) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No statistics to export yet.'));
      return;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export the statistics as CSV'),
      filters: { CSV: ['csv'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, csvFileName(report.query)) } : {}),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(statisticsCsv(report.days)));
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} days to {1}.', report.days.length, vscode.workspace.asRelativePath(target)));
  }

  dispose(): void {
    if (HealthPanel.current === this) HealthPanel.current = undefined;
    this.sequence++;
    this.warmupSequence++;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
