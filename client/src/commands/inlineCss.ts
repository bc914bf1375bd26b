import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** dist/inlineCss.js (esbuild.mjs): juice, loaded on first use only. */
interface Inliner {
  inlineCss(html: string): string;
}
let inliner: Inliner | undefined;

function loadInliner(extensionUri: vscode.Uri): Inliner {
  // Loaded by path at run time: esbuild does not follow it, so juice is not in dist/client.js.
  const file = path.join(extensionUri.fsPath, 'dist', 'inlineCss.js');
  inliner ??= createRequire(file)(file) as Inliner;
  return inliner;
}

/**
 * The editor to inline: the template named by the quick fix "Inline the <style> rules" (a URI string,
 * from the language server's code action), else the active editor.
 */
async function editorFor(target: unknown): Promise<vscode.TextEditor | undefined> {
  if (typeof target !== 'string' || target === '') return vscode.window.activeTextEditor;
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(target, true);
  } catch {
    return vscode.window.activeTextEditor;
  }
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  if (shown) return shown;
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

/**
 * "SES: Inline CSS": the active HTML template's `<style>` rules written into `style` attributes (media
 * queries, web fonts and pseudo-classes stay in `<style>`), as one edit the user can undo.
 */
export async function inlineCss(extensionUri: vscode.Uri, output: vscode.LogOutputChannel, target?: unknown): Promise<boolean> {
  const editor = await editorFor(target);
  if (!editor || editor.document.languageId !== 'ses-html') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an HTML template (*.ses.html) to inline its CSS.'));
    return false;
  }
  const { document } = editor;
  const before = document.getText();
  let after: string;
  try {
    after = loadInliner(extensionUri).inlineCss(before);
  } catch (error) {
    output.error(`Inline CSS: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The CSS could not be inlined: {0}', error instanceof Error ? error.message : String(error)));
    return false;
  }
  if (after === before) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no CSS to inline in this template.'));
    return false;
  }
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(before.length));
  return editor.edit((edit) => edit.replace(whole, after));
}
