import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { hostileText, prng, type FileKind, type Random } from './fuzzRandom';
import { stdioClient, type TestClient } from './testClient';

// A seeded fuzzer against the built server over stdio, as VS Code runs it. Every step opens, edits
// or closes a template part, data set or ses.config.json with hostile text, or fires watched-file
// events; then every feature request is sent at random positions (past the end too). Asserted: each
// request answers within REQUEST_TIMEOUT_MS, published ranges lie inside the document version they
// were computed for, no handler fails (runSafe logs "… failed:"), nothing reaches stderr, and the
// process is alive at the end. Replay a failure with SES_FUZZ_SEED=<seed> SES_FUZZ_STEPS=<n>.

const SEEDS = process.env.SES_FUZZ_SEED ? [Number(process.env.SES_FUZZ_SEED)] : [13, 2, 24];
/** Steps per seed: together about 2–4 s on a shared 2-core machine. */
const STEPS = Number(process.env.SES_FUZZ_STEPS ?? 70);
const REQUEST_TIMEOUT_MS = 10_000;

const REQUESTS = [
  'textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references', 'textDocument/prepareRename',
  'textDocument/rename', 'textDocument/codeAction', 'textDocument/documentSymbol', 'textDocument/documentHighlight',
] as const;

interface OpenFile {
  uri: string;
  kind: FileKind;
  document: TextDocument;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms: ${what}`)), REQUEST_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

class Fuzzer {
  readonly open = new Map<string, OpenFile>();
  readonly trace: string[] = [];
  /** Text of every `uri#version` sent; versions are unique across reopenings, so a late publish is never checked against the wrong text. */
  readonly texts = new Map<string, string>();
  private version = 0;

  constructor(readonly client: TestClient, readonly random: Random, readonly folder: string) {}

  private uriFor(kind: FileKind): string {
    // Malformed percent-encoding too (%ZZ): VS Code never sends it, other clients may.
    const name = this.random.pick(['t', 't', 'welcome', 'sub/t', '__proto__', 'a%20b', '%ZZ', 'x%E0%A4%A']);
    const dir = name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '';
    const base = name.slice(dir.length);
    const file = { html: `${base}.ses.html`, text: `${base}.ses.txt`, data: this.random.pick([`${base}.data.json`, `${base}.data.zh.json`]), config: 'ses.config.json' }[kind];
    return `${this.folder}${dir}${file}`;
  }

  private languageOf(kind: FileKind): string {
    return { html: 'ses-html', text: 'ses-text', data: 'json', config: 'json' }[kind];
  }

  private position(document: TextDocument): { line: number; character: number } {
    const r = this.random;
    // Inside the text mostly; past its end, at huge coordinates and at the largest uinteger sometimes.
    if (r.chance(0.1)) return { line: r.pick([0, -1, document.lineCount, 2 ** 31 - 1, 2 ** 32 - 1]), character: r.pick([0, -1, 2 ** 31 - 1, 1e6]) };
    return document.positionAt(r.int(document.getText().length + 2));
  }

