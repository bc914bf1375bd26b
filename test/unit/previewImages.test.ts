import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributesOf, imagesOff, markImageProblems, offsetAt } from '../../client/src/preview/images';
import { decodeEntities, htmlToText } from '../../client/src/preview/plainText';

const labels = { noAlt: 'NO ALT', decorative: 'DECORATIVE' };

describe('preview images', () => {
  it('reads attributes in every quoting style, keeping the first of duplicates', () => {
    assert.deepEqual([...attributesOf(' src="a.png" ALT=\'Logo\' width=140 hidden alt="second"')],
      [['src', 'a.png'], ['alt', 'Logo'], ['width', '140'], ['hidden', '']]);
  });

  it('replaces images by boxes with their alt text, at their size', () => {
    assert.equal(imagesOff('<img src="https://x/l.png" alt="Example Shop" width="140" height="40">', labels),
      '<span class="ses-img-off" style="width:140px;min-height:40px;">Example Shop</span>');
  });

  it('warns in the box of an image without alt, and leaves an empty box for a decorative one', () => {
    assert.equal(imagesOff('<IMG src="x.png">', labels), '<span class="ses-img-off ses-img-noalt" style="">NO ALT</span>');
    assert.equal(imagesOff('<img src="x.png" alt="" width="50%">', labels), '<span class="ses-img-off ses-img-decorative" title="DECORATIVE" style="width:50%;"></span>');
  });

  it('keeps alt text from opening a tag', () => {
    assert.equal(imagesOff('<img alt=\'a<script>b\'>', labels), '<span class="ses-img-off" style="">a&lt;script>b</span>');
  });

  it('removes background attributes and CSS background images, keeping colours', () => {
    const html = '<td background="bg.png" bgcolor="#fff" style="background-image:url(\'a.png\');color:red"><div style="background: #eee url(b.png) no-repeat"></div>'
      + '<style>.h{background-image:url("c.png"), url(d.png)}</style>';
    assert.equal(imagesOff(html, labels),
      '<td bgcolor="#fff" style="background-image:none;color:red"><div style="background: #eee none no-repeat"></div><style>.h{background-image:none, none}</style>');
  });

  it('outlines the tag of each image problem, with the messages as tooltip, and skips unrenderable elements', () => {
    const html = '<p>x</p><img src="images/a.png" alt="A"><td style="background:url(y.png)"><style>.b{background:url(x.png)}</style>';
    const offset = html.indexOf('images/a.png');
    const marked = markImageProblems(html, [
      { offset, message: 'relative <url> {{x}}' }, { offset: html.indexOf('<img'), message: 'second' }, { offset, message: 'second' },
      { offset: html.indexOf('url(y'), message: 'td' }, { offset: html.indexOf('url(x'), message: 'css' }, { offset: -1, message: 'bad' }, { offset: 1e9, message: 'bad' },
    ]);
    // The image's tooltip is on a wrapper: Chromium would draw a broken image's own title in its place.
    assert.equal(marked, '<p>x</p><span class="ses-problem-tip" title="relative &lt;url&gt; &#123;&#123;x&#125;&#125;\nsecond"><img data-ses-problem="" src="images/a.png" alt="A"></span>'
      + '<td data-ses-problem="" title="td" style="background:url(y.png)"><style>.b{background:url(x.png)}</style>');
    // The boxes of images off keep the outline, inside the same wrapper.
    assert.match(imagesOff(marked, labels), /^<p>x<\/p><span class="ses-problem-tip" title="[^"]*"><span class="ses-img-off" data-ses-problem="" style="">A<\/span><\/span>/);
  });

  it('counts offsets like VS Code, over \\n and \\r\\n line ends', () => {
    assert.equal(offsetAt('ab\ncd\r\nef', 2, 1), 'ab\ncd\r\n'.length + 1);
    assert.equal(offsetAt('ab', 5, 0), 2);
  });
});

describe('derived plain text', () => {
  it('turns blocks into lines, keeps link URLs and image alt text, drops head and styles', () => {
    const html = '<html><head><title>T</title><style>p{}</style></head><body><h1>Hi {{first_name}}!</h1><p>Order <b>{{id}}</b>&nbsp;is &amp; was<br>ok.</p>'
      + '<p><a href="https://x.com/o/{{id}}">track it</a> <a href="https://x.com">https://x.com</a></p><img src="l.png" alt="Logo"><img src="s.png"><ul><li>one</li><li>two</li></ul></body></html>';
    assert.equal(htmlToText(html), 'Hi {{first_name}}!\n\nOrder {{id}} is & was\nok.\n\ntrack it (https://x.com/o/{{id}}) https://x.com\n\n[Logo]\n• one\n• two');
  });

  it('decodes numeric and named entities, and leaves unknown ones', () => {
    assert.equal(decodeEntities('&#20320;&#x597D; &yen;1 &bogus; &#0; &#xD800;'), '你好 ¥1 &bogus; \ufffd \ufffd');
  });
});
