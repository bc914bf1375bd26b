// ProjectIndex finds a template's open documents through a lookup by name kept in step with the
// open and close events, and its files on disk through a listing grouped by name: no scan of every
// open document or file per template (2,000 templates open at once made that quadratic).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { Emitter, type TextDocumentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ProjectIndex, type OpenDocuments } from '../../server/src/projectIndex';
import { measureGrowth } from './linearTime';

/** Open documents with the open and close events of the server's TextDocuments. */
class Documents {
  private readonly byUri = new Map<string, TextDocument>();
  private readonly opened = new Emitter<TextDocumentChangeEvent<TextDocument>>();
  private readonly closed = new Emitter<TextDocumentChangeEvent<TextDocument>>();
  readonly view: OpenDocuments = {
    get: (uri) => this.byUri.get(uri),
    all: () => [...this.byUri.values()],
    onDidOpen: this.opened.event,
    onDidClose: this.closed.event,
  };

  open(uri: string, text: string, languageId = uri.endsWith('.json') ? 'json' : 'ses-html'): void {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.byUri.set(uri, document);
    this.opened.fire({ document });
  }

  close(uri: string): void {
    const document = this.byUri.get(uri);
    if (!document) return;
    this.byUri.delete(uri);
    this.closed.fire({ document });
  }
}

const FOLDER = 'file:///not-on-disk/templates/';
const uris = (project: ReturnType<ProjectIndex['project']>) => [...project.parts, ...project.dataSets].map((d) => d.uri).sort();

describe('ProjectIndex', () => {
  it('finds the open parts and data sets of a template, not those of a template whose name starts the same', () => {
    const documents = new Documents();
    for (const name of ['order', 'order.v2', 'orders', 'order-old']) {
      documents.open(`${FOLDER}${name}.ses.html`, '<p>{{a}}</p>');
      documents.open(`${FOLDER}${name}.data.json`, '{"a": "x"}');
    }
    documents.open(`${FOLDER}order.ses.txt`, 'text {{a}}');
    documents.open(`${FOLDER}order.data.test.json`, '{"a": "y"}');
    documents.open(`${FOLDER}sub/order.ses.html`, '<p>{{a}}</p>');
    const index = new ProjectIndex(documents.view, () => []);
    assert.deepEqual(uris(index.project({ folder: FOLDER, name: 'order' }, 'tencent')),
      ['order.data.json', 'order.data.test.json', 'order.ses.html', 'order.ses.txt'].map((f) => FOLDER + f).sort());
    assert.deepEqual(uris(index.project({ folder: FOLDER, name: 'order.v2' }, 'tencent')), ['order.v2.data.json', 'order.v2.ses.html'].map((f) => FOLDER + f).sort());
    assert.deepEqual(uris(index.project({ folder: FOLDER + 'sub/', name: 'order' }, 'tencent')), [FOLDER + 'sub/order.ses.html']);
  });

  it('keeps its lookup in step with documents opened and closed after its first use', () => {
    const documents = new Documents();
    documents.open(`${FOLDER}a.ses.html`, '<p>{{x}}</p>');
    const index = new ProjectIndex(documents.view, () => []);
    assert.deepEqual(uris(index.project({ folder: FOLDER, name: 'a' }, 'tencent')), [`${FOLDER}a.ses.html`]);
    documents.open(`${FOLDER}a.data.json`, '{"x": "1"}');
    documents.open(`${FOLDER}b.ses.html`, '<p>{{x}}</p>');
    assert.deepEqual(uris(index.project({ folder: FOLDER, name: 'a' }, 'tencent')), [`${FOLDER}a.data.json`, `${FOLDER}a.ses.html`]);
    assert.deepEqual(uris(index.project({ folder: FOLDER, name: 'b' }, 'tencent')), [`${FOLDER}b.ses.html`]);
    documents.close(`${FOLDER}a.ses.html`);
    assert.deepEqual(uris(index.project({ folder: FOLDER, name: 'a' }, 'tencent')), [`${FOLDER}a.data.json`]);
  });

  it('finds files on disk by name in a folder of many templates', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-index-'));
    try {
      for (const name of ['order', 'order.v2', 'orders', '订单']) {
        fs.writeFileSync(path.join(dir, `${name}.ses.html`), '<p>{{a}}</p>');
        fs.writeFileSync(path.join(dir, `${name}.data.json`), '{"a": "x"}');
      }
      fs.writeFileSync(path.join(dir, 'README'), 'no dot');
      const folder = pathToFileURL(dir + path.sep).href;
      const index = new ProjectIndex(new Documents().view, () => []);
      for (const name of ['order', 'order.v2', '订单']) {
        assert.deepEqual(uris(index.project({ folder, name }, 'tencent')), [`${name}.data.json`, `${name}.ses.html`].map((f) => folder + encodeURIComponent(f)).sort(), name);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes linear time to assemble every template when all of them are open', () => {
    // n/64 templates, each with a part and a data set: the time to assemble all of them grows
    // linearly (a scan of every open document per template made it quadratic: ×2.7 per doubling from
    // 256 templates).
    const assembleAll = (input: string) => {
      const count = Math.max(1, Math.floor(input.length / 64));
      const documents = new Documents();
      for (let i = 0; i < count; i++) {
        documents.open(`${FOLDER}t${i}.ses.html`, '<p>{{a}}</p>');
        documents.open(`${FOLDER}t${i}.data.json`, '{"a": "x"}');
      }
      const index = new ProjectIndex(documents.view, () => []);
      for (let i = 0; i < count; i++) index.project({ folder: FOLDER, name: `t${i}` }, 'tencent');
    };
    const growth = measureGrowth(assembleAll, { label: 'open templates', build: (n) => 'x'.repeat(n) }, { minSize: 1 << 14, maxSize: 1 << 18 });
    assert.ok(growth.ratio <= 2.5, `×${growth.ratio.toFixed(1)} per doubling from ${growth.size / 64} templates`);
  });
});
