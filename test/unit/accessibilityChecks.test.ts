import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { contrastRatio, parseColor } from '../../common/cssColor';
import { a11yAltText, isFileName } from '../../server/src/service/checks/a11yAltText';
import { a11yContrast } from '../../server/src/service/checks/a11yContrast';
import { a11yHeadingOrder } from '../../server/src/service/checks/a11yHeadingOrder';
import { a11yLayoutTable } from '../../server/src/service/checks/a11yLayoutTable';
import { a11yLinkText } from '../../server/src/service/checks/a11yLinkText';
import { a11yMissingLang } from '../../server/src/service/checks/a11yMissingLang';
import { a11yMissingTitle } from '../../server/src/service/checks/a11yMissingTitle';
import { a11ySmallText } from '../../server/src/service/checks/a11ySmallText';
import { toPx } from '../../server/src/service/checks/a11yStyle';
import { CHECKS } from '../../server/src/service/checks';
import { accessibilityGuide } from '../../server/src/knowledge/accessibility';
import { checkTable as table, html, runChecks } from './checkHarness';

const DOC = (head: string, body: string) => `<!DOCTYPE html><html lang="en"><head>${head}</head><body>${body}</body></html>`;

table(a11yMissingLang, DiagnosticSeverity.Information, [
  ['<html> without lang', html('<!DOCTYPE html>\n<«html»><body><p>Hi</p></body></html>'), /`<html>` has no `lang`/],
  ['an empty lang', html('<«HTML» lang=""><body>x</body></HTML>')],
], [
  ['lang="zh-CN"', html('<html lang="zh-CN"><body>x</body></html>')],
  ['xml:lang and a variable', html('<html xml:lang="en">x</html>')],
  ['a lang from a variable', html('<html lang="{{lang}}">x</html>', { 'welcome.data.json': '{"lang": "en"}' })],
  ['a fragment without <html>', html('<p>Hi {{name}}</p>', { 'welcome.data.json': '{"name": "A"}' })],
]);

table(a11yMissingTitle, DiagnosticSeverity.Information, [
  ['a head without title', html('<html lang="en"><«head»><meta charset="utf-8"></head><body>x</body></html>'), /has no `<title>`/],
  ['an html without head', html('<«html» lang="en"><body>x</body></html>')],
  ['an empty title', html('<html lang="en"><head><«title»>  </title></head><body>x</body></html>'), /is empty/],
], [
  ['a title', html(DOC('<title>Your order</title>', 'x'))],
  ['a title from a variable', html(DOC('<title>{{subject}}</title>', 'x'), { 'welcome.data.json': '{"subject": "Hi"}' })],
  ['a fragment', html('<table role="presentation"><tr><td>x</td></tr></table>')],
]);

table(a11yLayoutTable, DiagnosticSeverity.Information, [
  ['layout tables, nested', html('<«table» width="600"><tr><td><«table»><tr><td>x</td></tr></table></td></tr></table>'), /`role="presentation"`/],
  ['a layout table around a data table', html('<«table»><tr><td><table><tr><th>Item</th><th>Price</th></tr><tr><td>Tea</td><td>9</td></tr></table></td></tr></table>')],
], [
  ['role="presentation" and role="none"', html('<table role="presentation"><tr><td><table ROLE="none"><tr><td>x</td></tr></table></td></tr></table>')],
  ['data tables: th, caption, thead, scope', html('<table><tr><th>a</th></tr></table><table><caption>Items</caption><tr><td>x</td></tr></table><table><thead><tr><td>a</td></tr></thead></table><table><tr><td scope="row">a</td></tr></table>')],
  ['a role from a variable', html('<table role="{{role}}"><tr><td>x</td></tr></table>')],
]);

table(a11yHeadingOrder, DiagnosticSeverity.Information, [
  ['h1 then h3', html('<h1>Order</h1><p>x</p><«h3»>Items</h3>'), /`<h3>` follows an `<h1>`: it skips level 2/],
  ['h2 then h5 after going back up', html('<h1>a</h1><h2>b</h2><h3>c</h3><h2>d</h2><«h5»>e</h5>')],
], [
  ['one level at a time, back up freely', html('<h1>a</h1><h2>b</h2><h3>c</h3><h1>d</h1><h2>e</h2>')],
  ['a first heading of any level', html('<h3>Your code</h3><p>123456</p><h4>Why</h4>')],
]);

