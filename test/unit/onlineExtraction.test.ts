import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSrcset } from '../../client/src/online/srcset';
import { extractUrls, httpUrl, MAX_URLS, type Extraction } from '../../client/src/online/urlExtraction';

/** The checked URLs with the kinds they play, e.g. `https://a.example/x.png image`. */
const urls = (e: Extraction) => e.targets.map((t) => `${t.url} ${[t.image ? 'image' : '', t.link ? 'link' : ''].filter(Boolean).join('+')}`);
const html = (text: string, dataSets: Array<{ set: string; data?: Record<string, unknown> }> = []) => extractUrls({ html: text, dataSets });

describe('online check: srcset parsing', () => {
  it('takes each candidate URL with its offsets, without descriptors', () => {
    const value = 'https://a.example/1x.png 1x, https://a.example/2x.png 2x,https://a.example/w.png 640w';
    const found = parseSrcset(value);
    assert.deepEqual(found.map((c) => c.url), ['https://a.example/1x.png', 'https://a.example/2x.png', 'https://a.example/w.png']);
    for (const c of found) assert.equal(value.slice(c.start, c.end), c.url);
  });
  it('keeps commas inside a URL and a placeholder with spaces whole', () => {
    assert.deepEqual(parseSrcset('https://a.example/img,resize=2.png 2x').map((c) => c.url), ['https://a.example/img,resize=2.png']);
    assert.deepEqual(parseSrcset('{{ cdn }}/a.png 2x, b.png').map((c) => c.url), ['{{ cdn }}/a.png', 'b.png']);
    assert.deepEqual(parseSrcset('a.png,, b.png').map((c) => c.url), ['a.png', 'b.png']);
  });
  it('never throws on odd input', () => {
    for (const value of ['', ',,,', '   ', '(((', 'a.png 1x (', '{{', '{{a', 'x'.repeat(10_000)]) assert.doesNotThrow(() => parseSrcset(value));
  });
});

