import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResponseError, type Connection } from 'vscode-languageserver';
import { FEATURE_CAPABILITIES, registerFeatureHandlers } from '../../server/src/featureHandlers';
import type { TemplateProject } from '../../server/src/service/project/templateProject';
import { marked } from './features/fixtures';

type Handler = (params: unknown, ...rest: unknown[]) => Promise<unknown>;

/** A stand-in for the LSP connection that records the registered handlers by method name. */
function fakeConnection() {
  const handlers = new Map<string, Handler>();
  const methods = ['onCompletion', 'onHover', 'onDefinition', 'onReferences', 'onDocumentHighlight', 'onPrepareRename', 'onRenameRequest', 'onCodeAction', 'onDocumentSymbol'];
  const connection = Object.fromEntries(methods.map((m) => [m, (handler: Handler) => void handlers.set(m, handler)]));
  return { connection: connection as unknown as Connection, handlers };
}

function setup(projectFor: (uri: string) => Promise<TemplateProject | undefined>, linkSupport?: boolean) {
  const { connection, handlers } = fakeConnection();
  const errors: string[] = [];
  registerFeatureHandlers(connection, {
    projectFor,
    log: { error: (message) => errors.push(message) },
    clientCapabilities: () => (linkSupport === undefined ? undefined : { textDocument: { definition: { linkSupport } } }),
  });
  const call = (method: string, params: unknown) => handlers.get(method)!(params, undefined, undefined, undefined);
  return { handlers, errors, call };
}

describe('featureHandlers', () => {
  const fixture = marked({ 'welcome.ses.html': '<p>Hello {{na‸me}}, your code is {{code}}.</p>' });
  const at = { textDocument: { uri: fixture.uri }, position: fixture.position };

  it('registers every feature', () => {
    const { handlers } = setup(async () => fixture.project);
    assert.equal(handlers.size, 9);
  });

  it('declares the capabilities of the handlers', () => {
    assert.deepEqual(FEATURE_CAPABILITIES.completionProvider.triggerCharacters, ['{', '"']);
    assert.deepEqual(FEATURE_CAPABILITIES.renameProvider, { prepareProvider: true });
    assert.deepEqual(FEATURE_CAPABILITIES.codeActionProvider.codeActionKinds, ['quickfix', 'refactor.rewrite', 'source.fixAll']);
    for (const key of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentHighlightProvider', 'documentSymbolProvider'] as const) assert.equal(FEATURE_CAPABILITIES[key], true);
  });

  it('answers from the project of the document', async () => {
    const { call } = setup(async () => fixture.project);
    assert.ok(await call('onHover', at));
    assert.equal((await call('onReferences', { ...at, context: { includeDeclaration: true } }) as unknown[]).length, 5);
    assert.equal((await call('onDocumentSymbol', { textDocument: at.textDocument }) as unknown[]).length, 2);
    assert.deepEqual(Object.keys((await call('onRenameRequest', { ...at, newName: 'who' }) as { changes: object }).changes).length, 5);
    const list = await call('onCompletion', at) as { items: Array<{ label: string }> };
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['code', 'name', 'unused']);
  });

  it('answers links, or locations to clients without link support', async () => {
    const links = await setup(async () => fixture.project).call('onDefinition', at) as Array<{ targetUri: string }>;
    assert.equal(links[0].targetUri, 'file:///w/welcome.data.json');
    const locations = await setup(async () => fixture.project, false).call('onDefinition', at) as Array<{ uri: string }>;
    assert.deepEqual(locations.map((l) => l.uri), ['file:///w/welcome.data.json', 'file:///w/welcome.data.zh.json']);
  });

  it('answers a refused rename with a request error carrying the message', async () => {
    const { call } = setup(async () => fixture.project);
    const refused = await call('onPrepareRename', { ...at, position: { line: 0, character: 1 } });
    assert.ok(refused instanceof ResponseError);
    assert.equal(refused.message, 'Only template variables and data keys can be renamed.');
    const invalid = await call('onRenameRequest', { ...at, newName: 'a b' });
    assert.ok(invalid instanceof ResponseError);
  });

  it('answers null for documents outside any template', async () => {
    const { call } = setup(async () => undefined);
    for (const method of ['onHover', 'onCompletion', 'onDefinition', 'onDocumentHighlight', 'onPrepareRename']) assert.equal(await call(method, at), null, method);
  });

  it('logs a failure and answers the fallback', async () => {
    const { call, errors } = setup(async () => {
      throw new Error('index broken');
    });
    assert.equal(await call('onHover', at), null);
    assert.match(errors[0], /^hover failed: Error: index broken/);
  });
});
