// "SES: Check Images and Links Online": fetches the image and link URLs of the active template
// directly (VS Code's proxy settings apply; no third-party service), and shows what is broken as
// diagnostics, in the preview's image outlines and in a summary. VS Code glue around onlineCheck.ts.
import * as vscode from 'vscode';
import { readPreviewSource } from '../preview/previewSource';
import { offsetToPosition } from './positions';
import { ONLINE_SOURCE, setOnlineDiagnostics } from './onlineDiagnostics';
import { findingMessage, summary, type SummaryCounts } from './messages';
import { runOnlineCheck, type OnlineCheckResult } from './onlineCheck';
import { isPrivateHost } from './privateHosts';
import { extractUrls, type PartKind, type UrlTarget } from './urlExtraction';
import { byCount } from '#common/plural';

export const DEFAULT_TIMEOUT_SECONDS = 10;

export interface OnlineCheckOutcome extends SummaryCounts {
  readonly result?: OnlineCheckResult;
}

interface RunSettings {
  /** Ask before contacting local or private hosts; without asking they are skipped. */
  readonly interactive: boolean;
}

function timeoutSeconds(scope?: vscode.Uri): number {
  const value = vscode.workspace.getConfiguration('sesStudio.online', scope).get<number>('timeoutSeconds');
  return typeof value === 'number' && value > 0 ? Math.min(value, 120) : DEFAULT_TIMEOUT_SECONDS;
}

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

const hostname = (url: string) => new URL(url).hostname;

/** Asks whether to contact the local or private hosts too; undefined when the dialog was dismissed. */
async function askPrivate(privateTargets: readonly UrlTarget[]): Promise<boolean | undefined> {
  const hosts = [...new Set(privateTargets.map((t) => hostname(t.url)))].slice(0, 5).join(', ');
  const checkToo = vscode.l10n.t('Check Them Too');
  const skip = vscode.l10n.t('Skip Them');
  const picked = await vscode.window.showWarningMessage(
    byCount(privateTargets.length, () => vscode.l10n.t('1 URL of this template points at a local or private network host ({0}). Check it too?', hosts), () => vscode.l10n.t('{0} URLs of this template point at local or private network hosts ({1}). Check them too?', privateTargets.length, hosts)),
    {
      modal: true,
      detail: vscode.l10n.t('Recipients cannot load them either. A template from someone else could aim these requests at your intranet or at a cloud metadata service (169.254.169.254); check them only if you trust this template.'),
    },
    checkToo, skip,
  );
  return picked === undefined ? undefined : picked === checkToo;
}

/**
 * Checks the template of `uri` (default: the active editor). Returns the counts for programmatic
 * callers (tests), undefined when nothing ran.
 */
