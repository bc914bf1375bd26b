import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { imageCssBackground } from '../../server/src/service/checks/imageCssBackground';
import { imageDataUri } from '../../server/src/service/checks/imageDataUri';
import { imageHeavyEmail } from '../../server/src/service/checks/imageHeavyEmail';
import { imageInsecureUrl } from '../../server/src/service/checks/imageInsecureUrl';
import { imageMalformedUrl } from '../../server/src/service/checks/imageMalformedUrl';
import { imageMissingAlt } from '../../server/src/service/checks/imageMissingAlt';
import { imageMissingSize } from '../../server/src/service/checks/imageMissingSize';
import { imageMissingSrc } from '../../server/src/service/checks/imageMissingSrc';
import { imageRelativeUrl } from '../../server/src/service/checks/imageRelativeUrl';
import { imageSvg } from '../../server/src/service/checks/imageSvg';
import { tooManyImages } from '../../server/src/service/checks/tooManyImages';
import { loadServerL10n } from '../../server/src/serverL10n';
import { checkTable as table, html, runChecks } from './checkHarness';



table(imageMissingSrc, DiagnosticSeverity.Error, [
  ['an img without src', html('<p>x</p><«img» alt="a">'), /This image has no `src` attribute/],
  ['an empty src', html('<img «src»="" alt="a"><IMG «src»>')],
  ['a blank src', html('<img src="«  »">'), /The `src` of this image is empty/],
], [
  ['an img with src', html('<img src="https://x.cn/a.png">')],
  ['an img in a comment', html('<!-- <img> -->')],
  ['a text part', { 'welcome.ses.txt': '<img>' }],
]);

table(imageRelativeUrl, DiagnosticSeverity.Error, [
  ['a relative path', html('<img src="«images/a.png»">'), /The image URL `images\/a.png` is relative/],
  ['a root-relative path and a file URL', html('<img src="«/a.png»"><img src="«file:///C:/a.png»">')],
  ['a protocol-relative URL', html('<img src="«//cdn.x.cn/a.png»">'), /has no scheme/],
  ['localhost', html('<img src="«http://localhost:3000/a.png»">'), /points to your computer/],
  ['a relative CSS background and background attribute', html('<td style="background-image:url(«bg.png»)" background="«img/b.png»">')],
  ['a variable with a bad value in one data set, naming the set', html('<img src="«{{logo_url}}»">', {
    'welcome.data.json': '{"logo_url": "https://x.cn/logo.png"}', 'welcome.data.zh.json': '{"logo_url": "logo.png"}',
  }), /`logo\.png` \(with data set zh\)/],
  ['a relative path before a variable with no data set', html('<img src="«images/{{file}}»">')],
], [
  ['an https URL', html('<img src="https://static.example.com/a.png">')],
  ['a cid: attachment', html('<img src="cid:logo">')],
  ['a variable whose every value is absolute', html('<img src="{{logo}}">', { 'welcome.data.json': '{"logo": "https://x.cn/l.png"}' })],
  ['a variable a data set lacks (missing-variable says so)', html('<img src="{{logo}}">', { 'welcome.data.json': '{}' })],
  ['a variable alone with no data set', html('<img src="{{logo}}">')],
  ['a relative link (not an image)', html('<a href="a.html">a</a>')],
]);

table(imageDataUri, DiagnosticSeverity.Warning, [
  ['a base64 image', html('<img src="«data:image/png;base64,iVBORw0KGgo=»">'), /embedded as a data URI/],
  ['a data URI in CSS', html('<div style="background:url(\'«data:image/gif;base64,R0lG»\')">')],
], [['an https image', html('<img src="https://x.cn/data.png">')]]);

table(imageInsecureUrl, DiagnosticSeverity.Warning, [
  ['an http image', html('<img src="«http://x.cn/a.png»">'), /uses http/],
  ['an http value from a data set', html('<img src="«{{u}}»">', { 'welcome.data.json': '{"u": "http://x.cn/a.png"}' }), /\(with data set default\)/],
], [['https', html('<img src="https://x.cn/a.png">')], ['an http link', html('<a href="http://x.cn">x</a>')]]);

table(imageMalformedUrl, DiagnosticSeverity.Warning, [
  ['a mistyped scheme', html('<img src="«htps://x.cn/a.png»">'), /is not a valid URL/],
  ['spaces, missing slashes and no host', html('<img src="«https://x cn/logo.png»"><img src="«http:/x.cn/a.png»"><img src="«https://cdn/a.png»">')],
  ['a non-web scheme', html('<img src="«javascript:alert(1)»">'), /is not a web address/],
], [
  ['a valid URL with an encoded space and entities', html('<img src="https://x.cn/a%20b.png?w=1&amp;h=2">')],
  ['a variable host with no data set', html('<img src="https://{{host}}/a.png">')],
]);

table(imageMissingAlt, DiagnosticSeverity.Information, [
  ['an img without alt', html('<«img» src="https://x.cn/a.png">'), /no `alt` text/],
], [['alt text', html('<img src="a" alt="Logo">')], ['an empty alt (decorative)', html('<img src="a" alt="">')]]);

