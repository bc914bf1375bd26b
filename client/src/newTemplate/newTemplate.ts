import * as vscode from 'vscode';
import { findConfig, readText } from '../api/templateContext';
import { configTemplateKeys, newConfigText, newEntryEdits } from './configEntry';
import { defaultStarterLanguage, starterFiles, STARTERS, type Starter, type StarterId, type StarterLanguage } from './starters';
import { MAX_NEW_NAME, newTemplateNameProblem, suggestName, type NewNameProblem } from './templateName';

/** The gallery's labels, in the editor's language (the starters' content is in the language picked). */
function starterLabel(id: StarterId): { label: string; detail: string } {
  switch (id) {
    case 'verification-code': return { label: vscode.l10n.t('Verification code'), detail: vscode.l10n.t('A one-time code to confirm an email address or a sign-in.') };
    case 'order-receipt': return { label: vscode.l10n.t('Order receipt'), detail: vscode.l10n.t('Order number, date and total, with a button to the order.') };
    case 'password-reset': return { label: vscode.l10n.t('Password reset'), detail: vscode.l10n.t('A reset link that expires, and what to do when the request was not yours.') };
    case 'welcome': return { label: vscode.l10n.t('Welcome'), detail: vscode.l10n.t('The first email after sign-up, with a button to the account.') };
    case 'newsletter': return { label: vscode.l10n.t('Newsletter'), detail: vscode.l10n.t('A monthly newsletter with an image, articles and an unsubscribe link.') };
    case 'event-invitation': return { label: vscode.l10n.t('Event invitation'), detail: vscode.l10n.t('Date, place and a reply button, with an unsubscribe link.') };
  }
}

const triggerLabel = (starter: Starter) => (starter.triggerType === 'marketing' ? vscode.l10n.t('marketing') : vscode.l10n.t('transactional'));

function nameProblemMessage(problem: NewNameProblem, name: string): string {
  switch (problem) {
    case 'empty': return vscode.l10n.t('Type a name for the template.');
    case 'tooLong': return vscode.l10n.t('The name is too long: at most {0} characters.', MAX_NEW_NAME);
    case 'characters': return vscode.l10n.t('Use only letters, digits, "-" and "_", starting with a letter or digit (the name becomes file names).');
    case 'reserved': return vscode.l10n.t('"{0}" is a device name on Windows and cannot be a file name.', name);
    case 'exists': return vscode.l10n.t('A template "{0}" already exists here (its files or its entry in ses.config.json). Choose another name.', name);
  }
}

/** The folder for the new template: the command's argument (Explorer), the active file's folder, the workspace folder, or a pick. */
async function targetFolder(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri && arg.scheme === 'file') {
    const stat = await Promise.resolve(vscode.workspace.fs.stat(arg)).catch(() => undefined);
    if (stat) return stat.type & vscode.FileType.Directory ? arg : vscode.Uri.joinPath(arg, '..');
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active)) return vscode.Uri.joinPath(active, '..');
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder for the new template') }))?.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: vscode.l10n.t('Create the template here') });
  return picked?.[0];
}

