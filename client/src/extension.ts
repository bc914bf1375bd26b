import * as vscode from 'vscode';
import { activateAccount } from './account';
import { createApiServices } from './api';
import { COMMANDS } from './commands';
import { activateOnlineDiagnostics } from './online/onlineDiagnostics';
import { EmailPreview } from './preview/previewPanel';
import { activateTemplates } from './templates';
import { adoptTemplateLanguage, templateGlobs } from './templateFiles';
import { TemplateServer } from './templateServer';

let server: TemplateServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activationStarted = Date.now();
  const output = vscode.window.createOutputChannel('SES Template Studio', { log: true });
  const templateServer = new TemplateServer(context, output);
  server = templateServer;
  context.subscriptions.push(output);
  const api = createApiServices(context, output);
  // The remote documents of the push/pull diffs and the review status bar item.
  context.subscriptions.push(activateTemplates({ server: templateServer, output, credentials: api.credentials }));
  // The SES view in the activity bar: the account's templates, senders and blocklist.
  context.subscriptions.push(activateAccount({ server: templateServer, output, credentials: api.credentials }));
  // The findings of "Check Images and Links Online", kept apart from the language server's.
  context.subscriptions.push(activateOnlineDiagnostics());
  // Preview panels open when the window was reloaded come back with their template.
  context.subscriptions.push(EmailPreview.registerSerializer(context.extensionUri, output));

  for (const [id, run] of Object.entries(COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => run({ server: templateServer, output, api, extensionUri: context.extensionUri }, ...args)));
  }

  const adopt = (document: vscode.TextDocument) =>
    adoptTemplateLanguage(document, templateGlobs()).catch((error: unknown) => output.error(String(error)));
  vscode.workspace.textDocuments.forEach(adopt);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(adopt),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('sesStudio.templateGlobs')) return;
      vscode.workspace.textDocuments.forEach(adopt);
      await templateServer.restart();
    }),
  );

  // VS Code's HTML language features serve `ses-html` (package.json `htmlLanguageParticipants`), but that
  // extension activates only on `html` and `handlebars` documents: wake it for our templates too.
  void vscode.extensions.getExtension('vscode.html-language-features')?.activate();

  output.info(vscode.l10n.t('SES Template Studio activated in {0} ms.', Date.now() - activationStarted));
  try {
    await templateServer.start();
  } catch (error) {
    output.error(vscode.l10n.t('The language server could not start: {0}', String(error)));
    void vscode.window.showErrorMessage(vscode.l10n.t('SES Template Studio: the language server could not start. See the output channel for details.'));
  }
}

export function deactivate(): Promise<void> | undefined {
  return server?.stop();
}
