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
