import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { attribute, decodeEntities, htmlModelOf, parseHtml } from '../../common/htmlModel';
import { classifyUrl } from '../../server/src/service/checks/htmlCommon';

describe('HTML model', () => {
  it('gives elements with lower-case names, attributes and value offsets', () => {
    const text = '<IMG SRC="https://x.cn/a.png" alt=\'A\' width=10 hidden><p>Hi</p>';
    const html = parseHtml(text);
    assert.deepEqual(html.elements.map((e) => e.tag), ['img', 'p']);
    const img = html.named('img')[0];
    assert.deepEqual(img.attributes.map((a) => [a.name, a.value]), [['src', 'https://x.cn/a.png'], ['alt', 'A'], ['width', '10'], ['hidden', undefined]]);
    const src = attribute(img, 'src')!;
    assert.equal(text.slice(src.valueStart, src.valueEnd), 'https://x.cn/a.png');
    assert.equal(text.slice(img.start, img.end), text.slice(0, text.indexOf('<p>')));
    assert.deepEqual(html.texts.map((t) => text.slice(t.start, t.end)), ['Hi']);
    assert.equal(html.named('p')[0].closeStart, text.indexOf('</p>'));
  });

  it('keeps {{variables}} inside attribute values and tags', () => {
    const text = '<img src="{{logo_url}}"><a href={{link}}>x</a><img src="https://cdn.x/{{file}}"><td {{#if a}}class="b"{{/if}} title="{{t "q"}}">';
    const html = parseHtml(text);
    assert.deepEqual(html.named('img').map((e) => attribute(e, 'src')!.value), ['{{logo_url}}', 'https://cdn.x/{{file}}']);
    assert.equal(attribute(html.named('a')[0], 'href')!.value, '{{link}}');
    const td = html.named('td')[0];
    assert.equal(attribute(td, 'class')!.value, 'b');
    assert.equal(attribute(td, 'title')!.value, '{{t "q"}}');
  });

  it('skips comments, doctype, script and style content, and finds CSS urls with their property', () => {
    const text = '<!DOCTYPE html><!-- <img src="a.png"> --><style>td { background-image: url("bg.png"); } @import url(x.css);</style>' +
      '<script>var s = "<img src=b.png>";</script><div style="background:#fff url(\'c.png\') no-repeat">t</div>';
    const html = parseHtml(text);
    assert.deepEqual(html.named('img'), []);
    assert.deepEqual(html.cssUrls.map((u) => [u.value, u.property, text.slice(u.start, u.end)]), [
      ['bg.png', 'background-image', 'bg.png'], ['x.css', '@import', 'x.css'], ['c.png', 'background', 'c.png'],
    ]);
    assert.deepEqual(html.texts.map((t) => text.slice(t.start, t.end)), ['t']);
  });

  it('survives unclosed tags, stray brackets and attributes without values', () => {
    const html = parseHtml('<p a b= c=">< <img src="x.png" <div>1 < 2 </div');
    assert.ok(html.elements.length >= 1);
    assert.doesNotThrow(() => parseHtml('<img src="{{x>'));
    assert.doesNotThrow(() => parseHtml('<'));
    assert.doesNotThrow(() => parseHtml('<style>'));
  });

  it('is computed once per document version', () => {
    const document = TextDocument.create('file:///a.ses.html', 'ses-html', 1, '<img src="a.png">');
    const first = htmlModelOf({ document });
    assert.equal(htmlModelOf({ document }), first);
    TextDocument.update(document, [{ text: '<a href="#">' }], 2);
    const second = htmlModelOf({ document });
    assert.notEqual(second, first);
    assert.equal(second.named('a').length, 1);
  });

  it('decodes the character references of URLs', () => {
    assert.equal(decodeEntities('a?x=1&amp;y=2&#38;z&#x3D;3'), 'a?x=1&y=2&z=3');
  });

  it('classifies URLs as a mail client sees them', () => {
    const cases: Array<[string, string]> = [
      ['', 'empty'], ['#', 'fragment'], ['images/a.png', 'relative'], ['/a.png', 'relative'], ['www.x.com/a.png', 'relative'],
      ['//cdn.x.com/a.png', 'protocol-relative'], ['file:///C:/a.png', 'local'], ['C:\\img\\a.png', 'local'], ['http://localhost:8080/a.png', 'local'],
      ['http://192.168.1.2/a.png', 'local'], ['data:image/png;base64,AAA', 'data'], ['http://x.com/a.png', 'http'], ['https://x.com/a.png', 'https'],
      [' HTTPS://X.COM ', 'https'], ['javascript:void(0)', 'javascript'], ['mailto:a@b.cn', 'mailto'], ['cid:logo', 'cid'], ['tel:10086', 'other'],
      ['htps://x.com', 'malformed'], ['http:/x.com', 'malformed'], ['https//x.com', 'malformed'], ['https://x .com/a.png', 'malformed'], ['https://x.com/a b.png', 'https'],
      ['https://example/a.png', 'malformed'], ['https://x..com/', 'malformed'], ['http://[bad/', 'malformed'],
    ];
    for (const [url, kind] of cases) assert.equal(classifyUrl(url), kind, url);
  });
});
