import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
} from 'vscode-languageserver-protocol/node';
import { PassThrough, Transform } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { loadServerL10n } from '../../server/src/serverL10n';
import { startServer } from '../../server/src/startServer';
import { inProcessClient, REPO_ROOT, stdioClient, syntaxErrors, TestClient } from './testClient';

// Edits that race the server's debounced validation, and file-system events for files that are no
// files. The deterministic companions of fuzzLsp.test.ts: each asserts what the editor must show.

const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

describe('racing edits and odd files', () => {
  let client: TestClient;
  let dir: string;
  let folder: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-races-'));
    folder = pathToFileURL(dir).href + '/';
    fs.mkdirSync(path.join(dir, 'ses.config.json')); // a config that is a directory
    fs.mkdirSync(path.join(dir, 'd.data.json')); // a data set that is a directory
    fs.writeFileSync(path.join(dir, 'locked.data.json'), '{"name":"x"}');
    fs.chmodSync(path.join(dir, 'locked.data.json'), 0o000);
    client = inProcessClient();
    await client.initialize('en', folder);
  });
  after(async () => {
    await client.shutdown();
    fs.chmodSync(path.join(dir, 'locked.data.json'), 0o644);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a burst of changes with version jumps ends with the diagnostics of the last version only', async () => {
    const uri = folder + 'burst.ses.html';
    await client.open(uri, '<p>{{name}}</p>');
    let version = 1;
    for (let i = 0; i < 30; i++) {
      version += 1 + (i % 7) * 13;
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version }, contentChanges: [{ text: i % 2 ? '{{#if a}}' : '<p>{{name}}</p>' }],
      });
    }
    const last = await client.diagnosticsFor(uri, version);
    assert.equal(syntaxErrors(last).length, 1, 'the last text ({{#if a}}) has one syntax error');
    await settle();
    const later = client.published.filter((p) => p.uri === uri && p.version !== undefined && p.version !== version && client.published.indexOf(p) > client.published.indexOf(last));
    assert.deepEqual(later, [], 'nothing was published for an older version after the last one');
    await client.close(uri);
  });

  it('a document closed while its validation is pending ends with no diagnostics', async () => {
    const uri = folder + 'closing.ses.html';
    await client.open(uri, '{{#if a}}');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: '{{#each b}}' }] });
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await settle();
    const last = client.published.filter((p) => p.uri === uri).at(-1);
    assert.deepEqual(last?.diagnostics, [], 'the closed document keeps no diagnostics');
  });

  it('a template renamed to .txt (close, then open as plain text) leaves no diagnostics on either name', async () => {
    const uri = folder + 'renamed.ses.html';
    await client.open(uri, '{{#if a}}');
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const txt = folder + 'renamed.txt';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: txt, languageId: 'plaintext', version: 1, text: '{{#if a}}' } });
    await settle();
    assert.deepEqual(client.published.filter((p) => p.uri === uri).at(-1)?.diagnostics, []);
    assert.equal(client.published.filter((p) => p.uri === txt && p.diagnostics.length > 0).length, 0);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: txt } });
  });

  it('validates a template whose data sets on disk are a FIFO and a symlink to /dev/zero (as a cloned repository may hold)', { timeout: 15_000 }, async () => {
    fs.mkdirSync(path.join(dir, 'pipes'));
    execFileSync('mkfifo', [path.join(dir, 'pipes', 'p.data.json')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'pipes', 'p.data.zero.json'));
    fs.writeFileSync(path.join(dir, 'pipes', 'p.data.ok.json'), '{"name":"x"}');
    // A server of its own process: reading the FIFO blocked the server synchronously, which in this
    // process would stop the test's own timeout from firing.
    const { client: own, child } = stdioClient();
    try {
      await own.initialize('en', folder);
      const uri = folder + 'pipes/p.ses.html';
      const published = await own.open(uri, '<p>{{name}}</p>');
      assert.equal(syntaxErrors(published).length, 0);
      const hover = await own.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 6 } });
      assert.match(JSON.stringify(hover), /name/);
      await own.shutdown();
    } finally {
      child.kill();
    }
  });

  it('keeps validating with sesStudio settings of every wrong type', async () => {
    const uri = folder + 'settings.ses.html';
    await client.open(uri, '<p>{{name}} free lottery</p>');
    const garbage: unknown[] = [
      null, 5, 'x', [], { checks: 'error', dialect: 7, advertisingWords: 'free' },
      { checks: { 'handlebars-syntax': 5, __proto__: { x: 'error' }, 'html-script': ['error'] }, dialect: ['handlebars'] },
      { advertisingWords: [null, 1, {}, '', ' ', '(a+)+$', '[', '\\', '\ud800', 'x'.repeat(100_000), ...Array.from({ length: 5_000 }, (_, i) => `w${i}`)] },
      { checks: Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`c${i}`, 'off'])), dialect: 'handlebars' },
    ];
    let version = 1;
    for (const settings of garbage) {
      await client.setSettings(settings);
      version++;
      const published = await client.change(uri, version % 2 ? '{{#if a}}' : '<p>{{#if a}} free</p>');
      assert.ok(syntaxErrors(published).length + published.diagnostics.filter((d) => d.code === 'tencent-dialect').length >= 1, JSON.stringify(settings)?.slice(0, 80));
    }
    await client.setSettings({});
    assert.deepEqual(client.logs.filter((line) => /failed:/.test(line)), []);
    await client.close(uri);
  });

  it('validates a template next to a ses.config.json directory, an unreadable and a directory data set, through a watcher storm', async () => {
    const uri = folder + 'd.ses.html';
    const first = await client.open(uri, '<p>{{name}}</p>');
    assert.equal(syntaxErrors(first).length, 0);
    const names = ['ses.config.json', 'd.data.json', 'locked.data.json', 'missing.data.json', 'sub/', '', '%ZZ.data.json', 'd.ses.html'];
    const changes = Array.from({ length: 3000 }, (_, i) => ({ uri: folder + names[i % names.length], type: ([FileChangeType.Created, FileChangeType.Changed, FileChangeType.Deleted] as const)[i % 3] }));
    changes.push({ uri: 'untitled:Untitled-1', type: FileChangeType.Changed }, { uri: 'not a uri', type: FileChangeType.Deleted });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 6 } });
    assert.match(JSON.stringify(hover), /name/);
    const again = await client.change(uri, '{{#if a}}');
    assert.equal(syntaxErrors(again).length, 1);
    assert.deepEqual(client.logs.filter((line) => /failed:/.test(line)), []);
    await client.close(uri);
  });

  it('labels published diagnostics with the version they were computed for, even when an edit arrives while they are sent', async () => {
    // The server's output is held (as a full pipe to a busy editor holds it) while the validation of
    // version 2 publishes; version 3 arrives meanwhile. Found by the fuzzer: the server read each
    // document's version after awaiting the earlier sends, so version 2's findings went out labelled
    // with version 3, ranges past the end of the new text.
    const gated = gatedClient();
    try {
      await gated.client.initialize('en', folder);
      const html = folder + 'gate.ses.html';
      const data = folder + 'gate.data.json';
      await gated.client.open(html, '<p>{{name}}</p>');
      await gated.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: data, languageId: 'json', version: 1, text: '{"name":"x"}' } });
      await gated.client.diagnosticsFor(data, 1);
      const long = `{"name":"x",${' '.repeat(2_000)}"deep":{"a":1}}`;
      gated.hold();
      const firstSend = gated.held();
      await gated.client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: data, version: 2 }, contentChanges: [{ text: long }] });
      await firstSend; // the validation of version 2 is publishing and blocked
      await gated.client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: data, version: 3 }, contentChanges: [{ text: '{"name":"x"}' }] });
      await settle(100); // version 3 reaches the server while version 2's publish waits
      gated.release();
      const v3 = await gated.client.diagnosticsFor(data, 3);
      const labelled3 = gated.client.published.filter((p) => p.uri === data && p.version === 3);
      for (const p of labelled3) assert.deepEqual(p.diagnostics.filter((d) => d.code === 'complex-value'), [], `version 3 has no complex value: ${JSON.stringify(p.diagnostics)}`);
      assert.ok(v3);
    } finally {
      await gated.client.shutdown();
    }
  });
});