table(a11yLinkText, DiagnosticSeverity.Information, [
  ['"click here" and "here"', html('<p>To confirm, <a href="https://x.cn/a">«click here»</a>. Or <a href="https://x.cn/b">«Here»</a>.</p>'), /The link text `click here` says nothing on its own/],
  ['Chinese: 点击这里 and 更多', html('<a href="https://x.cn/a">«点击这里»</a> <a href="https://x.cn/b">«更多 &gt;&gt;»</a>')],
  ['"Read more" in markup', html('<a href="https://x.cn/a">«<span style="color:#333">Read more</span> →»</a>')],
], [
  ['descriptive text', html('<a href="https://x.cn/a">Read the full story</a><a href="https://x.cn/b">查看订单详情</a><a href="https://x.cn/c">Unsubscribe</a>')],
  ['an aria-label', html('<a href="https://x.cn/a" aria-label="Read more about tea sets">Read more</a>')],
  ['a variable as text, an image link, an anchor without href', html('<a href="https://x.cn/a">{{cta}}</a><a href="https://x.cn/b"><img src="https://x.cn/l.png" alt="Example Shop"></a><a name="here">here</a>')],
]);

table(a11yAltText, DiagnosticSeverity.Information, [
  ['a file name', html('<img src="https://x.cn/b.png" alt="«banner_final.PNG»">'), /is a file name/],
  ['a URL', html('<img src="https://x.cn/b.png" alt="«https://cdn.x.cn/img/hero.jpg?v=2»">')],
  ['the text next to it', html('<a href="https://x.cn"><img src="https://x.cn/i.png" alt="«Shop now»"> <span>Shop now</span></a>'), /repeats the text next to the image/],
  ['the caption before it', html('<p>Example Shop</p><img src="https://x.cn/i.png" alt="«example shop»">')],
], [
  ['a description and an empty alt', html('<img src="https://x.cn/b.png" alt="A potter shaping a tea cup"><img src="https://x.cn/s.png" alt="">')],
  ['a sentence ending in a word with a dot', html('<img src="https://x.cn/b.png" alt="Version 2.0">')],
  ['text that differs from the alt', html('<img src="https://x.cn/i.png" alt="Example Shop"><h1>Welcome to Example Shop</h1>')],
  ['a variable alt', html('<img src="https://x.cn/i.png" alt="{{name}}"><p>{{name}}</p>')],
]);

table(a11yContrast, DiagnosticSeverity.Warning, [
  ['light grey on white', html('<td style="color:#999999">«Unsubscribe at any time»</td>'), /Text colour `#999999` on background `#ffffff` has a contrast of 2\.85:1; WCAG AA asks for at least 4\.5:1/],
  ['white on a pastel bgcolor, nested', html('<table role="presentation"><tr><td bgcolor="#7FDBFF"><a href="https://x.cn" style="color:#ffffff;font-size:16px">«Buy now»</a></td></tr></table>')],
  ['<font color> on a dark background', html('<div style="background-color:#333"><font color="#555">«old text»</font></div>')],
  ['large text below 3:1', html('<h1 style="color:#bbbbbb">«Welcome»</h1>'), /for large text/],
  ['one finding per pair of colours', html('<p style="color:#aaa">«one»</p><p style="color:#aaa">two</p>')],
], [
  ['dark text on white, white on dark', html('<p style="color:#333">a</p><td style="background:#1f6feb"><span style="color:#fff">b</span></td>')],
  ['large text at 3:1 or more', html('<h1 style="color:#949494">Welcome</h1><p style="font-size:24px;color:#949494">Big</p>')],
  ['a background image', html('<td style="background:url(https://x.cn/bg.jpg) #fff;"><p style="color:#eee">Over the photo</p></td><td background="https://x.cn/bg.jpg"><p style="color:#eee">x</p></td>')],
  ['a hidden preheader', html('<div style="display:none;max-height:0;overflow:hidden;color:#fff">Preview text</div>')],
  ['colours that a <style> rule may change', html('<style>.dark { background-color: #000 }</style><td class="dark"><p style="color:#fff">White on black</p></td>')],
  ['a colour from a variable', html('<p style="color:{{c}}">x</p>')],
  ['a link without its own colour', html('<td style="background:#000"><a href="https://x.cn">Link</a></td>')],
  ['colours only in @media (dark mode)', html('<style>@media (prefers-color-scheme: dark) { p { color: #fff } }</style><p style="color:#222">x</p>')],
  ['only punctuation', html('<p style="color:#ccc">|</p>')],
]);

