import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { inProcessClient, type TestClient } from './testClient';

// The checks about TemplateData; other checks (text part, wording) have their own tests.
const DATA_CHECKS = new Set(['missing-variable', 'unused-data-key']);
const dataFindings = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => DATA_CHECKS.has(String(d.code)));
const codes = (p: PublishDiagnosticsParams) => dataFindings(p).map((d) => String(d.code)).sort();

// A template whose data sets and ses.config.json are on disk, not open: the server reads them.
describe('templates with their data sets on disk', () => {
  let client: TestClient;
  let dir: string;
  const uri = (file: string) => pathToFileURL(path.join(dir, file)).toString();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-project-'));
    fs.writeFileSync(path.join(dir, 'welcome.ses.html'), '<p>Hi {{first_name}}, your code is {{code}}</p>');
    fs.writeFileSync(path.join(dir, 'welcome.data.json'), '{\n  "first_name": "Alex",\n  "unused": "x"\n}\n');
    fs.writeFileSync(path.join(dir, 'ses.config.json'), '{ "templates": { "welcome": { "subject": "Welcome {{first_name}} {{promo}}" } } }\n');
    client = inProcessClient();
    await client.initialize('en', pathToFileURL(dir).toString());
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a missing variable in the part and the subject, and an unused key in the closed data file', async () => {
    const dataDiagnostics = client.nextDiagnostics((p) => p.uri === uri('welcome.data.json'));
    const configDiagnostics = client.nextDiagnostics((p) => p.uri === uri('ses.config.json'));
    const part = await client.open(uri('welcome.ses.html'), fs.readFileSync(path.join(dir, 'welcome.ses.html'), 'utf8'));
    assert.deepEqual(codes(part), ['missing-variable']);
    assert.match(String(dataFindings(part)[0].message), /code/);
    assert.deepEqual(codes(await dataDiagnostics), ['unused-data-key']);
    const config = await configDiagnostics;
    assert.deepEqual(codes(config), ['missing-variable']);
    assert.match(String(dataFindings(config)[0].message), /promo/);
  });

  it('re-validates when a data file changes on disk', async () => {
    fs.writeFileSync(path.join(dir, 'welcome.data.json'), '{ "first_name": "Alex", "code": "1234", "promo": "x" }\n');
    const fixed = client.nextDiagnostics((p) => p.uri === uri('welcome.ses.html') && dataFindings(p).length === 0);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('welcome.data.json'), type: FileChangeType.Changed }] });
    await fixed;
  });

  it('uses the unsaved buffer of an open data file', async () => {
    const partBroken = client.nextDiagnostics((p) => p.uri === uri('welcome.ses.html') && codes(p).includes('missing-variable'));
    await client.open(uri('welcome.data.json'), '{ "first_name": "Alex", "promo": "x" }', 'json');
    const published = await partBroken;
    assert.match(String(dataFindings(published)[0].message), /code/);
  });
});
