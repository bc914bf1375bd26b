import * as vscode from 'vscode';
import type { TemplateServer } from '../templateServer';

export interface CommandContext {
  readonly server: TemplateServer;
  readonly output: vscode.LogOutputChannel;
}

/** Every command the manifest contributes, by id. Add a command here and in package.json. */
export const COMMANDS: Record<string, (context: CommandContext) => unknown> = {
  'sesStudio.showOutput': ({ output }) => output.show(),
  'sesStudio.restartServer': async ({ server, output }) => {
    await server.restart();
    output.info(vscode.l10n.t('Language server restarted.'));
  },
};