describe('initialize with hostile params', () => {
  // Found: a locale that is no string and workspaceFolders that is no list or holds null failed
  // initialize with a TypeError; a folder URI that is no string made
  // every validation fail ("r.endsWith is not a function"), so no diagnostics ever came.
  const variants: Array<Record<string, unknown>> = [
    { locale: 123 }, { locale: {} }, { locale: '../../../etc/passwd' }, { locale: 'x'.repeat(100_000) },
    { workspaceFolders: [{ uri: 5, name: 1 }] }, { workspaceFolders: 'x' }, { workspaceFolders: [null] }, { rootUri: 5 },
    { capabilities: { workspace: 'x' } },
    // `capabilities: null` still fails initialize, inside vscode-languageserver itself (not our code).
  ];
  for (const variant of variants) {
    it(`initializes and validates with ${JSON.stringify(variant).slice(0, 50)}`, async () => {
      const client = inProcessClient();
      try {
        const result: unknown = await client.connection.sendRequest(InitializeRequest.type.method, { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null, ...variant });
        assert.match(JSON.stringify(result), /SES Template Studio/);
        await client.connection.sendNotification(InitializedNotification.type, {});
        const published = await client.open('file:///w/init.ses.html', '{{#if a}}');
        assert.ok(published.diagnostics.length > 0);
        assert.deepEqual(client.logs.filter((line) => /failed/.test(line)), []);
      } finally {
        await client.shutdown();
      }
    });
  }
});

/** An in-process server whose output to the client can be held, to make a send wait. */
function gatedClient(): { client: TestClient; hold(): void; held(): Promise<void>; release(): void } {
  let holding = false;
  const waiting: Array<() => void> = [];
  let onHeld: (() => void) | undefined;
  const gate = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!holding) return callback(null, chunk);
      onHeld?.();
      waiting.push(() => callback(null, chunk));
    },
  });
  const toServer = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(gate));
  startServer(serverConnection, { loadL10n: (locale) => loadServerL10n(locale, path.join(REPO_ROOT, 'l10n')) });
  serverConnection.listen();
  const clientConnection = createProtocolConnection(new StreamMessageReader(gate), new StreamMessageWriter(toServer));
  const client = new TestClient(clientConnection, true, () => {
    clientConnection.dispose();
    serverConnection.dispose();
  });
  return {
    client,
    hold: () => { holding = true; },
    held: () => new Promise<void>((resolve) => { onHeld = resolve; }),
    release: () => {
      holding = false;
      for (const next of waiting.splice(0)) next();
    },
  };
}

