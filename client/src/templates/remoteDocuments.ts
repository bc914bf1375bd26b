import * as vscode from 'vscode';
import { partFileName, type PartKind } from '#common/cloud/templateSync';

/**
 * The content of a template as Tencent Cloud stores it, as read-only virtual documents
 * (`ses-remote:/21001/order-confirmation.ses.html`): the left side of the push and pull diffs. The
 * path ends in the part's extension so that VS Code picks the language (and its highlighting).
 */
const SCHEME = 'ses-remote';
const contents = new Map<string, string>();
const changed = new vscode.EventEmitter<vscode.Uri>();

export function registerRemoteDocuments(): vscode.Disposable {
  return vscode.Disposable.from(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => contents.get(uri.toString()) ?? '',
    }),
  );
}

/** Stores `text` as the remote part and returns its URI; an open diff of it is refreshed. */
export function remoteDocument(templateId: number, baseName: string, kind: PartKind, text: string): vscode.Uri {
  const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${templateId}/${partFileName(baseName, kind)}` });
  const key = uri.toString();
  const update = contents.has(key) && contents.get(key) !== text;
  contents.set(key, text);
  if (update) changed.fire(uri);
  return uri;
}

/** Opens VS Code's diff: Tencent Cloud's text on the left, the local file on the right. */
export async function showDiff(remote: vscode.Uri, local: vscode.Uri, title: string): Promise<void> {
  await vscode.commands.executeCommand('vscode.diff', remote, local, title, { preview: false });
}