table(imageMissingSize, DiagnosticSeverity.Information, [
  ['an img without size', html('<«img» src="a" alt="">'), /neither `width` nor `height`/],
  ['an img without height', html('<«img» src="a" width="100">'), /no `height`:/],
], [
  ['width and height attributes', html('<img src="a" width="100" height="20">'),],
  ['sizes in the style', html('<img src="a" width="600" style="display:block;height:auto">')],
  ['max-width does not count, but with both attributes it is fine', html('<img src="a" style="max-width:100%" width="1" height="1">')],
]);

table(imageCssBackground, DiagnosticSeverity.Information, [
  ['a CSS background image', html('<style>.hero { background-image: url(«https://x.cn/bg.jpg»); }</style><td style="background: #fff url(\'«https://x.cn/b.png»\')">')],
  ['a background attribute', html('<table background="«https://x.cn/bg.jpg»">'), /Outlook on Windows/],
], [
  ['a background color', html('<body style="background:#f4f6f8"><td bgcolor="#fff">')],
  ['a web font url', html('<style>@font-face { font-family: X; src: url(https://x.cn/x.woff2); }</style>')],
]);

table(imageSvg, DiagnosticSeverity.Warning, [
  ['an svg URL', html('<img src="«https://x.cn/logo.svg?v=2»">'), /SVG image/],
  ['an svg data URI and inline svg', html('<img src="«data:image/svg+xml;utf8,x»"><«svg» width="10"></svg>')],
  ['an svg value in a data set', html('<img src="«{{icon}}»">', { 'welcome.data.json': '{"icon": "https://x.cn/i.svg"}' })],
], [['a png', html('<img src="https://x.cn/svg.png">')]]);

const imgs = (n: number) => Array.from({ length: n }, () => '<img src="https://x.cn/a.png">').join('');
table(tooManyImages, DiagnosticSeverity.Warning, [
  ['51 images, at the 51st', html(imgs(50) + '<«img» src="https://x.cn/a.png">' + imgs(3)), /54 images, more than 50/],
], [['50 images', html(imgs(50))]]);

table(imageHeavyEmail, DiagnosticSeverity.Warning, [
  ['a picture email', html('<«img» src="https://x.cn/a.png"><p>Sale!</p>'), /1 image and about 5 characters/],
  ['three banners and a line', html('<«img» src="a"><img src="b"><img src="c"><p>' + 'x'.repeat(150) + '</p>')],
], [
  ['no image', html('<p>x</p>')],
  ['an image and a paragraph', html('<img src="a"><p>' + 'Thanks for your order, we will ship it soon. '.repeat(3) + '</p>')],
  ['Chinese text weighs more per character', html('<img src="a"><img src="b"><p>' + '感谢您一直以来对示例商城的支持。'.repeat(5) + '</p>')],
  ['a tracking pixel and short text', html('<p>Your code is 123456, valid for 10 minutes.</p><img src="https://t.x.cn/p.gif" width="1" height="1">')],
]);

describe('image checks', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('report once per data set with a bad value, naming each', () => {
    const run = runChecks([imageRelativeUrl], html('<img src="https://cdn.x/{{file}}"><img src="{{base}}/a.png">', {
      'welcome.data.json': '{"file": "a.png", "base": "/static"}', 'welcome.data.en.json': '{"file": "a.png", "base": "./s"}', 'welcome.data.zh.json': '{"file": "b.png", "base": "https://x.cn"}',
    }));
    assert.deepEqual(run.all.map((d) => [d.range.start.character, String(d.message).split(' is relative')[0]]), [
      // A value built from a data set is shown by its first 12 characters (it may hold a token).
      [44, 'The image URL `/static/a.pn…` (with data set default)'],
      [44, 'The image URL `./s/a.png` (with data set en)'],
    ]);
  });

  it('speak Simplified Chinese with the zh-cn bundle', () => {
    const contents = loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'));
    assert.ok(contents);
    l10n.config({ contents });
    const run = runChecks([imageRelativeUrl, imageMissingAlt], html('<img src="{{logo}}" alt="x"><img src="https://x.cn/a.png">', { 'welcome.data.json': '{"logo": "logo.png"}' }));
    assert.deepEqual(run.all.map((d) => d.message), [
      '图片地址 `logo.png`（数据集 default） 是相对路径：邮件客户端没有可供解析的页面地址，收件人会看到破损的图片。请上传图片并使用其 https 绝对地址。',
      '此图片没有 `alt` 替代文本：许多邮件客户端在收件人允许之前会屏蔽图片，并改为显示替代文本。请描述图片内容；装饰性图片可写 `alt=""`。',
    ]);
  });

  it('can be turned off or downgraded', () => {
    const files = html('<img src="a.png">');
    assert.deepEqual(runChecks([imageRelativeUrl], files, { settings: { checks: { 'image-relative-url': 'off' } } }).all, []);
    assert.equal(runChecks([imageRelativeUrl], files, { settings: { checks: { 'image-relative-url': 'hint' } } }).all[0].severity, DiagnosticSeverity.Hint);
  });
});
