import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inProcessClient, type TestClient } from './testClient';

const CODES = new Set(['handlebars-syntax', 'too-large-to-check']);

// Each input must yield diagnostics or nothing, and the server must keep answering afterwards. No time
// limit: how the time grows with these inputs is measured by test/unit/linearTime.test.ts (families
// "a block never closed after 1.9 MB" and "unclosed nested blocks"); a fixed limit failed on a loaded machine.
describe('bad input never crashes the server', () => {
  let client: TestClient;
  before(() => {
    client = inProcessClient();
    return client.initialize('en');
  });
  after(() => client.shutdown());

  const cases: Array<[string, () => string, (count: number, messages: string[]) => void]> = [
    ['an empty file', () => '', (n) => assert.equal(n, 0)],
    ['binary content', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x7b, 0x7b]).toString('latin1'),
      (n, m) => { assert.equal(n, 1); assert.match(m[0], /binary data/); }],
    ['invalid UTF-8 decoded with replacement characters', () => Buffer.from([0x48, 0x69, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x7b, 0x7b, 0x6e, 0x7d, 0x7d]).toString('utf8'),
      (n) => assert.equal(n, 0)],
    ['lone UTF-16 surrogates', () => 'Hi \ud800 {{name}} \udfff {{', (n, m) => { assert.equal(n, 1); assert.match(m[0], /never closed/); }],
    ['a 5 MB template', () => '<p>Hello {{name}}</p>\n'.repeat(240_000), (n, m) => { assert.equal(n, 1); assert.match(m[0], /not analysed/); }],
    ['a 1.9 MB template with an error at the end', () => '<p>{{name}}</p>\n'.repeat(120_000) + '{{#if x}}', (n, m) => { assert.equal(n, 1); assert.match(m[0], /never closed/); }],
    ['10,000 unclosed nested blocks', () => '{{#if a}}'.repeat(10_000), (n, m) => { assert.equal(n, 100); assert.match(m[0], /never closed/); }],
    ['10,000 closed nested blocks', () => '{{#if a}}'.repeat(10_000) + '{{/if}}'.repeat(10_000), (n, m) => { assert.equal(n, 1); assert.match(m[0], /nested more than 100 deep/); }],
    ['brace soup', () => '{{{{{{}}}}}}{{{{/}}}}{{!--{{~#^/>&}}'.repeat(500), (n) => assert.ok(n >= 1)],
  ];

  for (const [name, makeText, expectation] of cases) {
    it(`handles ${name}`, async () => {
      const uri = `file:///w/${encodeURIComponent(name)}.ses.html`;
      const published = await client.open(uri, makeText(), 'ses-html', Infinity);
      // Other checks (no data set, dialect) have their own tests; these cases are about the parser.
      const diagnostics = published.diagnostics.filter((d) => CODES.has(String(d.code)));
      expectation(diagnostics.length, diagnostics.map((d) => String(d.message)));
      await client.close(uri);
    });
  }

  it('still validates a normal template after all of that', async () => {
    const published = await client.open('file:///w/after.ses.html', 'Hi {{name');
    assert.equal(published.diagnostics.filter((d) => d.code === 'handlebars-syntax').length, 1);
  });
});
