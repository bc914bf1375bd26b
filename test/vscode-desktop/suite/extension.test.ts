import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'ses-template-studio.ses-template-studio';

/** Resolves when the diagnostics of `uri` satisfy `accept`: an event, not a sleep. */
function diagnosticsWhere(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (accept(now)) return Promise.resolve(now);
  return new Promise((resolve) => {
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (accept(diagnostics)) {
        listener.dispose();
        resolve(diagnostics);
      }
    });
  });
}

describe('SES Template Studio in VS Code desktop', () => {
  const folder = () => vscode.workspace.workspaceFolders![0].uri;

  it('activates for the workspace and opens *.ses.html as ses-html', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'extension installed');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'broken.ses.html'));
    await extension.activate();
    assert.equal(document.languageId, 'ses-html');
  });

  it('shows the Handlebars syntax error, then clears it when fixed', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'broken.ses.html');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const [diagnostic] = await diagnosticsWhere(uri, (d) => d.length > 0);
    assert.equal(diagnostic.code, 'handlebars-syntax');
    assert.match(diagnostic.message, /never closed/);
    const end = document.positionAt(document.getText().indexOf('{{first_name') + '{{first_name'.length);
    await editor.edit((edit) => edit.insert(end, '}}'));
    await diagnosticsWhere(uri, (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('opens *.ses.txt as ses-text', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'welcome.ses.txt'));
    assert.equal(document.languageId, 'ses-text');
  });
});
