import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CHECKS } from '../../server/src/service/checks';
import { imageCssBackground } from '../../server/src/service/checks/imageCssBackground';
import { imageHeavyEmail } from '../../server/src/service/checks/imageHeavyEmail';
import { imageMissingSize } from '../../server/src/service/checks/imageMissingSize';
import { unsupportedHtml } from '../../server/src/service/checks/unsupportedHtml';
import { linkEmpty } from '../../server/src/service/checks/linkEmpty';
import { linkInsecure } from '../../server/src/service/checks/linkInsecure';
import { complexValue } from '../../server/src/service/checks/complexValue';
import { missingVariable } from '../../server/src/service/checks/missingVariable';
import { nonStringValue } from '../../server/src/service/checks/nonStringValue';
import { templateDataTooLarge } from '../../server/src/service/checks/templateDataTooLarge';
import { tencentDialect } from '../../server/src/service/checks/tencentDialect';
import { unusedDataKey } from '../../server/src/service/checks/unusedDataKey';
import { variableInComment } from '../../server/src/service/checks/variableInComment';
import { variableName } from '../../server/src/service/checks/variableName';
import { assertMarkedRanges, html, messageOf, runChecks } from './checkHarness';
import { loadServerL10n } from '../../server/src/serverL10n';
import * as path from 'node:path';

// Patterns of false findings seen on real public templates (issue 12), each with a true case beside it.
describe('real-template patterns: placeholders in HTML comments', () => {
  it('missing-variable and variable-name leave out authoring notes in comments; true uses are still reported', () => {
    const files = {
      'welcome.ses.html': '<!-- {{Campaign-Name}} by {{author}} -->\n<p>Hi {{«name»}}</p>\n<!-- footer: {{legal}} -->',
      'welcome.data.json': '{"first": "A"}',
    };
    const run = runChecks([missingVariable, variableName], files);
    assertMarkedRanges(run);
    assert.equal(run.all[0].code, 'missing-variable');
  });

  it('variables inside Outlook conditional comments are real variables (Outlook renders that HTML)', () => {
    const run = runChecks([missingVariable], {
      'welcome.ses.html': '<!--[if mso]><v:roundrect href="{{«cta_url»}}"><![endif]-->\n<!--[if !mso]><!--><a href="{{cta_url}}">Go</a><!--<![endif]-->',
      'welcome.data.json': '{"x": "1"}',
    });
    assertMarkedRanges(run);
  });

  it('variable-in-comment: one info per part at the first placeholder in a comment, naming them all', () => {
    const run = runChecks([variableInComment], {
      'welcome.ses.html': '<!-- {{«Campaign-Name»}} --><p>{{name}}</p><!-- {{author}} {{Campaign-Name}} -->',
      'welcome.ses.txt': 'Hi {{name}} <!-- {{not_html}} -->',
      'welcome.data.json': '{"name": "A"}',
    });
    assertMarkedRanges(run);
    assert.equal(run.all.length, 1);
    assert.equal(run.all[0].severity, DiagnosticSeverity.Information);
    assert.match(messageOf(run.all[0]), /placeholders inside HTML comments \(`\{\{Campaign-Name\}\}`, `\{\{author\}\}`\)\. Whether Tencent SES fills placeholders inside comments is undocumented/);
  });

  it('variable-in-comment is quiet without comment placeholders, in conditional comments, and in the handlebars dialect', () => {
    assert.deepEqual(runChecks([variableInComment], { 'welcome.ses.html': '<!-- note --><p>{{name}}</p>' }).all, []);
    assert.deepEqual(runChecks([variableInComment], { 'welcome.ses.html': '<!--[if mso]><a href="{{u}}">x</a><![endif]-->' }).all, []);
    assert.deepEqual(runChecks([variableInComment], { 'welcome.ses.html': '<!-- {{a}} -->' }, { dialect: 'handlebars' }).all, []);
  });

  it('a key used only inside a comment is not unused', () => {
    assert.deepEqual(runChecks([unusedDataKey], { 'welcome.ses.html': '<!-- {{ref}} --><p>{{name}}</p>', 'welcome.data.json': '{"name": "a", "ref": "b"}' }).all, []);
  });
});