table(a11ySmallText, DiagnosticSeverity.Information, [
  ['12 px text', html('<td style="padding:8px;font-size:«12px»;color:#333">Legal text</td>'), /This text is 12 px/],
  ['<font size="2"> and 9pt', html('<font size="«2»">small</font><p style="font-size:«9pt»">tiny</p>')],
  ['an em size under a px size', html('<div style="font-size:16px"><p style="font-size:«0.75em»">x</p></div>'), /12 px/],
], [
  ['14 px and more', html('<p style="font-size:14px">a</p><p style="font-size:1.5em">b</p><h1>c</h1>')],
  ['a hidden preheader', html('<div style="display:none;font-size:1px;line-height:1px">Preview</div><span style="font-size:0">x</span>')],
  ['a size that <style> may change', html('<style>.big { font-size: 16px }</style><td style="font-size:12px"><p class="big">x</p></td>')],
  ['a small size with no text inside', html('<td style="font-size:0;line-height:0">&nbsp;</td><td style="font-size:10px"><img src="https://x.cn/a.png" alt=""></td>')],
]);

describe('accessibility helpers', () => {
  it('computes WCAG contrast ratios', () => {
    assert.equal(contrastRatio(parseColor('#000')!, parseColor('white')!).toFixed(2), '21.00');
    assert.equal(contrastRatio(parseColor('#767676')!, parseColor('#fff')!).toFixed(2), '4.54');
    assert.equal(contrastRatio(parseColor('rgb(118, 118, 118)')!, parseColor('#ffffffff')!).toFixed(2), '4.54');
    assert.equal(parseColor('var(--x)'), undefined);
    assert.equal(parseColor('#12345'), undefined);
  });
  it('resolves font sizes', () => {
    assert.equal(toPx('12pt', 16), 16);
    assert.equal(toPx('75%', 16), 12);
    assert.equal(toPx('small', 16), 13);
    assert.equal(toPx('calc(1em + 2px)', 16), undefined);
  });
  it('recognises file names', () => {
    assert.ok(isFileName('IMG_2031.JPG'));
    assert.ok(!isFileName('Example Shop'));
    assert.ok(!isFileName('.png'));
  });
  it('has a help text in English and Chinese for every accessibility check', () => {
    const ids = CHECKS.map((c) => c.meta.id).filter((id) => id.startsWith('a11y-'));
    assert.equal(ids.length, 8);
    for (const id of ids) {
      assert.match(accessibilityGuide(id, 'en')!.url, /^https:\/\/www\.w3\.org\/WAI\//, id);
      assert.match(accessibilityGuide(id, 'zh-cn')!.body, /[\u4e00-\u9fff]/, id);
    }
  });
});

describe('accessibility checks on the shipped templates', () => {
  const root = path.join(__dirname, '..', '..', '..');
  const a11y = CHECKS.filter((c) => c.meta.id.startsWith('a11y-'));
  const files = [
    ...fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.ses.html')).map((f) => path.join('examples', f)),
    ...['en', 'zh-cn'].flatMap((lang) => fs.readdirSync(path.join(root, 'media', 'starters', lang)).filter((f) => f.endsWith('.ses.html')).map((f) => path.join('media', 'starters', lang, f))),
  ];
  it('finds nothing in the examples and starters', () => {
    assert.ok(files.length >= 10);
    for (const file of files) {
      const run = runChecks(a11y, { 'welcome.ses.html': fs.readFileSync(path.join(root, file), 'utf8') });
      assert.deepEqual(run.all.map((d) => `${d.code}: ${String(d.message)}`), [], file);
    }
  });
  it('is linear: twice the rows take about twice the time', () => {
    const row = (i: number) => `<tr><td style="color:#333;background:#fff;font-size:15px"><img src="https://x.cn/${i}.png" alt="Item ${i}"> Item ${i} <a href="https://x.cn/${i}">Track item ${i}</a></td></tr>`;
    const doc = (n: number) => ({ 'welcome.ses.html': `<html lang="en"><body><table role="presentation">${Array.from({ length: n }, (_, i) => row(i)).join('\n')}</table></body></html>` });
    // A fresh project each time: the HTML model and its styles are computed once per document version.
    const time = (n: number) => {
      const files = doc(n);
      const times: number[] = [];
      for (let r = 0; r < 5; r++) {
        const start = performance.now();
        runChecks(a11y, files);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[2];
    };
    time(500);
    const ratio = time(8000) / time(4000);
    assert.ok(ratio < 4, `8,000 rows took ${ratio.toFixed(1)}× the time of 4,000`);
  });
});
