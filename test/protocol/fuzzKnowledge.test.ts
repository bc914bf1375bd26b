import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inProcessClient, type TestClient } from './testClient';

// The ses/* knowledge requests with every wrong parameter type a buggy or hostile client could send.
// Each must answer (a result of the declared shape, or a ResponseError), log no handler
// failure, and leave the server answering normal requests. Found: a non-string `locale` threw in
// every request; a 1 MB `FailedOperation.FailedOperation.…` took 115 s (the parent-code search was
// quadratic in the segments) and `SendStatus` followed by 200k spaces backtracked for minutes —
// both blocking the whole language server. How their time grows is measured (no time limit here, which
// a loaded machine misses) by test/unit/linearTime.test.ts's knowledge entries, with these inputs' families.
const METHODS = ['ses/errorCodes', 'ses/explainErrorCode', 'ses/faqTopic', 'ses/faqTopics'] as const;
const FIELD = { 'ses/errorCodes': 'query', 'ses/explainErrorCode': 'code', 'ses/faqTopic': 'id', 'ses/faqTopics': 'id' } as const;
const HUGE = 'FailedOperation.'.repeat(70_000); // ~1 MB
const VALUES: unknown[] = [
  null, 0, -1, 1e308, true, false, [], [1, 'a'], {}, { toString: 'x' }, '', ' ', HUGE, 'x'.repeat(1024 * 1024),
  '.*', '(((', '[', '\\', '$&', '^$', '(a+)+$' + 'a'.repeat(5000) + '!', '\u0000', '\ud800', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  'SendStatus' + ' '.repeat(200_000) + 'x', 'DeliverStatus' + '"'.repeat(100_000) + ':' + "'".repeat(100_000),
  '<script>alert(1)</script>', '](javascript:alert(1))', 'FailedOperation.EmailAddrInBlacklist'.padEnd(200_000, '.'),
];
const LOCALES: unknown[] = [undefined, null, 1, {}, [], 'zh-cn', 'ZH', '', 'x'.repeat(100_000), '__proto__'];

describe('knowledge requests with wrong parameter types', () => {
  let client: TestClient;
  before(() => {
    client = inProcessClient();
    return client.initialize('en');
  });
  after(() => client.shutdown());

  for (const method of METHODS) {
    it(`${method} answers every wrong type and logs no failure`, async () => {
      const params: unknown[] = [null, 1, 'text', [], ...VALUES.map((value, i) => ({ [FIELD[method]]: value, locale: LOCALES[i % LOCALES.length] }))];
      for (const p of params) {
        const answer: unknown = await client.connection.sendRequest(method, p).catch((error: unknown) => ({ error: String(error) }));
        if (answer !== null && !(typeof answer === 'object' && 'error' in answer)) {
          assert.ok(typeof answer === 'object', `${method} answered ${typeof answer}`);
          // Markdown built from the input must not echo 1 MB back.
          assert.ok(JSON.stringify(answer).length < 200_000, `${method} echoed a huge answer for ${JSON.stringify(p)?.slice(0, 80)}`);
        }
      }
      assert.deepEqual(client.logs.filter((line) => /failed:/.test(line)), []);
    });
  }

  it('takes a status code given as a number', async () => {
    const help = await client.connection.sendRequest('ses/explainErrorCode', { code: 1007 });
    assert.equal((help as { code?: string } | null)?.code, 'SendStatus.1007');
  });

  it('still explains a real code afterwards, in the requested language', async () => {
    const help = await client.connection.sendRequest('ses/explainErrorCode', { code: 'FailedOperation.EmailAddrInBlacklist', locale: 'zh-cn' });
    assert.match(JSON.stringify(help), /黑名单/);
  });
});
