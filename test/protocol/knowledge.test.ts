import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import {
  InitializeRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { registerKnowledgeHandlers } from '../../server/src/knowledgeHandlers';
import { ErrorCodesRequest, ExplainErrorCodeRequest, FaqTopicRequest, FaqTopicsRequest } from '../../common/protocol';

/** The knowledge requests over a real JSON-RPC connection, the server's locale taken from `initialize`. */
function serve(locale: string) {
  let serverLocale = 'en';
  const errors: string[] = [];
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  server.onInitialize((params) => {
    serverLocale = params.locale ?? 'en';
    return { capabilities: {} };
  });
  registerKnowledgeHandlers(server, { locale: () => serverLocale, log: { error: (message) => errors.push(message) } });
  server.listen();
  const client: ProtocolConnection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.listen();
  return {
    client,
    errors,
    initialize: () => client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {}, locale }),
    dispose: () => {
      client.dispose();
      server.dispose();
    },
  };
}

for (const [locale, expected] of [
  ['en', { blocklist: 'The email address is in the blocklist.', topic: 'Blocked addresses (the shared blocklist)', days: /14 days/, faq: 'How long delivery takes' }],
  ['zh-cn', { blocklist: '邮件地址在黑名单中。', topic: '被拦截的地址（共享黑名单）', days: /14 天/, faq: '邮件多久能送达' }],
] as const) {
  describe(`knowledge requests over LSP (locale ${locale})`, () => {
    let session: ReturnType<typeof serve>;
    before(async () => {
      session = serve(locale);
      await session.initialize();
    });
    after(() => session.dispose());

    it('ses/errorCodes lists every code for an empty query and searches code and text', async () => {
      const all = await session.client.sendRequest(ErrorCodesRequest, { query: '' });
      assert.equal(all.filter((c) => c.kind === 'api').length, 125);
      assert.ok(all.some((c) => c.code === 'SendStatus.1007'));
      const found = await session.client.sendRequest(ErrorCodesRequest, { query: 'EmailAddrInBlacklist' });
      assert.deepEqual(found[0], { code: 'FailedOperation.EmailAddrInBlacklist', kind: 'api', description: expected.blocklist });
      const byText = await session.client.sendRequest(ErrorCodesRequest, { query: locale === 'en' ? '黑名单' : 'blocklist' });
      assert.ok(byText.some((c) => c.code === 'FailedOperation.EmailAddrInBlacklist'));
    });

    it('ses/explainErrorCode answers Markdown help in the server locale, or null', async () => {
      const help = await session.client.sendRequest(ExplainErrorCodeRequest, {
        code: '[TencentCloudSDKException] code=FailedOperation.EmailAddrInBlacklist message=The email address is in the blocklist.',
      });
      assert.ok(help);
      assert.equal(help.code, 'FailedOperation.EmailAddrInBlacklist');
      assert.equal(help.topic.id, 'blocklist');
      assert.equal(help.topic.title, expected.topic);
      assert.match(help.markdown, expected.days);
      assert.match(help.markdown, /DeleteBlackList/);
      assert.equal(await session.client.sendRequest(ExplainErrorCodeRequest, { code: 'NoSuch.Code' }), null);
    });

    it('a request may name its own locale', async () => {
      const other = locale === 'en' ? 'zh-cn' : 'en';
      const help = await session.client.sendRequest(ExplainErrorCodeRequest, { code: 'UnauthorizedOperation', locale: other });
      assert.equal(help?.step, 1);
      assert.match(help?.markdown ?? '', other === 'en' ? /Next step/ : /下一步/);
    });

    it('ses/faqTopics and ses/faqTopic answer the FAQ', async () => {
      const topics = await session.client.sendRequest(FaqTopicsRequest, {});
      assert.equal(topics.length, 8);
      assert.deepEqual(topics[0], { id: 'delivery-time', title: expected.faq });
      const topic = await session.client.sendRequest(FaqTopicRequest, { id: 'blocklist' });
      assert.equal(topic?.title, expected.topic);
      assert.match(topic?.markdown ?? '', /console\.cloud\.tencent\.com\/ses\/stats/);
      assert.equal(await session.client.sendRequest(FaqTopicRequest, { id: 'nope' }), null);
    });

    it('answers malformed params without failing the server', async () => {
      assert.equal(await session.client.sendRequest(ExplainErrorCodeRequest, { code: 42 as unknown as string }), null);
      assert.ok(Array.isArray(await session.client.sendRequest(ErrorCodesRequest, null as unknown as { query: string })));
      assert.deepEqual(session.errors, []);
    });
  });
}
