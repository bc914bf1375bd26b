import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { linkEmpty } from '../../server/src/service/checks/linkEmpty';
import { linkInsecure } from '../../server/src/service/checks/linkInsecure';
import { linkInvalidMailto, mailtoAddresses } from '../../server/src/service/checks/linkInvalidMailto';
import { linkJavascript } from '../../server/src/service/checks/linkJavascript';
import { linkMalformed } from '../../server/src/service/checks/linkMalformed';
import { linkShortener } from '../../server/src/service/checks/linkShortener';
import { linkTextMismatch, shownHost } from '../../server/src/service/checks/linkTextMismatch';
import { loadServerL10n } from '../../server/src/serverL10n';
import { checkTable as table, html, runChecks } from './checkHarness';



table(linkEmpty, DiagnosticSeverity.Warning, [
  ['an empty href and a lone #', html('<a «href»="">a</a> <a href="«#»">b</a> <a «href»>c</a>'), /empty `href` or only `#`/],
  ['a variable empty in one data set', html('<a href="«{{u}}»">a</a>', { 'welcome.data.json': '{"u": "https://x.cn"}', 'welcome.data.zh.json': '{"u": ""}' }), /With data set zh/],
], [
  ['a named anchor without href', html('<a name="top"></a>')],
  ['an in-page anchor', html('<a href="#terms">terms</a>')],
]);

table(linkJavascript, DiagnosticSeverity.Error, [
  ['a javascript: link', html('<a href="«javascript:void(0)»">x</a><a href=«JavaScript:go()»>y</a>'), /runs a script/],
], [['an https link', html('<a href="https://x.cn/javascript">x</a>')]]);

table(linkInsecure, DiagnosticSeverity.Warning, [
  ['an http link', html('<a href="«http://shop.example.com»">shop</a>'), /`http:\/\/shop\.example\.com` uses http/],
  ['an http base in a data set', html('<a href="«{{site}}/orders»">x</a>', { 'welcome.data.json': '{"site": "http://x.cn"}' })],
], [['https', html('<a href="https://shop.example.com">shop</a>')]]);

table(linkMalformed, DiagnosticSeverity.Warning, [
  ['a mistyped scheme and a space in the host', html('<a href="«htp://x.cn»">a</a><a href="«https://x cn/a»">b</a>'), /not a valid URL/],
  ['a relative link', html('<a href="«/orders/1»">a</a><a href="«www.x.cn»">b</a>'), /relative or local/],
  ['a malformed value from a data set', html('<a href="«{{u}}»">a</a>', { 'welcome.data.json': '{"u": "https//x.cn"}' }), /\(with data set default\)/],
], [
  ['valid links of every kind', html('<a href="https://x.cn/a?b=1&amp;c=2#d">a</a><a href="mailto:a@b.cn">m</a><a href="tel:+8610086">t</a><a href="#top">t</a>')],
  ['a variable with no data set', html('<a href="{{url}}">a</a><a href="https://{{host}}/x">b</a>')],
]);

table(linkShortener, DiagnosticSeverity.Warning, [
  ['a t.cn link', html('<a href="«https://t.cn/A6abcd»">x</a>'), /URL shortener `t\.cn`/],
  ['bit.ly, a subdomain and a literal host with a variable path', html('<a href="«http://bit.ly/x»">a</a><a href="«https://m.tinyurl.com/y»">b</a><a href="«https://dwz.cn/{{code}}»">c</a>')],
], [
  ['a full address', html('<a href="https://shop.example.com/t.cn">x</a>')],
  ['a look-alike domain', html('<a href="https://notbit.ly/x">x</a><a href="https://t.cn.example.com/">y</a>')],
]);

table(linkTextMismatch, DiagnosticSeverity.Warning, [
  ['text showing another domain', html('<a href="https://evil.example.net/login">«www.mybank.com»</a>'), /shows `mybank\.com` but the link opens `evil\.example\.net`/],
  ['a URL text inside markup', html('<a href="https://x.cn">«<span><b>https://paypal.com/</b></span>»</a>')],
  ['a mismatch with one data set only', html('<a href="{{u}}">«shop.example.com»</a>', { 'welcome.data.json': '{"u": "https://shop.example.com/a"}', 'welcome.data.zh.json': '{"u": "https://other.cn"}' }), /`other\.cn` \(with data set zh\)/],
], [
  ['the same host, with www and a path', html('<a href="https://www.example.com/a">example.com/a</a>')],
  ['a subdomain of the shown domain', html('<a href="https://shop.example.com/a">example.com</a>')],
  ['descriptive text and file names', html('<a href="https://x.cn">Open your account</a><a href="https://x.cn/r.pdf">report.pdf</a>')],
  ['an email address as text', html('<a href="mailto:a@example.com">a@example.com</a>')],
]);

table(linkInvalidMailto, DiagnosticSeverity.Warning, [
  ['mailto without an address', html('<a href="«mailto:»">a</a><a href="«mailto:support»">b</a><a href="«mailto:a@b.cn,oops»">c</a>'), /has no valid email address/],
  ['an invalid address from a data set', html('<a href="«mailto:{{email}}»">a</a>', { 'welcome.data.json': '{"email": "support at example.com"}' })],
], [
  ['valid addresses with a subject', html('<a href="mailto:a@example.com,b@example.cn?subject=Hi%20there">a</a><a href="MAILTO:%E5%AE%A2%E6%9C%8D@example.com">b</a>')],
  ['a variable with no data set', html('<a href="mailto:{{email}}">a</a>')],
]);

describe('link helpers and languages', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('reads the host that link text shows', () => {
    assert.equal(shownHost('https://WWW.Example.com/a'), 'example.com');
    assert.equal(shownHost('example.cn。'), 'example.cn');
    assert.equal(shownHost('index.html'), undefined);
    assert.equal(shownHost('Visit example.com'), undefined);
  });

  it('parses mailto addresses', () => {
    assert.deepEqual(mailtoAddresses('mailto:a@b.cn?cc=c@d.cn'), ['a@b.cn']);
    assert.equal(mailtoAddresses('mailto:%zz'), undefined);
  });

  it('speak Simplified Chinese with the zh-cn bundle', () => {
    const contents = loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'));
    assert.ok(contents);
    l10n.config({ contents });
    const run = runChecks([linkShortener, linkEmpty], html('<a href="https://t.cn/x">a</a><a href="#">b</a>'));
    assert.deepEqual(run.all.map((d) => d.message), [
      '链接 `https://t.cn/x` 使用了短链接服务 `t.cn`：短链接隐藏了目标地址，垃圾邮件过滤器不信任它们，短链接域名也常被列入黑名单。请链接到完整地址。',
      '此链接的 `href` 为空或只有 `#`：它不指向任何地方。请设置它应打开的地址。',
    ]);
  });
});
