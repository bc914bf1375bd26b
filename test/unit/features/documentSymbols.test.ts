import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-types';
import { documentSymbols } from '../../../server/src/service/features';
import { marked, uriOf } from './fixtures';

describe('document symbols', () => {
  it('lists the variables of a part once each, at their first use', () => {
    const fixture = marked({ 'welcome.ses.html': '<p>«{{name}}» «{{code}}» {{name}}</p>' });
    const symbols = documentSymbols(fixture.project, uriOf('welcome.ses.html'));
    assert.deepEqual(symbols?.map((s) => [s.name, s.kind, s.detail]), [
      ['name', SymbolKind.Variable, 'default: Alex · zh: 小明'],
      ['code', SymbolKind.Variable, 'default: 1234 · missing in: zh'],
    ]);
    assert.deepEqual(symbols?.map((s) => s.range), fixture.ranges('welcome.ses.html'));
  });

  it('lists the keys of a data file with their values', () => {
    const fixture = marked({ 'welcome.data.json': '{\n  «"name": "Alex"»,\n  «"code": 1234»\n}' });
    const symbols = documentSymbols(fixture.project, uriOf('welcome.data.json'));
    assert.deepEqual(symbols?.map((s) => [s.name, s.kind, s.detail]), [['name', SymbolKind.Key, 'Alex'], ['code', SymbolKind.Key, '1234']]);
    assert.deepEqual(symbols?.map((s) => s.range), fixture.ranges('welcome.data.json'));
  });

  it('leaves ses.config.json and unknown files to others', () => {
    const fixture = marked({});
    assert.equal(documentSymbols(fixture.project, uriOf('ses.config.json')), null);
    assert.equal(documentSymbols(fixture.project, uriOf('other.ses.html')), null);
  });
});
