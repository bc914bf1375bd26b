// "SES: Quick Fix a Problem": goes to the first finding of ours (errors first, the files on screen
// first) and opens the quick fix menu there. VS Code's own Quick Fix works on the focused editor only,
// so the walkthrough's button, clicked with the walkthrough focused, did nothing.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '#common/diagnosticSource';

export async function quickFixProblem(): Promise<void> {
  const [first] = candidates();
  if (!first) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No SES finding to fix right now.'));
    return;
  }
  const [uri, diagnostic] = first;
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  // Beside the walkthrough (or any non-text editor) rather than over it.
  const viewColumn = visible?.viewColumn ?? (vscode.window.activeTextEditor ? vscode.ViewColumn.Active : vscode.ViewColumn.Beside);
  const start = diagnostic.range.start;
  const editor = await vscode.window.showTextDocument(uri, { viewColumn, selection: new vscode.Range(start, start), preview: false });
  editor.revealRange(diagnostic.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  // The code actions of a just-opened editor may not be computed yet, and the menu then shows nothing:
  // ask the providers first (what they answer is the menu's business; a failure leaves the menu to say so).
  await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)
    .then(undefined, () => undefined);
  // Opened after this command has returned: the walkthrough marks its step done when the command runs and
  // re-renders, and a menu already open then lost the focus and closed (seen in e2e runs).
  setTimeout(() => void vscode.commands.executeCommand('editor.action.quickFix'), 0);
}

/**
 * Our findings, those of the files on screen first (the active one first), then the others by path;
 * errors before warnings before the rest, then in document order.
 */
function candidates(): [vscode.Uri, vscode.Diagnostic][] {
  const onScreen = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors]
    .filter((e): e is vscode.TextEditor => e !== undefined).map((e) => e.document.uri.toString());
  const rank = (uri: vscode.Uri) => {
    const i = onScreen.indexOf(uri.toString());
    return i === -1 ? onScreen.length : i;
  };
  const files = vscode.languages.getDiagnostics()
    .map(([uri, diagnostics]) => [uri, diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE)] as const)
    .filter(([, diagnostics]) => diagnostics.length > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || (a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0));
  return files.flatMap(([uri, diagnostics]) => [...diagnostics]
    .sort((a, b) => a.severity - b.severity || a.range.start.compareTo(b.range.start))
    .map((d): [vscode.Uri, vscode.Diagnostic] => [uri, d]));
}
