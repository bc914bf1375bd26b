// "SES: Spam Score": the active template's email scored by the local SpamAssassin (common/spam, the
// code of `ses-template-check --spam-score`), with a chosen data set, shown in a view whose rules link
// to the place in the template to change. Local tests only: nothing leaves the machine.
import * as vscode from 'vscode';
import { DEFAULT_TIMEOUT_MS, PLACEHOLDER_FROM, spamScore, type ScoredRule, type SpamScoreResult, type SourceText } from '#common/spam/spamScore';
import { makeNonce } from '../preview/shell';
import { readText, templateOf, type TemplateContext } from '../api/templateContext';
import { reportHtml } from './spamReport';

const VIEW_TYPE = 'sesStudio.spamScore';
let panel: vscode.WebviewPanel | undefined;
let shown: { rules: readonly ScoredRule[] } = { rules: [] };

async function chooseDataSet(template: TemplateContext, arg?: unknown): Promise<{ set: string; uri: vscode.Uri } | null | undefined> {
  if (template.dataSets.length === 0) return null;
  const named = typeof arg === 'string' ? template.dataSets.find((d) => d.set === arg) : undefined;
  if (named) return named;
  if (template.dataSets.length === 1) return template.dataSets[0];
  const picked = await vscode.window.showQuickPick(
    template.dataSets.map((d) => ({ label: d.set, description: vscode.workspace.asRelativePath(d.uri), dataSet: d })),
    { title: vscode.l10n.t('Spam score of "{0}"', template.name), placeHolder: vscode.l10n.t('Choose the data set that fills the variables') },
  );
  return picked?.dataSet;
}

export function installHint(): string {
  return vscode.l10n.t('SpamAssassin is not installed: install it with `sudo apt-get install spamassassin` (Debian, Ubuntu) or `brew install spamassassin` (macOS), or set its path in sesStudio.spamAssassin.path.');
}

function failureText(result: Extract<SpamScoreResult, { ok: false }>): string {
  switch (result.kind) {
    case 'notInstalled':
      return result.command === 'spamassassin' ? installHint() : vscode.l10n.t('{0} could not be run (no such program, or not executable). {1}', result.command, installHint());
    case 'timeout':
      return vscode.l10n.t('SpamAssassin ({0}) did not finish within {1} s and was stopped.', result.command, String(result.seconds));
    case 'noReport':
      return vscode.l10n.t('{0} ended ({1}) without a SpamAssassin report.', result.command, result.signal ?? String(result.exitCode)) + (result.stderr ? ' ' + result.stderr.slice(-500) : '');
    case 'failed':
      return result.message;
    case 'noSubject':
      return vscode.l10n.t('No subject: set "subject" for this template in ses.config.json.');
    case 'noPart':
      return vscode.l10n.t('The template has no HTML or text part.');
    case 'badData':
      return vscode.l10n.t('{0} is not a JSON object of variable names and values.', vscode.workspace.asRelativePath(vscode.Uri.parse(result.file)));
  }
}

/** Runs the spam score of the active template; the data set may be named by a programmatic call. */
export async function spamScoreCommand(output: vscode.LogOutputChannel, dataSetArg?: unknown): Promise<SpamScoreResult | undefined> {
  const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].filter((e): e is vscode.TextEditor => e !== undefined);
  let template: TemplateContext | undefined;
  for (const editor of editors) {
    template = await templateOf(editor.document);
    if (template) break;
  }
  if (!template) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an SES template (a .ses.html or .ses.txt file) to score it.'));
    return undefined;
  }
  const dataSet = await chooseDataSet(template, dataSetArg);
  if (dataSet === undefined) return undefined;
  const texts = new Map<string, string>();
  const source = async (uri: vscode.Uri | undefined): Promise<SourceText | undefined> => {
    if (!uri) return undefined;
    const text = await readText(uri);
    if (text !== undefined) texts.set(uri.toString(), text);
    return text === undefined ? undefined : { file: uri.toString(), text };
  };
  const part = (ext: string) => template.parts.find((p) => p.path.toLowerCase().endsWith(ext));
  const config = template.configUri && template.config ? await source(template.configUri) : undefined;
  const command = vscode.workspace.getConfiguration('sesStudio').get<string>('spamAssassin.path')?.trim() || undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('SES: scoring "{0}" with SpamAssassin…', template.name) },
    async () => spamScore({
      html: await source(part('.html')),
      text: await source(part('.txt')),
      data: await source(dataSet?.uri),
      config: config && template.config ? { ...config, key: template.config.key } : undefined,
      run: { command, timeoutMs: DEFAULT_TIMEOUT_MS },
    }),
  );
  output.info(`spam score of ${template.name}: ${result.ok ? `${result.score} of ${result.required}, ${result.rules.length} rules` : result.kind}`);
  show(template.name, dataSet?.set, result, texts);
  return result;
}

