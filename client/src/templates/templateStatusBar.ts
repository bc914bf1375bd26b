import * as vscode from 'vscode';
import { listAllTemplates } from '#common/cloud/templateSync';
import type { ApiFailure, TemplatesMetadata } from '#common/cloud/types';
import { describeFailure } from '../api/apiFailures';
import { createSesClient, type ApiDeps } from '../api/sesClientFactory';
import { configRegion, templateOf } from '../api/templateContext';
import { statusIcon, statusWords } from './statusWords';

/** Never ask Tencent more often than this on our own (editor switches); commands may force a refresh. */
export const MIN_REFRESH_MS = 60_000;

/**
 * The review status of the active template in the status bar ("SES: approved", "SES: pending
 * review", "SES: rejected — <reason>"), from one paged ListEmailTemplates (GetEmailTemplate has no
 * ReviewReason) kept for a minute. Nothing is asked without credentials or in Restricted Mode; the
 * item is then hidden. Clicking it runs "SES: Show Template Status".
 */
export class TemplateStatusTracker implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sesStudio.templateStatus', vscode.StatusBarAlignment.Right, 99);
  private readonly subscriptions: vscode.Disposable[] = [];
  private remote = new Map<number, TemplatesMetadata>();
  private fetchedAt = 0;
  private lastFailure: ApiFailure | undefined;
  private inFlight: Promise<void> | undefined;
  private generation = 0;
  private shownId: number | undefined;

  constructor(private readonly deps: ApiDeps) {
    this.item.name = vscode.l10n.t('SES template review status');
    this.item.command = 'sesStudio.showTemplateStatus';
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      deps.credentials.onDidChange(() => void this.update()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.update()),
    );
    void this.update();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }

  /** The listing from the last refresh. */
  get templates(): TemplatesMetadata[] {
    return [...this.remote.values()];
  }

  /** Replaces the cache with a full listing (from "Show Template Status") and redraws. */
  accept(templates: TemplatesMetadata[]): void {
    this.remote = new Map(templates.map((t) => [t.TemplateID, t]));
    this.fetchedAt = Date.now();
    this.lastFailure = undefined;
    void this.update();
  }

  /** Asks Tencent again (after a push, or on request) and redraws. */
  async refresh(): Promise<void> {
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = undefined;
    });
    await this.inFlight;
    await this.update({ fetchIfStale: false });
  }

  private async fetch(): Promise<void> {
    if (!vscode.workspace.isTrusted || !(await this.deps.credentials.resolve())) return;
    const setup = createSesClient(this.deps, await configRegion());
    const result = await listAllTemplates(setup.client);
    this.fetchedAt = Date.now();
    if (result.ok) {
      this.remote = new Map(result.templates.map((t) => [t.TemplateID, t]));
      this.lastFailure = undefined;
    } else {
      this.lastFailure = result.failure;
      this.deps.output.warn(vscode.l10n.t('The review status of the templates could not be read: {0}', describeFailure(result.failure, setup.endpoint)));
    }
  }

  /** Redraws for the active editor; fetches when the cache is older than a minute. */
  async update({ fetchIfStale = true } = {}): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    // No text editor (a preview or a webview has the focus): keep to the template shown last.
    const templateId = document ? (await templateOf(document))?.config?.templateId : this.shownId;
    if (templateId === undefined || !vscode.workspace.isTrusted || !(await this.deps.credentials.resolve())) {
      if (generation === this.generation) {
        this.item.hide();
        this.shownId = undefined;
      }
      return;
    }
    if (fetchIfStale && Date.now() - this.fetchedAt >= MIN_REFRESH_MS) {
      await this.refresh();
      return;
    }
    if (generation !== this.generation) return;
    const meta = this.remote.get(templateId);
    if (meta) {
      // A long review reason is cut in the bar; the tooltip and the status page have all of it.
      const reason = meta.ReviewReason && [...meta.ReviewReason].length > 40 ? `${[...meta.ReviewReason].slice(0, 39).join('')}…` : meta.ReviewReason;
      this.item.text = `${statusIcon(meta.TemplateStatus)} ${vscode.l10n.t('SES: {0}', statusWords(meta.TemplateStatus, reason))}`;
      this.item.tooltip = `${meta.TemplateName} (TemplateID ${templateId}): ${statusWords(meta.TemplateStatus, meta.ReviewReason)}\n${vscode.l10n.t('Click to show the review status of every template.')}`;
    } else if (this.lastFailure) {
      this.item.text = `$(question) ${vscode.l10n.t('SES: status unknown')}`;
      this.item.tooltip = describeFailure(this.lastFailure, '');
    } else {
      this.item.text = `$(warning) ${vscode.l10n.t('SES: template {0} not found', String(templateId))}`;
      this.item.tooltip = vscode.l10n.t('Tencent Cloud has no template with the TemplateID {0} of ses.config.json.', String(templateId));
    }
    this.shownId = templateId;
    this.item.show();
  }
}
