import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, TextDocumentSyncKind } from 'vscode-languageserver-protocol/node';
import { inProcessClient, syntaxErrors, type TestClient } from './testClient';

describe('language server over LSP (in process)', () => {
  let client: TestClient;
  before(async () => {
    client = inProcessClient();
    const result = await client.initialize('en');
    assert.equal(result.capabilities.textDocumentSync, TextDocumentSyncKind.Incremental);
    assert.equal(result.serverInfo?.name, 'SES Template Studio');
  });
  after(() => client.shutdown());

  it('publishes a syntax error on open, at the right line and column', async () => {
    const uri = 'file:///w/welcome.ses.html';
    const published = await client.open(uri, '<p>Hello</p>\n<p>Hi {{first_name</p>\n');
    const diagnostics = syntaxErrors(published);
    assert.equal(diagnostics.length, 1);
    const [diagnostic] = diagnostics;
    assert.deepEqual(diagnostic.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 18 } });
    assert.equal(diagnostic.code, 'handlebars-syntax');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.match(String(diagnostic.message), /never closed/);
  });

  it('clears the diagnostic when the text is fixed, and reports a new one when broken again', async () => {
    const uri = 'file:///w/receipt.ses.txt';
    assert.equal(syntaxErrors(await client.open(uri, 'Order {{#if paid}}paid', 'ses-text')).length, 1);
    assert.deepEqual(syntaxErrors(await client.change(uri, 'Order {{#if paid}}paid{{/if}}')), []);
    const broken = await client.change(uri, 'Order {{#if paid}}paid{{/each}}');
    assert.match(String(syntaxErrors(broken)[0].message), /does not match the block `\{\{#if\}\}`/);
  });

  it('follows sesStudio.checks settings pulled from the client', async () => {
    const uri = 'file:///w/settings.ses.html';
    await client.open(uri, 'Hi {{name');
    const warned = client.nextDiagnostics((p) => p.uri === uri && syntaxErrors(p)[0]?.severity === DiagnosticSeverity.Warning);
    await client.setSettings({ checks: { 'handlebars-syntax': 'warning' } });
    assert.equal(syntaxErrors(await warned).length, 1);
    const off = client.nextDiagnostics((p) => p.uri === uri && syntaxErrors(p).length === 0);
    await client.setSettings({ checks: { 'handlebars-syntax': 'off' } });
    await off;
    await client.setSettings({});
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = 'file:///w/closing.ses.html';
    assert.equal(syntaxErrors(await client.open(uri, '{{#if a}}')).length, 1);
    assert.deepEqual((await client.close(uri)).diagnostics, []);
  });
});