describe('real-template patterns: the handlebars dialect', () => {
  const hbs = { dialect: 'handlebars' as const };

  it('a key used only as a section {{#key}}…{{/key}} is used', () => {
    const run = runChecks([unusedDataKey], {
      'welcome.ses.html': '{{#items}}<li>{{title}}</li>{{/items}}{{^promo}}none{{/promo}}',
      'welcome.data.json': '{"items": [{"title": "a"}], "promo": false, «"old"»: "x"}',
    }, hbs);
    assertMarkedRanges(run);
  });

  it('an {{#if flag}} / {{#unless}} / section flag left out of a data set is not missing; a value read elsewhere still is', () => {
    const run = runChecks([missingVariable], {
      'welcome.ses.html': '{{#if vip}}VIP{{/if}}{{#unless trial}}paid{{/unless}}{{#banner}}b{{/banner}}\n{{#if coupon}}Use {{«coupon»}}{{/if}} {{«name»}}',
      'welcome.data.json': '{"x": "1"}',
    }, hbs);
    assertMarkedRanges(run);
  });

  it('in the tencent dialect a block is tencent-dialect\'s finding: its key and the fields of #each are not also missing; plain variables are', () => {
    const run = runChecks([missingVariable], { 'welcome.ses.html': '{{#if vip}}VIP {{«coupon»}}{{/if}} {{#each items}}{{title}} {{price}}{{/each}} {{«name»}}', 'welcome.data.json': '{"x": "1"}' });
    assertMarkedRanges(run);
  });

  it('constructs inside HTML comments go to variable-in-comment, not tencent-dialect', () => {
    const run = runChecks([tencentDialect, variableInComment], { 'welcome.ses.html': '<!-- audience «{{Audience Segment}}» --><p>{{name}}</p>' });
    assertMarkedRanges(run);
    assert.equal(run.all[0].code, 'variable-in-comment');
    assert.match(messageOf(run.all[0]), /\(`\{\{Audience Segment\}\}`\)/);
  });

  it("TemplateData's rules (complex-value, non-string-value, template-data-too-large) apply only in the tencent dialect", () => {
    const files = {
      'welcome.ses.html': '{{#each items}}{{this}}{{/each}}{{#if vip}}v{{/if}}{{n}}{{big}}',
      'welcome.data.json': JSON.stringify({ items: ['a'], vip: true, n: 3, big: 'x'.repeat(900) }),
    };
    assert.deepEqual(runChecks([complexValue, nonStringValue, templateDataTooLarge], files, hbs).all, []);
    const codes = runChecks([complexValue, nonStringValue, templateDataTooLarge], files).all.map((d) => d.code).sort();
    assert.deepEqual(codes, ['complex-value', 'non-string-value', 'non-string-value', 'template-data-too-large']);
  });
});

