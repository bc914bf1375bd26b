import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtml } from '../../common/htmlModel';
import { lineStarts, offsetAt } from '../../client/src/preview/images';
import { decodeEntities, htmlToText } from '../../client/src/preview/plainText';
import { renderEmail, type RenderInput } from '../../client/src/preview/render';

const labels = { noAlt: 'NO ALT', decorative: 'DECORATIVE', missingTooltip: 'no value for {0}', tooLarge: '{0} > {1}' };
/** The email document's content after our head (the template as rendered). */
const body = (input: Partial<RenderInput>) => renderEmail({ data: {}, view: 'imagesOff', labels, ...input }).srcdoc.replace(/^[\s\S]*?<\/style>/, '');

describe('preview images', () => {
  it('replaces images by boxes with their alt text, at their size, in every quoting style', () => {
    assert.equal(body({ html: '<img src="https://x/l.png" alt="Example Shop" width="140" height="40">' }),
      '<span class="ses-img-off" style="width:140px;min-height:40px;">Example Shop</span>');
    assert.equal(body({ html: "<IMG src=x.png ALT='Logo' width=50% alt=\"second\">" }), '<span class="ses-img-off" style="width:50%;">Logo</span>');
  });

  it('warns in the box of an image without alt, and leaves an empty box for a decorative one', () => {
    assert.equal(body({ html: '<IMG src="x.png">' }), '<span class="ses-img-off ses-img-noalt" style="">NO ALT</span>');
    assert.equal(body({ html: '<img src="x.png" alt="" width="50%">' }), '<span class="ses-img-off ses-img-decorative" title="DECORATIVE" style="width:50%;"></span>');
    assert.equal(body({ html: '<img src="x.png" alt>' }), '<span class="ses-img-off ses-img-decorative" title="DECORATIVE" style=""></span>');
  });

  it('keeps alt text from opening a tag, and fills its placeholders (escaped, or marked when missing)', () => {
    assert.equal(body({ html: '<img alt=\'a<script>b\'>' }), '<span class="ses-img-off" style="">a&lt;script>b</span>');
    assert.equal(body({ html: '<img alt="{{shop}} {{x}}" src="{{logo}}">', data: { shop: '<S&Co>', logo: 'l.png' } }),
      '<span class="ses-img-off" style="">&lt;S&amp;Co&gt; <mark class="ses-missing" title="no value for x">{{x}}</mark></span>');
  });

  it('outlines the tag of each image problem, with the messages as tooltip, and skips unrenderable elements', () => {
    const html = '<p>x</p><img src="images/a.png" alt="A"><td style="background:url(y.png)"><style>.b{background:url(x.png)}</style>';
    const offset = html.indexOf('images/a.png');
    const imageProblems = [
      { offset, message: 'relative <url> {{x}}' }, { offset: html.indexOf('<img'), message: 'second' }, { offset, message: 'second' },
      { offset: html.indexOf('url(y'), message: 'td' }, { offset: html.indexOf('url(x'), message: 'css' }, { offset: -1, message: 'bad' }, { offset: 1e9, message: 'bad' }, { offset: NaN, message: 'bad' },
    ];
    // The image's tooltip is on a wrapper: Chromium would draw a broken image's own title in its place.
    assert.equal(body({ html, imageProblems, view: 'html' }), '<p>x</p><span class="ses-problem-tip" title="relative &lt;url&gt; {{x}}\nsecond"><img data-ses-problem="" src="images/a.png" alt="A"></span>'
      + '<td data-ses-problem="" title="td" style="background:url(y.png)"><style>.b{background:url(x.png)}</style>');
    // The boxes of images off keep the outline, inside the same wrapper.
    assert.match(body({ html, imageProblems }), /^<p>x<\/p><span class="ses-problem-tip" title="[^"]*"><span class="ses-img-off" data-ses-problem="" style="">A<\/span><\/span><td data-ses-problem=""/);
  });

  it('counts offsets like VS Code, over \\n and \\r\\n line ends', () => {
    const text = 'ab\ncd\r\nef';
    assert.equal(offsetAt(text, lineStarts(text), 2, 1), 'ab\ncd\r\n'.length + 1);
    assert.equal(offsetAt('ab', lineStarts('ab'), 5, 0), 2);
    assert.equal(offsetAt('ab', lineStarts('ab'), 0, 99), 2);
  });
});

describe('derived plain text', () => {
  const toText = (html: string) => htmlToText(html, parseHtml(html, { blankTexts: true }));

  it('turns blocks into lines, keeps link URLs and image alt text, drops head and styles', () => {
    const html = '<html><head><title>T</title><style>p{}</style></head><body><h1>Hi {{first_name}}!</h1><p>Order <b>{{id}}</b>&nbsp;is &amp; was<br>ok.</p>'
      + '<p><a href="https://x.com/o/{{id}}">track it</a> <a href="https://x.com">https://x.com</a></p><img src="l.png" alt="Logo"><img src="s.png"><ul><li>one</li><li>two</li></ul></body></html>';
    assert.equal(toText(html), 'Hi {{first_name}}!\n\nOrder {{id}} is & was\nok.\n\ntrack it (https://x.com/o/{{id}}) https://x.com\n\n[Logo]\n• one\n• two');
  });

  it('keeps the space between inline elements, and ends an unclosed head where the body starts', () => {
    assert.equal(toText('<p><b>a</b> <i>b</i></p>'), 'a b');
    assert.equal(toText('<head><meta charset="utf-8"><body><p>shown</p>'), 'shown');
    assert.equal(toText('<td>a</td><td>b</td>'), 'a b');
  });

  it('decodes numeric and named entities, and leaves unknown ones', () => {
    assert.equal(decodeEntities('&#20320;&#x597D; &yen;1 &bogus; &#0; &#xD800;'), '你好 ¥1 &bogus; \ufffd \ufffd');
  });
});
