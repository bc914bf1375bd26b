import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../../server/src/service/documentCache';

describe('DocumentCache', () => {
  it('computes once per document version', () => {
    let runs = 0;
    const cache = new DocumentCache((document) => {
      runs++;
      return document.getText().length;
    });
    const v1 = TextDocument.create('file:///a.ses.txt', 'ses-text', 1, 'abc');
    assert.equal(cache.get(v1), 3);
    assert.equal(cache.get(v1), 3);
    assert.equal(runs, 1);
    const v2 = TextDocument.update(v1, [{ text: 'abcdef' }], 2);
    assert.equal(cache.get(v2), 6);
    assert.equal(runs, 2);
    cache.delete(v2.uri);
    assert.equal(cache.get(v2), 6);
    assert.equal(runs, 3);
  });
});

describe('DocumentCache with a bound', () => {
  it('keeps the most recently used documents and re-computes evicted ones', () => {
    let runs = 0;
    const cache = new DocumentCache(() => ++runs, 2);
    const a = TextDocument.create('file:///a', 'x', 1, 'a');
    const b = TextDocument.create('file:///b', 'x', 1, 'b');
    const c = TextDocument.create('file:///c', 'x', 1, 'c');
    cache.get(a);
    cache.get(b);
    cache.get(a); // a is now the most recently used
    cache.get(c); // evicts b
    assert.equal(runs, 3);
    cache.get(a);
    assert.equal(runs, 3, 'a stayed');
    cache.get(b);
    assert.equal(runs, 4, 'b was evicted');
  });
});