describe('real-template patterns: Handlebars escapes in the tencent dialect', () => {
  it('reports \\{{x}}: Tencent has no escape syntax', () => {
    const run = runChecks([tencentDialect], { 'welcome.ses.html': '<p>Write «\\{{ name }}» in your template, hi {{name}}</p>' });
    assertMarkedRanges(run);
    assert.match(messageOf(run.all[0]), /Tencent SES has no escape syntax: in `\\\{\{ name \}\}` the backslash would be sent as written/);
    assert.equal(run.all[0].severity, DiagnosticSeverity.Error);
  });

  it('in the subject too, and not in the handlebars dialect', () => {
    assertMarkedRanges(runChecks([tencentDialect], { 'welcome.ses.html': 'x', 'ses.config.json': '{"templates": {"welcome": {"subject": "Hi \\«\\{{name}}»"}}}' }));
    assert.deepEqual(runChecks([tencentDialect], { 'welcome.ses.html': '\\{{name}}' }, { dialect: 'handlebars' }).all, []);
  });

  it('has a Chinese text', () => {
    l10n.config({ contents: loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'))! });
    try {
      const run = runChecks([tencentDialect, variableInComment], { 'welcome.ses.html': '\\{{a}} <!-- {{b}} -->' });
      const text = run.all.map(messageOf).join('\n');
      assert.match(text, /腾讯云 SES 没有转义语法/);
      assert.match(text, /HTML 注释中含有占位符（`\{\{b\}\}`）/);
    } finally {
      l10n.config({ contents: {} });
    }
  });

  it('every check is registered once', () => assert.equal(new Set(CHECKS.map((c) => c.meta.id)).size, CHECKS.length));
});

describe('real-template patterns: images', () => {
  it('image-missing-size: a fluid image leaves its height out on purpose; a fixed one without height is reported', () => {
    const run = runChecks([imageMissingSize], html(
      '<img src="a" width="600" style="width:100%; max-width:600px; display:block">' + // Cerberus
      '<img src="b" width="560" style="max-width: 100%">' +
      '<img src="c" width="48" style="height:auto">' +
      '<«img» src="d" width="120">' +
      '<«img» src="e" style="max-width:100%">',
    ));
    assertMarkedRanges(run);
    assert.match(run.all.map(messageOf).join('\n'), /no `height`:[\s\S]*neither `width` nor `height`/);
  });

  it('image-missing-size: a stylesheet rule making every img fluid counts too', () => {
    assert.deepEqual(runChecks([imageMissingSize], html('<style>@media only screen { .x {} } img { border: 0; max-width: 100%; }</style><img src="a" width="300">')).all, []);
    assert.equal(runChecks([imageMissingSize], html('<style>.hero img { border: 0 }</style><img src="a" width="300">')).all.length, 1);
  });

  it('image-heavy-email: social icons, spacers and a small logo are not counted; large images still are', () => {
    const icons = ['fb', 'tw', 'ig', 'wb'].map((n) => `<img src="https://x.cn/${n}.png" width="32" height="32" alt="${n}">`).join('');
    const notice = '<img src="https://x.cn/logo.png" width="140" height="40" alt="Logo"><img src="https://x.cn/s.gif" width="600" height="1"><p>Your password was changed today. If this was not you, contact support right away.</p>' + icons;
    assert.deepEqual(runChecks([imageHeavyEmail], html(notice)).all, []);
    const run = runChecks([imageHeavyEmail], html('<«img» src="https://x.cn/hero.jpg" width="600" height="300"><img src="https://x.cn/b.jpg" width="600"><p>Big sale on now, see everything.</p>' + icons));
    assertMarkedRanges(run);
    assert.match(messageOf(run.all[0]), /2 images and about/);
  });

  it('image-heavy-email says "1 image" for one image', () => {
    const run = runChecks([imageHeavyEmail], html('<img src="https://x.cn/a.png" width="600" height="400"><p>Hi</p>'));
    assert.match(messageOf(run.all[0]), /mostly images: 1 image and about 2 characters/);
  });

  it('image-css-background: a bulletproof background (VML fallback of the same image and a colour) is quiet; without either it is reported', () => {
    const bulletproof = '<td background="https://x.cn/bg.jpg" bgcolor="#7bceeb" valign="top"><!--[if gte mso 9]><v:rect xmlns:v="urn:schemas-microsoft-com:vml" fill="true" stroke="false" style="width:600px;height:300px;"><v:fill type="tile" src="https://x.cn/bg.jpg" color="#7bceeb" /><v:textbox inset="0,0,0,0"><![endif]--><div>Hello</div><!--[if gte mso 9]></v:textbox></v:rect><![endif]--></td>';
    assert.deepEqual(runChecks([imageCssBackground], html(bulletproof)).all, []);
    const styled = '<td style="background-color:#333; background-image:url(https://x.cn/h.jpg)"><!--[if gte mso 9]><v:image src="https://x.cn/h.jpg" /><![endif]--></td>';
    assert.deepEqual(runChecks([imageCssBackground], html(styled)).all, []);
    assertMarkedRanges(runChecks([imageCssBackground], html('<td background="«https://x.cn/bg.jpg»" bgcolor="#fff"><!--[if gte mso 9]><v:fill src="https://x.cn/other.jpg" /><![endif]--></td><td background="«https://x.cn/c.jpg»"><!--[if gte mso 9]><v:fill src="https://x.cn/c.jpg" /><![endif]--></td>')));
  });
});

describe('real-template patterns: web fonts', () => {
  const face = "<style>@font-face { font-family: 'Brand Sans'; src: url(«https://x.cn/b.woff2») format('woff2'); }";
  it('@font-face is quiet when every font-family naming it has a fallback', () => {
    const run = runChecks([unsupportedHtml], html(face.replace(/[«»]/g, '') + " h1 { font-family: 'Brand Sans', Helvetica, Arial, sans-serif; }</style><p style=\"font-family: Brand Sans, sans-serif\">x</p>"));
    assert.deepEqual(run.all, []);
  });
  it('@font-face is reported when a font-family names it alone, in a rule or a style attribute', () => {
    assertMarkedRanges(runChecks([unsupportedHtml], html(face + " h1 { font-family: Arial, sans-serif; }</style><p style=\"font-family: 'Brand Sans'\">x</p>")));
  });
});

describe('real-template patterns: problems the checks missed', () => {
  it('inline event handlers are reported at the attribute; on-like names that are no handlers are not', () => {
    const run = runChecks([unsupportedHtml], html('<a href="https://x.cn" «onclick»="track()" «onMouseOver»="x()">Go</a><td one="1" on="x" data-on="y">'));
    assertMarkedRanges(run);
    assert.match(messageOf(run.all[0]), /Email clients strip event handlers such as `onclick`/);
  });

  it('stylesheets and web fonts over http:// are insecure; https ones are not', () => {
    const run = runChecks([linkInsecure], html('<link rel="stylesheet" href="«http://fonts.example.com/a.css»"><style>@import url(«http://fonts.example.com/b.css»); @font-face { font-family: X; src: url(«http://x.cn/x.woff»); } @import url(https://ok.cn/c.css); .a { background: url(http://x.cn/bg.png) }</style>'));
    assertMarkedRanges(run);
    assert.match(messageOf(run.all[0]), /The stylesheet or web font `http:\/\/fonts\.example\.com\/a\.css` is loaded over http/);
  });

  it('a link whose href is a variable that a data set leaves empty goes nowhere; with a value it is fine', () => {
    assertMarkedRanges(runChecks([linkEmpty], html('<a href="«{{url}}»">Go</a>', { 'welcome.data.json': '{"url": ""}', 'welcome.data.zh.json': '{"url": "https://x.cn"}' })));
  });

  it('has Chinese texts', () => {
    l10n.config({ contents: loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'))! });
    try {
      const text = [...runChecks([unsupportedHtml, linkInsecure], html('<a href="https://x.cn" onclick="t()">x</a><link rel="stylesheet" href="http://x.cn/a.css">')).all].map(messageOf).join('\n');
      assert.match(text, /邮件客户端会删除 `onclick` 这类事件处理属性/);
      assert.match(text, /样式表或网络字体 `http:\/\/x\.cn\/a\.css` 通过 http 加载/);
    } finally {
      l10n.config({ contents: {} });
    }
  });
});