  async step(): Promise<void> {
    const r = this.random;
    const files = [...this.open.values()];
    const action = files.length === 0 ? 'open' : r.pick(['open', 'open', 'change', 'change', 'change', 'burst', 'close', 'rekind', 'watch', 'settings']);
    this.trace.push(action);
    const send = this.client.connection;
    switch (action) {
      case 'open': {
        const kind = r.pick<FileKind>(['html', 'html', 'text', 'data', 'config']);
        const uri = this.uriFor(kind);
        if (this.open.has(uri)) return this.step();
        const text = hostileText(r, kind);
        const document = TextDocument.create(uri, this.languageOf(kind), ++this.version, text);
        this.open.set(uri, { uri, kind, document });
        this.texts.set(`${uri}#${document.version}`, text);
        this.trace.push(`open ${uri} (${text.length} chars)`);
        await send.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: document.languageId, version: document.version, text } });
        return;
      }
      case 'change':
      case 'burst': {
        const file = r.pick(files);
        for (let i = 0; i < (action === 'burst' ? 2 + r.int(10) : 1); i++) await this.change(file);
        return;
      }
      case 'close': {
        const file = r.pick(files);
        this.open.delete(file.uri);
        this.trace.push(`close ${file.uri}`);
        await send.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: file.uri } });
        return;
      }
      case 'rekind': {
        // A template renamed to .txt: VS Code closes the old URI and opens the new one as plain text.
        const file = r.pick(files);
        this.open.delete(file.uri);
        await send.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: file.uri } });
        const uri = file.uri.replace(/\.[^./]+$/, '') + '.txt';
        if (this.open.has(uri)) return;
        const text = file.document.getText();
        const document = TextDocument.create(uri, 'plaintext', ++this.version, text);
        this.open.set(uri, { uri, kind: 'text', document });
        this.texts.set(`${uri}#${document.version}`, text);
        this.trace.push(`rekind ${file.uri} → ${uri}`);
        await send.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: document.version, text } });
        return;
      }
      case 'settings': {
        // `workspace/configuration` answers of every shape: wrong types, hostile advertising words.
        const settings = r.pick<unknown>([
          null, 1, 'x', [], {}, { dialect: 'handlebars' }, { dialect: 5, checks: [] }, { checks: { 'handlebars-syntax': 'off', 'missing-variable': 7 } },
          { advertisingWords: ['x'.repeat(10_000), '(', '\\', '\ud800', null, 5] }, { checks: { __proto__: 'error' }, advertisingWords: 'free' },
        ]);
        this.trace.push(`settings ${JSON.stringify(settings)?.slice(0, 60)}`);
        await this.client.setSettings(settings);
        return;
      }
      case 'watch': {
        const names = ['t.data.json', 'missing.ses.html', 'ses.config.json', 'locked.data.json', 'dir.data.json', 'sub/', 'nothing/ses.config.json', 't.ses.html'];
        const changes = Array.from({ length: 1 + r.int(50) }, () => ({
          uri: this.folder + r.pick(names),
          type: r.pick<FileChangeType>([FileChangeType.Created, FileChangeType.Changed, FileChangeType.Deleted]),
        }));
        this.trace.push(`watch ×${changes.length}`);
        await send.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
        return;
      }
    }
  }

  private async change(file: OpenFile): Promise<void> {
    const r = this.random;
    this.version += 1 + (r.chance(0.2) ? r.int(100) : 0); // versions may jump
    const version = this.version;
    let changes: TextDocumentContentChangeEvent[];
    if (r.chance(0.3)) {
      changes = [{ text: hostileText(r, file.kind) }];
    } else {
      changes = Array.from({ length: 1 + r.int(3) }, () => {
        const length = file.document.getText().length;
        const a = r.int(length + 1);
        const b = Math.min(length, a + r.int(20));
        return { range: { start: file.document.positionAt(a), end: file.document.positionAt(b) }, text: hostileText(r, file.kind).slice(0, r.int(200)) };
      });
    }
    file.document = TextDocument.update(file.document, changes, version);
    this.texts.set(`${file.uri}#${version}`, file.document.getText());
    this.trace.push(`change ${file.uri} v${version}`);
    await this.client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: file.uri, version }, contentChanges: changes });
  }

  /** Every feature request at random positions of a random open file, all awaited with a timeout. */
  async probe(): Promise<void> {
    const files = [...this.open.values()];
    if (files.length === 0) return;
    const r = this.random;
    const file = r.pick(files);
    const textDocument = { uri: file.uri };
    const requests = REQUESTS.map((method) => {
      const position = this.position(file.document);
      const end = this.position(file.document);
      const params: Record<string, unknown> = { textDocument, position };
      if (method === 'textDocument/references') params.context = { includeDeclaration: r.chance(0.5) };
      if (method === 'textDocument/rename') params.newName = r.pick(['x', '', '{{', 'a b', '__proto__', '\u0000', 'y'.repeat(10_000)]);
      if (method === 'textDocument/codeAction') {
        const published = this.client.published.filter((p) => p.uri === file.uri).at(-1);
        params.range = { start: position, end };
        params.context = { diagnostics: r.chance(0.7) ? published?.diagnostics ?? [] : [{ range: { start: position, end }, message: 'x', code: r.pick(['missing-variable', 'non-string-value', 'no-data-set', 42, 'nope']) }] };
        delete params.position;
      }
      if (method === 'textDocument/documentSymbol') delete params.position;
      const what = `${method} ${file.uri} ${JSON.stringify(params.position ?? params.range ?? '')}`;
      return withTimeout(this.client.connection.sendRequest(method, params).catch((error: unknown) => ({ responseError: String(error) })), what);
    });
    await Promise.all(requests);
  }

  /** Published diagnostics must lie inside the text of the version they were computed for. */
  checkPublished(published: PublishDiagnosticsParams[]): void {
    for (const p of published) {
      const text = p.version === undefined ? undefined : this.texts.get(`${p.uri}#${p.version}`);
      if (text === undefined) continue;
      const document = TextDocument.create(p.uri, '', 0, text);
      const lines = document.lineCount;
      for (const d of p.diagnostics) {
        for (const at of [d.range.start, d.range.end]) {
          assert.ok(at.line >= 0 && at.line < lines, `diagnostic ${String(d.code)} line ${at.line} outside ${lines} lines of ${p.uri} v${p.version}`);
          const lineText = document.getText({ start: { line: at.line, character: 0 }, end: { line: at.line + 1, character: 0 } });
          assert.ok(at.character >= 0 && at.character <= lineText.length, `diagnostic ${String(d.code)} character ${at.character} outside line ${at.line} of ${p.uri} v${p.version}`);
        }
        assert.ok(d.range.start.line < d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character <= d.range.end.character), `reversed range ${JSON.stringify(d.range)}`);
      }
    }
  }
}

