import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { inProcessClient, type TestClient } from './testClient';

// A broken ses.config.json, as a new user writes it, gets diagnostics on the file itself over LSP:
// the server uses no JSON schema, and the file was read as if the broken parts were not there.
describe('language server: a broken ses.config.json (invalid-config)', () => {
  let client: TestClient;
  let dir: string;
  const uri = (file: string) => pathToFileURL(path.join(dir, file)).toString();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-config-'));
    fs.writeFileSync(path.join(dir, 'welcome.ses.html'), '<p>Hi {{name}}</p>');
    fs.writeFileSync(path.join(dir, 'welcome.data.json'), '{"name": "A"}');
    fs.writeFileSync(path.join(dir, 'ses.config.json'), '{}');
    client = inProcessClient();
    await client.initialize('en', pathToFileURL(dir).toString());
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opened alone, a config without "templates" is reported with "did you mean `templates`?"', async () => {
    const published = client.nextDiagnostics((p) => p.uri === uri('ses.config.json') && p.diagnostics.length > 0);
    await client.open(uri('ses.config.json'), '{\n  "welcome": { "subject": "Hi {{name}}" }\n}\n', 'json');
    const [diagnostic] = (await published).diagnostics;
    assert.equal(diagnostic.code, 'invalid-config');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.deepEqual(diagnostic.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 11 } });
    assert.match(String(diagnostic.message), /Did you mean `templates`\?/);
  });

  it('a missing comma: the syntax error at its line and column; fixed, the diagnostics clear', async () => {
    const broken = client.nextDiagnostics((p) => p.uri === uri('ses.config.json') && p.diagnostics.some((d) => /not valid JSON/.test(String(d.message))));
    void client.change(uri('ses.config.json'), '{\n  "templates": { "welcome": { "subject": "Hi" } }\n  "defaults": {}\n}\n');
    const [diagnostic] = (await broken).diagnostics;
    assert.match(String(diagnostic.message), /a comma is missing at line 3, column 3/);
    const cleared = client.nextDiagnostics((p) => p.uri === uri('ses.config.json') && p.diagnostics.length === 0);
    void client.change(uri('ses.config.json'), '{ "templates": { "welcome": { "subject": "Hi" } } }\n');
    await cleared;
  });

  it('"triggerType": "Marketing": the allowed values', async () => {
    const published = client.nextDiagnostics((p) => p.uri === uri('ses.config.json') && p.diagnostics.length > 0);
    void client.change(uri('ses.config.json'), '{ "templates": { "welcome": { "subject": "Hi", "triggerType": "Marketing" } } }\n');
    assert.match(String((await published).diagnostics[0].message), /`Marketing` is not a value of `triggerType`, so it is ignored\. Did you mean `marketing`\?/);
  });
});
