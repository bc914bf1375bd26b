import * as vscode from 'vscode';
import { accountCommands } from '../account';
import type { ApiServices } from '../api';
import { checkBlocklist } from '../api/checkBlocklist';
import { setCredentials, signOut } from '../api/credentialCommands';
import { checkDeliveryStatus } from '../api/deliveryStatus';
import { sendTestEmail } from '../api/sendTestEmail';
import { newTemplate } from '../newTemplate/newTemplate';
import { checkUrlsOnline } from '../online/checkUrlsOnline';
import { templateCommands } from '../templates';
import { preflightCheck } from '../preflight/preflightCheck';
import { openPreview } from '../preview/openPreview';
import type { TemplateServer } from '../templateServer';
import { explainErrorCode } from './explainErrorCode';
import { inlineCss } from './inlineCss';
import { openFaq } from './openFaq';
import { quickFixProblem } from './quickFixProblem';
import { spamScoreCommand } from '../spam/spamScoreCommand';

export interface CommandContext {
  readonly server: TemplateServer;
  readonly output: vscode.LogOutputChannel;
  /** Credentials and remembered recipients of the Tencent Cloud API commands. */
  readonly api: ApiServices;
  /** The extension's folder (the preview's webview loads media/preview from it). */
  readonly extensionUri: vscode.Uri;
}

/**
 * Every command the manifest contributes, by id. Add a command here and in package.json. `args` are
 * the arguments of a programmatic call (`vscode.commands.executeCommand(id, ...args)`).
 */
export const COMMANDS: Record<string, (context: CommandContext, ...args: unknown[]) => unknown> = {
  'sesStudio.showOutput': ({ output }) => output.show(),
  'sesStudio.restartServer': async ({ server, output }) => {
    await server.restart();
    output.info(vscode.l10n.t('Language server restarted.'));
  },
  'sesStudio.explainErrorCode': (context, code) => explainErrorCode(context, code),
  'sesStudio.openFaq': (context, topic) => openFaq(context, topic),
  // Tencent Cloud API (client/src/api): programmatic calls may pass addresses, a MessageId, days.
  'sesStudio.setCredentials': ({ api, output }) => setCredentials(api.credentials, output),
  'sesStudio.signOut': ({ api, output }) => signOut(api.credentials, output),
  'sesStudio.sendTestEmail': ({ server, output, api }, dataSet) => sendTestEmail({ server, output, credentials: api.credentials }, api.recipients, dataSet),
  'sesStudio.checkBlocklist': ({ server, output, api }, addresses, days) => checkBlocklist({ server, output, credentials: api.credentials }, addresses, days),
  'sesStudio.preflightCheck': ({ server, output, api }, recipients, dataSet) => preflightCheck({ server, output, credentials: api.credentials }, api.recipients, recipients, dataSet),
  'sesStudio.checkDeliveryStatus': ({ server, output, api }, messageId, date) => checkDeliveryStatus({ server, output, credentials: api.credentials }, messageId, date),
  // Templates in Tencent Cloud (client/src/templates): a programmatic pull may pass a TemplateID.
  'sesStudio.pushTemplate': ({ server, output, api }) => templateCommands.push({ server, output, credentials: api.credentials }),
  'sesStudio.pullTemplate': ({ server, output, api }, templateId) => templateCommands.pull({ server, output, credentials: api.credentials }, templateId),
  'sesStudio.showTemplateStatus': ({ server, output, api }) => templateCommands.status({ server, output, credentials: api.credentials }),
  // The template's image and link URLs fetched (client/src/online); a programmatic call may pass the template's URI.
  'sesStudio.checkUrlsOnline': ({ output }, uri) => checkUrlsOnline(output, uri),
  // The preview of the active template; the editor-title button passes the file's URI.
  'sesStudio.openPreview': ({ extensionUri, output }, uri) => openPreview(extensionUri, output, false, uri),
  'sesStudio.openPreviewToSide': ({ extensionUri, output }, uri) => openPreview(extensionUri, output, true, uri),
  // A new template from a starter (client/src/newTemplate); Explorer's context menu passes the folder's URI.
  'sesStudio.newTemplate': ({ extensionUri, output }, folder) => newTemplate(extensionUri, output, folder),
  // The SES view (client/src/account): its trees pass the clicked item; code may pass an address or a number of days.
  'sesStudio.account.refreshTemplates': () => accountCommands.refreshTemplates(),
  'sesStudio.account.refreshSenders': () => accountCommands.refreshSenders(),
  'sesStudio.account.refreshBlocklist': () => accountCommands.refreshBlocklist(),
  'sesStudio.account.searchBlocklist': (_context, search) => accountCommands.searchBlocklist(search),
  'sesStudio.account.clearBlocklistSearch': () => accountCommands.clearBlocklistSearch(),
  'sesStudio.account.blocklistPeriod': (_context, days) => accountCommands.blocklistPeriod(days),
  'sesStudio.account.removeFromBlocklist': ({ server, output, api }, item) => accountCommands.removeFromBlocklist({ server, output, credentials: api.credentials }, item),
  'sesStudio.account.openRemoteTemplate': ({ server, output, api }, item) => accountCommands.openRemoteTemplate({ server, output, credentials: api.credentials }, item),
  'sesStudio.account.diffRemoteTemplate': ({ server, output, api }, item) => accountCommands.diffRemoteTemplate({ server, output, credentials: api.credentials }, item),
  'sesStudio.account.pullRemoteTemplate': (_context, item) => accountCommands.pullRemoteTemplate(item),
  'sesStudio.account.pushLinkedTemplate': (_context, item) => accountCommands.pushLinkedTemplate(item),
  // The Sending health webview (client/src/health); a domain row of the Senders tree, or a domain name, preselects it.
  'sesStudio.account.openHealth': ({ server, output, api, extensionUri }, item) => accountCommands.openHealth(extensionUri, { server, output, credentials: api.credentials }, api.warmupPlans, item),
  // Goes to a finding with a quick fix and opens the quick fix menu there (the walkthrough's Quick Fix step).
  'sesStudio.quickFixProblem': () => quickFixProblem(),
  // The active template scored by the local SpamAssassin (client/src/spam); a programmatic call may name the data set.
  'sesStudio.spamScore': ({ output }, dataSet) => spamScoreCommand(output, dataSet),
  // The active HTML template's <style> rules inlined with juice, loaded on first use (dist/inlineCss.js);
  // the quick fix "Inline the <style> rules" (server quickFixes.ts) names the template's URI.
  'sesStudio.inlineCss': ({ extensionUri, output }, uri) => inlineCss(extensionUri, output, uri),
};