describe('online check: URL extraction', () => {
  it('finds img src, srcset, background, CSS url() with any quotes and a href; roles are merged per URL', () => {
    const e = html(`<style>.h{background-image:url("https://cdn.example/bg.png")}</style>
<table background='https://cdn.example/table.png'><tr><td style="background:url(https://cdn.example/td.png)">
<img src="https://cdn.example/logo.png" srcset="https://cdn.example/logo@2x.png 2x">
<a href="https://shop.example/">shop</a> <a href="https://cdn.example/logo.png">logo</a>
<div style="background-image: url('https://cdn.example/single.png')"></div>`);
    assert.deepEqual(urls(e), [
      'https://cdn.example/bg.png image',
      'https://cdn.example/table.png image',
      'https://cdn.example/td.png image',
      'https://cdn.example/logo.png image+link',
      'https://cdn.example/logo@2x.png image',
      'https://shop.example/ link',
      'https://cdn.example/single.png image',
    ]);
    assert.equal(e.targets[3].occurrences.length, 2);
  });
  it('gives ranges at the URL in the document text', () => {
    const text = '<p>\n  <img alt="" src="https://cdn.example/a.png?x=1&amp;y=2">\n</p>';
    const [target] = html(text).targets;
    const [occurrence] = target.occurrences;
    assert.equal(text.slice(occurrence.start, occurrence.end), 'https://cdn.example/a.png?x=1&amp;y=2');
    // Entities are decoded before fetching: `&amp;` is `&` in the request.
    assert.equal(target.url, 'https://cdn.example/a.png?x=1&y=2');
  });
  it('skips mailto:, tel:, #, relative, data: and malformed URLs', () => {
    const e = html('<a href="mailto:a@b.example">m</a><a href="tel:+86123">t</a><a href="#top">t</a><img src="images/a.png"><img src="data:image/png;base64,AAA"><a href="htps://x.example">x</a><a href="https://">x</a><a href="javascript:alert(1)">j</a>');
    assert.deepEqual(e.targets, []);
    assert.deepEqual(e.unresolved, []);
  });
  it('fills {{variables}} in host and path from each data set: one URL per distinct value, naming the data sets', () => {
    const e = html('<img src="https://{{cdn}}/img/{{logo}}"><a href="{{site}}/orders/{{id}}">o</a>', [
      { set: 'default', data: { cdn: 'cdn.example', logo: 'a.png', site: 'https://shop.example', id: 7 } },
      { set: 'zh', data: { cdn: 'cdn.example', logo: 'a.png', site: 'https://shop.example.cn', id: 7 } },
      { set: 'broken' },
    ]);
    assert.deepEqual(urls(e), ['https://cdn.example/img/a.png image', 'https://shop.example/orders/7 link', 'https://shop.example.cn/orders/7 link']);
    assert.deepEqual(e.targets[0].occurrences[0].sets, ['default', 'zh']);
    assert.deepEqual(e.targets[2].occurrences[0].sets, ['zh']);
  });
  it('says which URLs keep an unresolved {{variable}}, and does not treat mailto:{{x}} as one', () => {
    const e = html('<img src="https://cdn.example/{{missing}}.png"><a href="mailto:{{email}}">m</a><a href="{{link}}">l</a>', [{ set: 'default', data: { other: 'x' } }]);
    assert.deepEqual(e.targets, []);
    assert.deepEqual(e.unresolved.map((u) => u.raw), ['https://cdn.example/{{missing}}.png', '{{link}}']);
    // No data set at all: nothing can be filled.
    assert.equal(html('<img src="https://{{cdn}}/a.png">').unresolved.length, 1);
  });
  it('finds links in the text part, without trailing punctuation; a {{variable}} that is a URL counts', () => {
    const text = 'Track it at https://shop.example/orders/{{id}}.\nHi {{name}}, see {{help}} (or https://help.example/faq), 谢谢https://a.example/x。';
    const e = extractUrls({ text, dataSets: [{ set: 'default', data: { id: 'A1', name: 'Alex', help: 'https://help.example/start' } }] });
    assert.deepEqual(urls(e), ['https://shop.example/orders/A1 link', 'https://help.example/start link', 'https://help.example/faq link', 'https://a.example/x link']);
    const first = e.targets[0].occurrences[0];
    assert.equal(text.slice(first.start, first.end), 'https://shop.example/orders/{{id}}');
    assert.equal(e.unresolved.length, 0);
  });
  it('turns Chinese IDN hosts into punycode', () => {
    const [target] = html('<a href="https://例子.中国/路径?q=邮件">x</a>').targets;
    assert.equal(target.url, 'https://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84?q=%E9%82%AE%E4%BB%B6');
  });
  it('dedupes, drops fragments and caps the number of URLs per run', () => {
    let text = '';
    for (let i = 0; i < 2000; i++) text += `<p>Item ${i} <img src="https://cdn.example/p/${i % 1000}.png#x" alt="product picture ${i}" width="80"></p>\n`;
    while (text.length < 200_000) text += '<p>padding text for a long email body</p>\n';
    // How the time grows with such a template: linearTime.test.ts (`extractUrls`, family "image rows").
    const e = html(text);
    assert.equal(e.targets.length, MAX_URLS);
    assert.equal(e.capped, 1000 - MAX_URLS);
    assert.equal(e.targets[0].url, 'https://cdn.example/p/0.png');
    assert.equal(e.targets[0].occurrences.length, 2);
    assert.equal(extractUrls({ html: text, dataSets: [], maxUrls: 5000 }).targets.length, 1000);
  });
  it('never throws on hostile input', () => {
    const hostile = [
      '<img src="', '<a href=', '<<<<>>>>', '<img src="https://[::1', '<a href="https://a.example/%E0%A4%A">',
      '<img srcset=",,, ,">', '<div style="background:url(">', '{{{{}}}}', '<img src="{{', `<a href="https://${'a'.repeat(70_000)}.example">`,
      '\0\uFFFF\uD800', '<a href="https://a.example/{{__proto__}}">', '<img src="https://{{constructor}}/x">',
    ];
    for (const text of hostile) {
      assert.doesNotThrow(() => extractUrls({ html: text, text, dataSets: [{ set: 'default', data: { a: 'b' } }] }), text.slice(0, 40));
    }
    // __proto__ and constructor are not values of a data set.
    const e = extractUrls({ html: '<a href="https://a.example/{{__proto__}}">', dataSets: [{ set: 'default', data: {} }] });
    assert.deepEqual(e.targets, []);
  });
  it('httpUrl accepts only absolute http(s) URLs', () => {
    assert.equal(httpUrl(' HTTPS://A.Example/x '), 'https://a.example/x');
    assert.equal(httpUrl('ftp://a.example/'), undefined);
    assert.equal(httpUrl('//a.example/x'), undefined);
    assert.equal(httpUrl('https://exa mple.com/'), undefined);
  });
});