function wellFormed(uri: string): boolean {
  try {
    decodeURIComponent(uri);
    return true;
  } catch {
    return false;
  }
}

/** A workspace folder with files a watcher storm can name: unreadable, a directory named like a data set, a config that is a directory. */
function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-fuzz-'));
  fs.writeFileSync(path.join(dir, 't.ses.html'), '<p>{{name}}</p>');
  fs.writeFileSync(path.join(dir, 'locked.data.json'), '{"name":"x"}');
  fs.chmodSync(path.join(dir, 'locked.data.json'), 0o000);
  fs.mkdirSync(path.join(dir, 'dir.data.json'));
  fs.mkdirSync(path.join(dir, 'sub', 'ses.config.json'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'sub', 't.ses.html'), '{{x}}');
  return dir;
}

describe('LSP fuzzer (node dist/server.js --stdio)', () => {
  let dir: string;
  before(() => {
    dir = makeWorkspace();
  });
  after(() => {
    fs.chmodSync(path.join(dir, 'locked.data.json'), 0o644);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const seed of SEEDS) {
    it(`survives ${STEPS} hostile steps (seed ${seed})`, async (t) => {
      const { client, child, exited } = stdioClient();
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const folder = pathToFileURL(dir).href + '/';
      const fuzzer = new Fuzzer(client, prng(seed), folder);
      try {
        await client.initialize('en', folder);
        for (let i = 0; i < STEPS; i++) {
          await fuzzer.step();
          await fuzzer.probe();
        }
        // Let pending validations finish, then check everything published so far.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await fuzzer.probe();
        fuzzer.checkPublished(client.published);
        assert.ok(client.published.length > 0, 'no diagnostics were published at all');
        // Validation still works after all of that: an open template gets the diagnostics of a fresh edit.
        await client.setSettings({});
        // A well-formed URI: one with malformed percent-encoding is never validated (no crash either).
        const template = [...fuzzer.open.values()].find((f) => /\.ses\.(html|txt)$/.test(f.uri) && wellFormed(f.uri));
        if (template) {
          const version = template.document.version + 1000;
          const published = client.diagnosticsFor(template.uri, version);
          await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: template.uri, version }, contentChanges: [{ text: '{{#if a}}' }] });
          assert.ok((await published).diagnostics.some((d) => d.code === 'handlebars-syntax' || d.code === 'tencent-dialect'), 'no diagnostics for a fresh syntax error');
        }
        // A handler that threw was caught by runSafe and logged "<name> failed: <stack>".
        assert.deepEqual(client.logs.filter((line) => /failed:|Error|at .*:\d+:\d+/.test(line)), []);
        assert.equal(child.exitCode, null, 'the server process died');
        await client.shutdown();
        assert.equal(await exited, 0);
        assert.equal(stderr, '');
      } catch (error) {
        t.diagnostic(`replay: SES_FUZZ_SEED=${seed} SES_FUZZ_STEPS=${STEPS}; steps: ${fuzzer.trace.slice(-30).join(' | ')}`);
        console.error(`fuzz failure with seed ${seed}; last steps:\n  ${fuzzer.trace.slice(-30).join('\n  ')}`);
        child.kill();
        throw error;
      }
    });
  }
});
