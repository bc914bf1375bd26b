import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  InitializeRequest,
  PrepareRenameRequest,
  RenameRequest,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { FEATURE_CAPABILITIES, registerFeatureHandlers } from '../../server/src/featureHandlers';
import { marked } from '../unit/features/fixtures';

// The feature handlers alone over a real JSON-RPC connection: the answers survive serialisation,
// and a refused rename reaches the client as an error with its message.
describe('feature handlers over LSP', () => {
  const fixture = marked({ 'welcome.ses.html': '<p>Hello {{na‸me}}, your code is {{«code»}}.</p>' });
  let client: ProtocolConnection;
  let dispose: () => void;

  before(async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    server.onInitialize(() => ({ capabilities: { ...FEATURE_CAPABILITIES } }));
    registerFeatureHandlers(server, { projectFor: async () => fixture.project, log: { error: () => undefined } });
    server.listen();
    client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.listen();
    dispose = () => {
      client.dispose();
      server.dispose();
    };
    const result = await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
    assert.deepEqual(result.capabilities.renameProvider, { prepareProvider: true });
  });
  after(() => dispose());

  const at = () => ({ textDocument: { uri: fixture.uri }, position: fixture.position });

  it('answers completion and hover', async () => {
    const list = await client.sendRequest(CompletionRequest.type, at());
    assert.ok(list && !Array.isArray(list));
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['code', 'name', 'unused']);
    const hover = await client.sendRequest(HoverRequest.type, at());
    assert.match(JSON.stringify(hover?.contents), /default\*\*: Alex/);
  });

  it('answers rename with one edit of every file', async () => {
    const edit = await client.sendRequest(RenameRequest.type, { ...at(), newName: 'who' });
    assert.equal(Object.keys(edit?.changes ?? {}).length, 5);
  });

  it('refuses prepareRename off a variable with an error message', async () => {
    await assert.rejects(
      client.sendRequest(PrepareRenameRequest.type, { ...at(), position: { line: 0, character: 1 } }),
      (error: unknown) => error instanceof ResponseError && error.message === 'Only template variables and data keys can be renamed.',
    );
  });

  it('answers code actions for a diagnostic', async () => {
    const range = fixture.ranges('welcome.ses.html')[0];
    const actions = await client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: fixture.uri },
      range,
      context: { diagnostics: [{ range, message: 'x', code: 'missing-variable' }] },
    });
    assert.deepEqual(actions?.map((a) => a.title), ['Add the key "code" to welcome.data.zh.json']);
  });
});
