import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import type { RetainedState } from '../../server/src/startServer';
import { inProcessClient, type TestClient } from './testClient';

// The server kept ~0.4 KB for every template folder opened and closed (+4 MB per 10,000): the settings
// read for the folder, the template's last published URIs, the folder's listing and every file looked
// for or read from disk (data sets, ses.config.json up the tree). Here, many folders are opened and
// closed and the per-folder state is counted: it must come back to where it started, not grow with
// the number of folders.

const FOLDERS = 120;
const missing = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'missing-variable').map((d) => String(d.message));
const NOTHING: RetainedState = { settingsFolders: 0, publishedTemplates: 0, lastDiagnostics: 0, pendingValidations: 0, filesRead: 0, listings: 0 };

describe('per-folder state is released when a folder\'s last document closes', () => {
  let client: TestClient;
  let dir: string;
  const uri = (file: string) => pathToFileURL(path.join(dir, file)).toString();
  const html = (i: number) => `<p>Hi {{name}}, order {{order_${i}}}</p>`;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-folders-'));
    fs.writeFileSync(path.join(dir, 'ses.config.json'), '{ "templates": {} }\n');
    for (let i = 0; i < FOLDERS; i++) {
      fs.mkdirSync(path.join(dir, `f${i}`, 'mail'), { recursive: true });
      fs.writeFileSync(path.join(dir, `f${i}`, 'mail', 'welcome.ses.html'), html(i));
      fs.writeFileSync(path.join(dir, `f${i}`, 'mail', 'welcome.data.json'), '{ "name": "Ann" }\n');
    }
    client = inProcessClient();
    await client.initialize('en', pathToFileURL(dir).toString());
    await client.setSettings({});
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Opens folder i's template (its data set read from disk), checks its findings, closes it. */
  async function visit(i: number): Promise<void> {
    const file = uri(`f${i}/mail/welcome.ses.html`);
    const opened = await client.open(file, html(i));
    assert.deepEqual(missing(opened).length, 1, `f${i}: the data set on disk was read`);
    assert.match(missing(opened)[0], new RegExp(`order_${i}`));
    await client.close(file);
    await client.server!.settled();
  }

  it('keeps nothing per folder once every folder is closed, however many were visited', async () => {
    await visit(0);
    const afterOne = client.server!.retained();
    for (let i = 1; i < FOLDERS; i++) await visit(i);
    const afterAll = client.server!.retained();
    assert.deepEqual(afterAll, afterOne, `after 1 folder: ${JSON.stringify(afterOne)}; after ${FOLDERS}: ${JSON.stringify(afterAll)}`);
    assert.deepEqual(afterAll, NOTHING);
  });

  it('keeps the state of a folder still open, and reads a closed folder again when it is reopened', async () => {
    const kept = uri('f0/mail/welcome.ses.html');
    await client.open(kept, html(0));
    await client.server!.settled();
    const oneOpen = client.server!.retained();
    assert.ok(oneOpen.filesRead > 0 && oneOpen.listings > 0 && oneOpen.settingsFolders === 1, JSON.stringify(oneOpen));
    for (let i = 1; i < 40; i++) await visit(i);
    assert.deepEqual(client.server!.retained(), oneOpen, 'only the open folder\'s state');
    // The open template still sees its data set after the others' were dropped.
    const changed = await client.change(kept, '<p>Hi {{name}}</p>');
    assert.deepEqual(missing(changed), []);
    await client.close(kept);
    await client.server!.settled();
    assert.deepEqual(client.server!.retained(), NOTHING);
    // A folder released earlier is read from disk again: its data set still counts.
    fs.writeFileSync(path.join(dir, 'f5', 'mail', 'welcome.data.json'), '{ "name": "Ann", "order_5": "1" }\n');
    const reopened = await client.open(uri('f5/mail/welcome.ses.html'), html(5));
    assert.deepEqual(missing(reopened), [], 'the changed data set was read, not an old copy');
    await client.close(uri('f5/mail/welcome.ses.html'));
  });
});