/** `file:line:column` of a rule's place, as the CLI prints it. */
function place(rule: ScoredRule, texts: ReadonlyMap<string, string>): string | undefined {
  if (!rule.target) return undefined;
  const text = texts.get(rule.target.file) ?? '';
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < rule.target.start; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${vscode.workspace.asRelativePath(vscode.Uri.parse(rule.target.file))}:${line}:${rule.target.start - lineStart + 1}`;
}

function show(name: string, dataSet: string | undefined, result: SpamScoreResult, texts: ReadonlyMap<string, string>): void {
  if (!panel) {
    panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Spam Score'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
    panel.onDidDispose(() => { panel = undefined; });
    panel.webview.onDidReceiveMessage((message: { type?: unknown; rule?: unknown }) => {
      const rule = message?.type === 'open' && typeof message.rule === 'number' ? shown.rules[message.rule] : undefined;
      if (rule?.target) void reveal(rule);
    });
  }
  panel.title = vscode.l10n.t('Spam Score: {0}', name);
  shown = { rules: result.ok ? result.rules : [] };
  const places = new Map<string, string>();
  for (const rule of shown.rules) {
    const label = place(rule, texts);
    if (label) places.set(rule.name, label);
  }
  const details = result.ok
    ? [
      vscode.l10n.t('Template {0}, data set {1}, {2}.', name, dataSet ?? vscode.l10n.t('none (variables as written)'), result.version ?? 'SpamAssassin'),
      ...(result.fromPlaceholder ? [vscode.l10n.t('No sender in ses.config.json: scored with {0}.', PLACEHOLDER_FROM)] : []),
    ]
    : [];
  panel.webview.html = reportHtml(
    { nonce: makeNonce((size) => crypto.getRandomValues(new Uint8Array(size))), cspSource: panel.webview.cspSource, lang: vscode.env.language },
    {
      title: vscode.l10n.t('Spam score: {0}', name),
      scoreLine: result.ok ? vscode.l10n.t('Spam score {0} of {1}', result.score.toFixed(1), result.required.toFixed(1)) : '',
      verdict: result.ok ? (result.score >= result.required ? vscode.l10n.t('at or above the threshold: likely to be filed as spam') : vscode.l10n.t('below the threshold')) : '',
      details,
      columns: { points: vscode.l10n.t('Points'), rule: vscode.l10n.t('Rule'), description: vscode.l10n.t('Description'), where: vscode.l10n.t('Where to act') },
      informational: vscode.l10n.t('informational'),
      network: vscode.l10n.t('Local tests only: network tests (DNS blocklists, URI blocklists, Razor, Pyzor, DCC) were left out, and nothing was sent anywhere.'),
      places,
    },
    shown.rules,
    result.ok ? result.score >= result.required : undefined,
    result.ok ? undefined : failureText(result),
  );
  panel.reveal(undefined, true);
}

async function reveal(rule: ScoredRule): Promise<void> {
  const target = rule.target!;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.file));
  const range = new vscode.Range(document.positionAt(target.start), document.positionAt(target.end));
  await vscode.window.showTextDocument(document, { selection: range, viewColumn: vscode.ViewColumn.One });
}
