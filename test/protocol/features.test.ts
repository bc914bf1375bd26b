import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  HoverRequest,
  ReferencesRequest,
  RenameRequest,
  type CompletionItem,
  type CompletionList,
  type Location,
  type LocationLink,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { inProcessClient, type TestClient } from './testClient';

// The editor features through the real server: files on disk, the project index, the wiring.
describe('editor features through the real server', () => {
  let client: TestClient;
  let dir: string;
  const uri = (file: string) => pathToFileURL(path.join(dir, file)).toString();
  const html = '<p>Hi {{first_name}}, code {{code}}</p>\n<p></p>\n';
  const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-features-'));
    write('welcome.ses.html', html);
    write('welcome.ses.txt', 'Hi {{first_name}}\n');
    write('welcome.data.json', '{\n  "first_name": "Alex",\n  "code": "1234"\n}\n');
    write('welcome.data.zh.json', '{\n  "first_name": "小明"\n}\n');
    write('other.ses.html', '<p>{{first_name}}</p>');
    write('other.data.json', '{ "first_name": "Bo" }');
    write('ses.config.json', '{ "templates": { "welcome": { "subject": "Welcome {{first_name}}" } } }\n');
    client = inProcessClient();
    await client.initialize('en', pathToFileURL(dir).toString());
    await client.open(uri('welcome.ses.html'), html);
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const at = (line: number, character: number) => ({ line, character });

  it('completes data keys after {{, with sample values', async () => {
    await client.change(uri('welcome.ses.html'), html.replace('<p></p>', '<p>{{</p>'));
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri('welcome.ses.html') }, position: at(1, 5) });
    const items = (Array.isArray(result) ? result : (result as CompletionList).items) as CompletionItem[];
    const firstName = items.find((i) => i.label === 'first_name');
    assert.ok(firstName, JSON.stringify(items.map((i) => i.label)));
    assert.ok(items.some((i) => i.label === 'code'));
    assert.match(JSON.stringify(firstName), /Alex/);
    await client.change(uri('welcome.ses.html'), html);
  });

  it('hovers a variable with its value in each data set', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('welcome.ses.html') }, position: at(0, 10) });
    const text = (hover?.contents as MarkupContent).value;
    assert.match(text, /Alex/);
    assert.match(text, /小明/);
  });

  it('goes to the key in each data set', async () => {
    const result = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri('welcome.ses.html') }, position: at(0, 10) })) as Array<Location | LocationLink>;
    const targets = result.map((r) => ('targetUri' in r ? r.targetUri : r.uri)).sort();
    assert.deepEqual(targets, [uri('welcome.data.json'), uri('welcome.data.zh.json')].sort());
  });

  it('finds every use of a data key: both parts and the subject', async () => {
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri('welcome.ses.html') }, position: at(0, 10), context: { includeDeclaration: false } })) ?? [];
    assert.deepEqual([...new Set(refs.map((r) => r.uri))].sort(), [uri('welcome.ses.html'), uri('welcome.ses.txt'), uri('ses.config.json')].sort());
  });

  it('renames across parts, subject and every data set in one edit, leaving other templates alone', async () => {
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri('welcome.ses.html') }, position: at(0, 10), newName: 'given_name' });
    const touched = Object.keys(edit?.changes ?? {}).sort();
    assert.deepEqual(touched, [uri('welcome.ses.html'), uri('welcome.ses.txt'), uri('welcome.data.json'), uri('welcome.data.zh.json'), uri('ses.config.json')].sort());
    for (const edits of Object.values(edit!.changes!)) for (const e of edits) assert.equal(e.newText.replace(/"/g, ''), 'given_name');
  });

  it('offers a quick fix that adds a missing key to the data set lacking it', async () => {
    const published = await client.change(uri('welcome.ses.html'), '<p>Hi {{first_name}}, code {{code}}</p>\n');
    const missing = published.diagnostics.find((d) => d.code === 'missing-variable');
    assert.ok(missing, JSON.stringify(published.diagnostics));
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri('welcome.ses.html') }, range: missing.range, context: { diagnostics: [missing] } });
    const fix = actions?.find((a) => 'title' in a && a.title === 'Add the key "code" to welcome.data.zh.json');
    assert.ok(fix && 'edit' in fix && fix.edit?.changes?.[uri('welcome.data.zh.json')], JSON.stringify(actions));
  });

  it('re-checks only the template whose data file changed', async () => {
    await client.open(uri('other.ses.html'), '<p>{{first_name}}</p>');
    await client.open(uri('welcome.data.zh.json'), fs.readFileSync(path.join(dir, 'welcome.data.zh.json'), 'utf8'), 'json');
    const from = client.published.length;
    const fixed = client.nextDiagnostics((p) => p.uri === uri('welcome.ses.html') && !p.diagnostics.some((d) => d.code === 'missing-variable'));
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri('welcome.data.zh.json'), version: 2 }, contentChanges: [{ text: '{ "first_name": "小明", "code": "5678" }' }] });
    await fixed;
    const seen = client.published.slice(from).map((p) => p.uri);
    assert.ok(!seen.includes(uri('other.ses.html')), `other template re-published: ${seen.join(', ')}`);
  });
});
