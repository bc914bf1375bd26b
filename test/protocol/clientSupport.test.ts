import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { inProcessClient, type TestClient } from './testClient';

// client-support through the real server (grouped diagnostic, related information, hover, the
// sesStudio.clients setting, Chinese) and through `node dist/cli.js --clients`.
const HTML = [
  '<!DOCTYPE html><html lang="en"><head><title>Order</title>',
  '<style>.row { display:flex; }</style></head><body>',
  '<div class="row" style="display: flex">A</div>',
  '<div style="display:flex">B</div>',
  '<video src="https://cdn.example.com/a.mp4"></video>',
  '</body></html>',
  '',
].join('\n');

for (const [locale, notSupported, table] of [
  ['en', /^`display:flex` is not supported in Outlook \(Windows\)\. Used 3 times in this part/, /\| Outlook Windows \| ✗ not supported \|/],
  ['zh-cn', /^Outlook \(Windows\) 不支持 `display:flex`。 本部件中使用了 3 次/, /\| Outlook Windows \| ✗ 不支持 \|/],
] as const) {
  describe(`client-support through the real server (${locale})`, () => {
    let client: TestClient;
    const uri = 'file:///w/order.ses.html';
    let published: Awaited<ReturnType<TestClient['open']>>;
    before(async () => {
      client = inProcessClient();
      await client.initialize(locale);
      published = await client.open(uri, HTML);
    });
    after(async () => {
      await client.shutdown();
      l10n.config({ contents: {} });
    });

    it('publishes one diagnostic per feature, at the first use, with the other uses as related information', () => {
      const flex = published.diagnostics.filter((d) => d.code === 'client-support' && String(d.message).includes('display:flex'));
      assert.equal(flex.length, 1, JSON.stringify(published.diagnostics.map((d) => d.message)));
      const [diagnostic] = flex;
      assert.match(String(diagnostic.message), notSupported);
      assert.deepEqual(diagnostic.range, { start: { line: 1, character: 14 }, end: { line: 1, character: 26 } });
      assert.deepEqual(diagnostic.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character]), [[uri, 2, 24], [uri, 3, 12]]);
      assert.equal(diagnostic.codeDescription?.href, 'https://www.caniemail.com/features/css-display-flex/');
      assert.equal(published.diagnostics.filter((d) => d.code === 'client-support' && String(d.message).includes('<video>')).length, 1);
    });

    it('hovers the diagnostic with the support table of the feature', async () => {
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 15 } });
      const value = (hover?.contents as MarkupContent).value;
      assert.match(value, table);
      assert.match(value, /\| Apple Mail macOS \| ✓ /);
      assert.match(value, /https:\/\/www\.caniemail\.com\/features\/css-display-flex\//);
    });

    it('follows sesStudio.clients', async () => {
      const onlyApple = client.nextDiagnostics((p) => p.uri === uri && !p.diagnostics.some((d) => d.code === 'client-support'));
      await client.setSettings({ clients: ['apple-mail'] });
      await onlyApple;
      const outlook = client.nextDiagnostics((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'client-support'));
      await client.setSettings({ clients: ['outlook-windows'] });
      const found = (await outlook).diagnostics.filter((d) => d.code === 'client-support');
      assert.ok(found.every((d) => String(d.message).includes('Outlook') && !String(d.message).includes('Gmail')), JSON.stringify(found.map((d) => d.message)));
      const back = client.nextDiagnostics((p) => p.uri === uri && p.diagnostics.some((d) => String(d.message).includes('Gmail')));
      await client.setSettings({});
      await back;
    });
  });
}

describe('ses-template-check --clients (node dist/cli.js)', () => {
  const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-clients-'));
    fs.writeFileSync(path.join(dir, 'order.ses.html'), HTML);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, '--format', 'json', ...args, dir], { encoding: 'utf8' });
  const found = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ code: string; message: string }> }).findings.filter((f) => f.code === 'client-support').map((f) => f.message);

  it('reports for the clients given, replacing sesStudio.clients', () => {
    const gmail = run('--clients', 'gmail-desktop-webmail');
    assert.equal(gmail.stderr, '');
    assert.deepEqual(found(gmail.stdout), ['`<video>` is not supported in Gmail (Webmail).']);
    const outlook = found(run('--clients', 'outlook-windows,apple-mail').stdout);
    assert.ok(outlook.some((m) => m.startsWith('`display:flex` is not supported in Outlook (Windows). Used 3 times')), outlook.join('\n'));
    assert.deepEqual(found(run('--clients', 'apple-mail-macos').stdout), []);
    // The default list: Gmail among them.
    assert.ok(found(run().stdout).some((m) => m.includes('Gmail')));
  });

  it('refuses an unknown client with exit code 2, naming it', () => {
    const wrong = run('--clients', 'gmail,hotmale');
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /hotmale/);
  });
});