export async function checkUrlsOnline(output: vscode.LogOutputChannel, uriArg?: unknown, settings: RunSettings = { interactive: true }): Promise<OnlineCheckOutcome | undefined> {
  const interactive = settings.interactive;
  if (!vscode.workspace.isTrusted) {
    if (interactive) void vscode.window.showWarningMessage(vscode.l10n.t('SES: the online check of images and links is disabled in Restricted Mode: a workspace could aim it at hosts of your network. Trust this workspace to use it.'));
    return undefined;
  }
  const uri = uriArg instanceof vscode.Uri ? uriArg : vscode.window.activeTextEditor?.document.uri;
  const read = uri ? await readPreviewSource(uri).catch(() => undefined) : undefined;
  if (!read) {
    if (interactive) void vscode.window.showWarningMessage(vscode.l10n.t('SES: open an SES template (.ses.html or .ses.txt) to check its images and links.'));
    return undefined;
  }
  const textUri = read.template.parts.find((p) => p.toString() !== read.htmlUri?.toString());
  const extraction = extractUrls({ html: read.html, text: read.text, dataSets: read.dataSets });
  let targets = extraction.targets;
  const privateTargets = targets.filter((t) => isPrivateHost(hostname(t.url)));
  let allowPrivate = false;
  if (privateTargets.length > 0 && interactive) {
    const answer = await askPrivate(privateTargets);
    if (answer === undefined) return undefined;
    allowPrivate = answer;
  }
  if (!allowPrivate) targets = targets.filter((t) => !privateTargets.includes(t));

  const timeout = timeoutSeconds(uri);
  const http = vscode.workspace.getConfiguration('http');
  const run = (signal: AbortSignal, report?: (done: number, total: number) => void) => runOnlineCheck(targets, {
    timeoutMs: timeout * 1000,
    signal,
    proxySetting: (http.get<string>('proxy') ?? '').trim(),
    proxyStrictSSL: http.get<boolean>('proxyStrictSSL') ?? true,
    allowPrivate,
    onProgress: (done, total) => report?.(done, total),
  });
  const result = interactive
    ? await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('SES: checking {0} image and link URLs…', targets.length),
      cancellable: true,
    }, (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      return run(controller.signal, (done, total) => {
        progress.report({ message: `${done}/${total}`, increment: ((done - reported) / Math.max(total, 1)) * 100 });
        reported = done;
      });
    })
    : await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('SES: checking image and link URLs') }, () => run(new AbortController().signal));

  // Diagnostics at every place a URL is written, per part.
  const byPart: Record<PartKind, vscode.Diagnostic[]> = { html: [], text: [] };
  const texts: Record<PartKind, string> = { html: read.html ?? '', text: read.text ?? '' };
  let warnings = 0;
  for (const checked of result.checked) {
    const r = checked.result;
    output.info(`online check: ${r.url} → ${r.error ? `${r.error.code}` : `${r.method} ${r.status}`}${r.redirects.length ? ` via ${r.redirects.length} ${r.redirects.length === 1 ? 'redirect' : 'redirects'} to ${r.finalUrl}` : ''}${r.contentType ? `, ${r.contentType}` : ''}${r.size !== undefined ? `, ${r.size} bytes` : ''}, ${r.ms} ms`);
    for (const finding of checked.findings) {
      if (finding.severity !== 'error') warnings++;
      const places = checked.target.occurrences.filter((o) => finding.code === 'online-private-address' || o.kind === finding.kind);
      for (const place of places) {
        const text = texts[place.part];
        const start = offsetToPosition(text, place.start);
        const end = offsetToPosition(text, place.end);
        const range = new vscode.Range(start.line, start.character, end.line, end.character);
        const diagnostic = new vscode.Diagnostic(range, findingMessage(vscode.l10n, finding, place.sets, timeout), SEVERITY[finding.severity]);
        diagnostic.source = ONLINE_SOURCE;
        diagnostic.code = finding.code;
        byPart[place.part].push(diagnostic);
      }
    }
  }
  if (read.htmlUri) setOnlineDiagnostics(read.htmlUri, byPart.html);
  if (textUri) setOnlineDiagnostics(textUri, byPart.text);

  const counts: SummaryCounts = {
    checked: result.checked.length,
    brokenImages: result.brokenImages,
    brokenLinks: result.brokenLinks,
    warnings,
    unresolved: extraction.unresolved.length,
    privateSkipped: allowPrivate ? 0 : privateTargets.length,
    capped: extraction.capped,
    notChecked: result.notChecked,
  };
  const message = summary(vscode.l10n, counts);
  output.info(message);
  if (interactive) {
    const showProblems = vscode.l10n.t('Show Problems');
    const broken = counts.brokenImages + counts.brokenLinks;
    const show = broken > 0 ? vscode.window.showErrorMessage : warnings > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(message, ...(broken + warnings > 0 ? [showProblems] : [])).then((picked) => {
      if (picked === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }
  return { ...counts, result };
}

/** Templates checked on preview recently: at most one run per template a minute. */
const lastRun = new Map<string, number>();
const PREVIEW_INTERVAL_MS = 60_000;

/**
 * `sesStudio.online.checkOnPreview`: a quiet check when the preview shows a template (no dialogs,
 * private hosts skipped, progress in the status bar), at most once a minute per template.
 */
export function checkOnPreview(output: vscode.LogOutputChannel, uri: vscode.Uri, templateKey: string): void {
  if (!vscode.workspace.isTrusted || vscode.workspace.getConfiguration('sesStudio.online', uri).get<boolean>('checkOnPreview') !== true) return;
  const now = Date.now();
  if (now - (lastRun.get(templateKey) ?? 0) < PREVIEW_INTERVAL_MS) return;
  lastRun.set(templateKey, now);
  checkUrlsOnline(output, uri, { interactive: false }).catch((error: unknown) => output.error(String(error)));
}
