import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type RequestParam, type RequestType, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '#common/nodeFlags';
import { templateGlobs, templateSelector } from './templateFiles';

/** Owns the language client: start, restart (also when the template globs change), stop. */
export class TemplateServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  async start(): Promise<void> {
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS] } },
      debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
    };
    // Templates and data sets changed outside the editor (git checkout, another tool) re-validate.
    this.watcher?.dispose();
    this.watcher = vscode.workspace.createFileSystemWatcher('**/*.{json,html,htm,txt}');
    const clientOptions: LanguageClientOptions = {
      documentSelector: templateSelector(templateGlobs()),
      outputChannel: this.output,
      synchronize: { configurationSection: 'sesStudio', fileEvents: this.watcher },
    };
    const started = Date.now();
    this.client = new LanguageClient('sesStudio', 'SES Template Studio', serverOptions, clientOptions);
    await this.client.start();
    this.output.info(vscode.l10n.t('Language server started in {0} ms.', Date.now() - started));
  }

  /**
   * Sends a custom request (common/protocol.ts) through the running client, starting the
   * server first when it is not running (a request during startup waits for it).
   */
  async request<P, R>(type: RequestType<P, R, void>, params: RequestParam<P>): Promise<R> {
    if (!this.client) await this.start();
    else if (!this.client.isRunning()) await this.client.start();
    const client = this.client;
    if (!client) throw new Error('The SES language server is not running.');
    return client.sendRequest(type, params);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.isRunning()) await client.stop();
  }

  dispose(): void {
    this.watcher?.dispose();
    void this.stop();
  }
}
