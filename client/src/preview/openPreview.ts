import * as vscode from 'vscode';
import { EmailPreview, isTemplateDocument } from './previewPanel';

/**
 * "SES: Open Preview" / "… to the Side". The editor-title button passes the file's URI; the palette
 * passes nothing, and the active editor (or a visible template editor, when a preview has the focus) counts.
 */
export async function openPreview(extensionUri: vscode.Uri, output: vscode.LogOutputChannel, toSide: boolean, arg?: unknown): Promise<void> {
  const candidates = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].filter((e): e is vscode.TextEditor => !!e);
  const uri = arg instanceof vscode.Uri ? arg : candidates.find((e) => isTemplateDocument(e.document))?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an SES template (a .ses.html or .ses.txt file) to preview it.'));
    return;
  }
  await EmailPreview.show(extensionUri, output, uri, toSide);
}
