import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stdioClient, syntaxErrors } from './testClient';

describe('node dist/server.js --stdio', () => {
  it('answers initialize, reports a syntax error in Chinese for zh-cn, and exits cleanly', async () => {
    const { client, exited } = stdioClient();
    const result = await client.initialize('zh-cn');
    assert.equal(result.serverInfo?.name, 'SES Template Studio');

    const published = await client.open('file:///w/marketing.ses.html', '<h1>双十一</h1>\n<p>{{#if vip}}尊敬的会员</p>\n');
    const [diagnostic, ...others] = syntaxErrors(published);
    assert.deepEqual(others, []);
    assert.deepEqual(diagnostic.range.start, { line: 1, character: 3 });
    assert.equal(diagnostic.message, '块 `{{#if}}` 没有结束：请在块应当结束的位置添加 `{{/if}}`。');

    await client.shutdown();
    assert.equal(await exited, 0);
  });
});
