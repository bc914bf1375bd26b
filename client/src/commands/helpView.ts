import * as vscode from 'vscode';

/** Read-only Markdown documents of the SES help, shown in the Markdown preview (works in code-server too). */
const SCHEME = 'ses-help';
const contents = new Map<string, string>();
const changed = new vscode.EventEmitter<vscode.Uri>();
let registration: vscode.Disposable | undefined;

function ensureProvider(): void {
  registration ??= vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => contents.get(uri.toString()) ?? '',
  });
}

/** The URI a help page is shown under, e.g. `ses-help:/en/FailedOperation.EmailAddrInBlacklist.md`. */
export function helpUri(name: string): vscode.Uri {
  const safe = name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'help';
  return vscode.Uri.from({ scheme: SCHEME, path: `/${vscode.env.language}/${safe}.md` });
}

/** Shows `markdown` as a rendered, read-only page; falls back on the Markdown source without the preview. */
export async function showHelp(name: string, markdown: string): Promise<void> {
  ensureProvider();
  const uri = helpUri(name);
  const key = uri.toString();
  const update = contents.has(key) && contents.get(key) !== markdown;
  contents.set(key, markdown);
  if (update) changed.fire(uri);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.window.showTextDocument(document, { preview: true });
  }
}

/** A failed request to the language server: logged, and told to the user once. */
export function reportHelpFailure(output: vscode.LogOutputChannel, error: unknown): void {
  output.error(vscode.l10n.t('The SES help could not be loaded: {0}', String(error)));
  void vscode.window.showErrorMessage(vscode.l10n.t('SES Template Studio: the help could not be loaded. See the output channel for details.'));
}
