import * as vscode from 'vscode';
import type { TemplateServer } from '../templateServer';
import { explainErrorCode } from './explainErrorCode';
import { openFaq } from './openFaq';

export interface CommandContext {
  readonly server: TemplateServer;
  readonly output: vscode.LogOutputChannel;
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
};
