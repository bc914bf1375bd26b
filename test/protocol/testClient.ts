import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  createProtocolConnection,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { SERVER_NODE_FLAGS } from '../../common/nodeFlags';
import { startServer, type ServerHandle } from '../../server/src/startServer';
import { loadServerL10n } from '../../server/src/serverL10n';

/** The diagnostics of the Handlebars syntax check, whatever other checks report. */
export function syntaxErrors(published: PublishDiagnosticsParams) {
  return published.diagnostics.filter((d) => d.code === 'handlebars-syntax');
}

export const REPO_ROOT = path.join(__dirname, '..', '..', '..');

/**
 * A real LSP client connection to a real server, with the waits a test needs. Settings answered to
 * `workspace/configuration` can be changed with `setSettings`.
 */
export class TestClient {
  /** Every publishDiagnostics notification received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: Array<{ match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  private settings: unknown = {};
  private readonly versions = new Map<string, number>();
  readonly logs: string[] = [];
  /** The server's own handle, when it runs in this process. */
  server?: ServerHandle;

  /**
   * `inProcess`: the server shares this process, so the client neither gives it a process id to
   * watch nor sends `exit` (the server answers `exit` with process.exit).
   */
  constructor(readonly connection: ProtocolConnection, private readonly inProcess: boolean, private readonly onDispose: () => void) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    connection.listen();
  }

  async initialize(locale = 'en', workspaceFolder?: string): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: this.inProcess ? null : process.pid,
      rootUri: workspaceFolder ?? null,
      locale,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      workspaceFolders: workspaceFolder ? [{ uri: workspaceFolder, name: 'workspace' }] : null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  setSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /**
   * Opens a document and resolves with the diagnostics published for that version (waiting at most
   * `timeoutMs`; Infinity: as long as it takes, for inputs whose time is another test's business).
   */
  open(uri: string, text: string, languageId = 'ses-html', timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    this.versions.set(uri, 1);
    const published = this.nextDiagnostics((p) => p.uri === uri && p.version === 1, timeoutMs);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return published;
  }

  /** Replaces the whole text and resolves with the diagnostics published for the new version. */
  change(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.diagnosticsFor(uri, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return published;
  }

  close(uri: string): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics((p) => p.uri === uri && p.diagnostics.length === 0);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return published;
  }

  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.nextDiagnostics((p) => p.uri === uri && p.version === version);
  }

  nextDiagnostics(match: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = timeoutMs === Infinity ? undefined : setTimeout(() => reject(new Error(`no matching diagnostics within ${timeoutMs} ms; last published: ${JSON.stringify(this.published.slice(-10).map((p) => ({ uri: p.uri, version: p.version, n: p.diagnostics.length })))}`)), timeoutMs);
      this.waiters.push({ match, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    if (!this.inProcess) await this.connection.sendNotification(ExitNotification.type);
    this.onDispose();
  }
}

/** The real server started in this process, over two in-memory streams. */
export function inProcessClient(): TestClient {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const server = startServer(serverConnection, { loadL10n: (locale) => loadServerL10n(locale, path.join(REPO_ROOT, 'l10n')) });
  serverConnection.listen();
  const clientConnection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const client = new TestClient(clientConnection, true, () => {
    clientConnection.dispose();
    serverConnection.dispose();
  });
  client.server = server;
  return client;
}

/** The built bundle as an editor starts it: `node dist/server.js --stdio`. */
export function stdioClient(extraNodeArgs: string[] = []): { client: TestClient; child: ChildProcess; exited: Promise<number | null> } {
  // The same Node flags as the extension's client uses when it starts the server.
  const args = [...SERVER_NODE_FLAGS, ...extraNodeArgs, path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  return { client: new TestClient(connection, false, () => connection.dispose()), child, exited };
}
