import * as vscode from 'vscode';
import { configKey, templateIdEdits } from '#common/cloud/templateSync';
import { findConfig, readText } from '../api/templateContext';

/**
 * Records a template's TemplateID in ses.config.json through a WorkspaceEdit (undoable, comments and
 * formatting kept, an open editor of the file updated in place), then saves the file unless it had
 * unsaved edits of the user's. Without a config
 * file above the template, one is created in the workspace folder (or the template's folder).
 * Returns the config's URI, or a message saying why nothing was written.
 */
export async function recordTemplateId(folder: vscode.Uri, name: string, templateId: number): Promise<{ uri: vscode.Uri } | { problem: string }> {
  const found = await findConfig(folder, name);
  const edit = new vscode.WorkspaceEdit();
  let uri: vscode.Uri;
  let key: string;
  if (found) {
    uri = found.uri;
    key = found.key;
    const text = (await readText(uri)) ?? '';
    const edits = templateIdEdits(text, key, templateId);
    if (!edits) return { problem: vscode.l10n.t('{0} is not a JSON object with a "templates" object, so the TemplateID {1} was not written to it. Add it by hand under "templates" → "{2}".', vscode.workspace.asRelativePath(uri), templateId, key) };
    const document = await vscode.workspace.openTextDocument(uri);
    for (const e of edits) edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
  } else {
    const root = vscode.workspace.getWorkspaceFolder(folder)?.uri ?? folder;
    uri = vscode.Uri.joinPath(root, 'ses.config.json');
    key = configKey(root.path, folder.path, name) ?? name;
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), `${JSON.stringify({ templates: { [key]: { templateId } } }, null, 2)}\n`);
  }
  // The user's own unsaved edits of the config are theirs to save; otherwise save ours at once.
  const wasDirty = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty);
  if (!(await vscode.workspace.applyEdit(edit))) return { problem: vscode.l10n.t('VS Code did not apply the edit of {0}.', vscode.workspace.asRelativePath(uri)) };
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document?.isDirty && !wasDirty) await document.save();
  return { uri };
}
