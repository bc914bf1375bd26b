import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { FAQ_DOC_URL } from '../../server/src/knowledge';
import { inProcessClient, type TestClient } from './testClient';

// The FAQ help in hovers and the suppression comments, through the real server, in English and
// with `initialize` locale zh-cn.
const DATA = '{ "name": "Alex", "extra": { "a": "b" }, "banner": "http://cdn.example.com/b.png" }\n';
const HTML = '<p>Hi {{name}}</p>\n<!-- ses-disable-next-line image-missing-alt -->\n<img src="images/logo.png">\n<img src="https://cdn.example.com/a.png" width="10" height="10">\n<img src="{{banner}}" alt="Banner" width="600" height="200">\n';

for (const [locale, expected] of [
  ['en', { value: /\*\*What the checks found about its value:\*\*\n\n- .*\(with data set default\).*`image-insecure-url`/, send: /\*\*FAQ: Why a send fails: the checklist\*\*/, topic: /\*\*FAQ: Images are not displayed\*\*/, found: /What the checks found for this image:/, link: `[Tencent Cloud SES FAQ](${FAQ_DOC_URL})` }],
  ['zh-cn', { value: /\*\*检查发现的与它的值有关的问题：\*\*\n\n- .*（数据集 default）.*`image-insecure-url`/, send: /\*\*常见问题：发送失败的排查清单\*\*/, topic: /\*\*常见问题：邮件中的图片不显示\*\*/, found: /检查发现的这张图片的问题：/, link: `[腾讯云 SES 常见问题](${FAQ_DOC_URL})` }],
] as const) {
  describe(`FAQ hovers and suppression through the real server (${locale})`, () => {
    let client: TestClient;
    let dir: string;
    const uri = (file: string) => pathToFileURL(path.join(dir, file)).toString();
    let published: Awaited<ReturnType<TestClient['open']>>;

    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-faq-hover-'));
      fs.writeFileSync(path.join(dir, 'welcome.ses.html'), HTML);
      fs.writeFileSync(path.join(dir, 'welcome.ses.txt'), 'Hi {{name}}\n');
      fs.writeFileSync(path.join(dir, 'welcome.data.json'), DATA);
      client = inProcessClient();
      await client.initialize(locale, pathToFileURL(dir).toString());
      published = await client.open(uri('welcome.ses.html'), HTML);
    });
    after(async () => {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
      l10n.config({ contents: {} });
    });

    it('honours the suppression comment and links image diagnostics to the FAQ', () => {
      const relative = published.diagnostics.find((d) => d.code === 'image-relative-url');
      assert.ok(relative, JSON.stringify(published.diagnostics.map((d) => d.code)));
      assert.deepEqual(relative.codeDescription, { href: FAQ_DOC_URL });
      assert.equal(published.diagnostics.filter((d) => d.code === 'image-missing-alt' && d.range.start.line === 2).length, 0);
      assert.equal(published.diagnostics.filter((d) => d.code === 'unused-suppression').length, 0);
    });

    it('hovers an <img> with the image checklist and its findings, localised', async () => {
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('welcome.ses.html') }, position: { line: 2, character: 3 } });
      const text = (hover?.contents as MarkupContent).value;
      assert.match(text, expected.topic);
      assert.match(text, expected.found);
      assert.ok(text.includes(expected.link), text);
      assert.match(text, /`image-relative-url`/);
      assert.doesNotMatch(text, /`image-missing-alt`/, 'the suppressed finding is not shown');
      assert.deepEqual(hover?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 27 } });
    });

    it('hovers a diagnostic with the FAQ topic of its check, localised', async () => {
      const offset = DATA.indexOf('{ "a"') + 2;
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('welcome.data.json') }, position: { line: 0, character: offset } });
      const text = (hover?.contents as MarkupContent).value;
      assert.match(text, expected.send);
      assert.ok(text.includes(expected.link), text);
    });

    it('hovers a variable and its data key with what the checks found about its value, localised', async () => {
      const use = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('welcome.ses.html') }, position: { line: 4, character: 13 } });
      assert.match((use?.contents as MarkupContent).value, expected.value);
      const keyOffset = DATA.indexOf('"banner"') + 2;
      const key = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('welcome.data.json') }, position: { line: 0, character: keyOffset } });
      assert.match((key?.contents as MarkupContent).value, expected.value);
    });
  });
}