async function pickStarter(): Promise<Starter | undefined> {
  type Item = vscode.QuickPickItem & { starter: Starter };
  const items: Item[] = STARTERS.map((starter) => ({ ...starterLabel(starter.id), description: triggerLabel(starter), starter }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New SES template'), placeHolder: vscode.l10n.t('Start from…'), matchOnDetail: true });
  return picked?.starter;
}

async function pickLanguage(): Promise<StarterLanguage | undefined> {
  type Item = vscode.QuickPickItem & { language: StarterLanguage };
  const english: Item = { label: 'English', language: 'en' };
  const chinese: Item = { label: '简体中文', description: 'Simplified Chinese', language: 'zh-cn' };
  // The editor's language first, so Enter takes it.
  const items = defaultStarterLanguage(vscode.env.language) === 'zh-cn' ? [chinese, english] : [english, chinese];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New SES template'), placeHolder: vscode.l10n.t('Language of the email') });
  return picked?.language;
}

async function listFiles(folder: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
  } catch {
    return [];
  }
}

/**
 * SES: New Template. Picks a starter and its language, asks for a name, then creates
 * `<name>.ses.html`, `<name>.ses.txt` and `<name>.data.json` and adds the `templates` entry (subject,
 * triggerType) to the nearest ses.config.json, or creates one, in one WorkspaceEdit; opens the HTML
 * part. Nothing existing is overwritten. `arg`: a folder or file URI (Explorer's context menu).
 */
export async function newTemplate(extensionUri: vscode.Uri, output: vscode.LogOutputChannel, arg?: unknown): Promise<vscode.Uri | undefined> {
  const starter = await pickStarter();
  if (!starter) return undefined;
  const language = await pickLanguage();
  if (!language) return undefined;
  const folder = await targetFolder(arg);
  if (!folder) return undefined;

  // Where the entry goes: the nearest ses.config.json above the folder (its key then has the folder's path).
  const config = await findConfig(folder, '_');
  const prefix = config ? config.key.slice(0, -1) : '';
  const configText = config ? ((await readText(config.uri)) ?? '') : undefined;
  const taken = async () => ({
    files: await listFiles(folder),
    configKeys: configTemplateKeys((config && (await readText(config.uri))) ?? '').filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)),
  });
  const before = await taken();
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('New SES template'),
    prompt: vscode.l10n.t('Name of the template: its files are <name>.ses.html, <name>.ses.txt and <name>.data.json in {0}', vscode.workspace.asRelativePath(folder)),
    value: suggestName(starter.id, before),
    validateInput: (value) => {
      const problem = newTemplateNameProblem(value, before);
      return problem ? nameProblemMessage(problem, value) : undefined;
    },
  });
  if (name === undefined) return undefined;
  // Checked again: a file may have appeared while the input box was open.
  const problem = newTemplateNameProblem(name, await taken());
  if (problem) {
    void vscode.window.showErrorMessage(nameProblemMessage(problem, name));
    return undefined;
  }

  const edit = new vscode.WorkspaceEdit();
  let htmlUri: vscode.Uri | undefined;
  for (const { source, suffix } of starterFiles(starter.id, language)) {
    const target = vscode.Uri.joinPath(folder, `${name}${suffix}`);
    if (suffix === '.ses.html') htmlUri = target;
    let contents: Uint8Array;
    try {
      contents = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'starters', source));
    } catch (error) {
      output.error(`New Template: ${source}: ${String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('The starter file {0} is missing from the extension; reinstall it.', source));
      return undefined;
    }
    edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents });
  }
  const entry = { subject: starter.subject[language], triggerType: starter.triggerType };
  const key = prefix + name;
  let configUri: vscode.Uri;
  if (config && configText !== undefined) {
    configUri = config.uri;
    const edits = newEntryEdits(configText, key, entry);
    if (!edits) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a JSON object with a "templates" object, or already has "{1}": nothing was created. Fix the file, or choose another name.', vscode.workspace.asRelativePath(config.uri), key));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(config.uri);
    for (const e of edits) edit.replace(config.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
  } else {
    const root = vscode.workspace.getWorkspaceFolder(folder)?.uri ?? folder;
    configUri = vscode.Uri.joinPath(root, 'ses.config.json');
    const rootKey = folder.path.startsWith(`${root.path.replace(/\/$/, '')}/`) ? `${folder.path.slice(root.path.replace(/\/$/, '').length + 1)}/${name}` : name;
    edit.createFile(configUri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(newConfigText(rootKey, entry)) });
  }
  const wasDirty = vscode.workspace.textDocuments.some((d) => d.uri.toString() === configUri.toString() && d.isDirty);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('VS Code did not create the template "{0}": a file may already exist. Nothing was overwritten.', name));
    return undefined;
  }
  // The user's own unsaved edits of the config stay theirs to save; ours is saved at once.
  const configDocument = vscode.workspace.textDocuments.find((d) => d.uri.toString() === configUri.toString());
  if (configDocument?.isDirty && !wasDirty) await configDocument.save();
  output.info(vscode.l10n.t('New template "{0}" from the starter "{1}" in {2}.', name, starter.id, vscode.workspace.asRelativePath(folder)));
  if (htmlUri) await vscode.window.showTextDocument(htmlUri);
  return htmlUri;
}
