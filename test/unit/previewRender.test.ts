import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFromWebview } from '../../client/src/preview/messages';
import { EMAIL_CSP, injectHead, renderEmail, type RenderInput } from '../../client/src/preview/render';
import { makeNonce, shellCsp, shellHtml } from '../../client/src/preview/shell';

const labels = { noAlt: 'NO ALT', decorative: 'DECORATIVE', missingTooltip: 'no value for {0}' };
const render = (input: Partial<RenderInput>) => renderEmail({ data: {}, view: 'html', labels, ...input });
const META = '<meta http-equiv="Content-Security-Policy"';

describe('renderEmail', () => {
  it('fills the HTML and the subject from the data set, and lists what is missing from every part', () => {
    const result = render({
      html: '<p>Order {{order_id}} for {{first_name}}</p>', text: 'Hi {{nickname}}', subject: 'Your order {{order_id}} {{status}}',
      data: { order_id: 'ES-42', first_name: 'Alex' },
    });
    assert.match(result.srcdoc, /<p>Order ES-42 for Alex<\/p>/);
    assert.deepEqual(result.subject, [{ text: 'Your order ES-42 ' }, { text: '{{status}}', missing: true }]);
    assert.deepEqual(result.missing, ['status', 'nickname']);
    assert.equal(result.shown, 'html');
  });

  it('puts the CSP meta first in the document: after the doctype, or at the very start without <head>', () => {
    const withDoctype = render({ html: '<!DOCTYPE html>\n<html><head><title>x</title></head><body>b</body></html>' }).srcdoc;
    assert.ok(withDoctype.startsWith(`<!DOCTYPE html>${META} content="${EMAIL_CSP}">`), withDoctype.slice(0, 120));
    const bare = render({ html: '<p>no head</p>' }).srcdoc;
    assert.ok(bare.startsWith(`${META} content="${EMAIL_CSP}">`), bare.slice(0, 120));
    assert.ok(injectHead('\uFEFF<!-- c --><!doctype html><p>').startsWith(`\uFEFF<!-- c --><!doctype html>${META}`));
    assert.match(EMAIL_CSP, /script-src 'none'/);
    assert.match(EMAIL_CSP, /form-action 'none'/);
  });

  it('lets no link target navigate the frame: targets are removed, the base target is a popup the sandbox blocks', () => {
    const { srcdoc } = render({ html: '<a href="https://x.com" target="_self">a</a><a target=_top href="y">b</a><form target="f" action="z"></form>' });
    assert.doesNotMatch(srcdoc, /target="_self"|target=_top|target="f"/);
    assert.match(srcdoc, /<base target="_blank">/);
  });

  it('shows images off: alt text boxes and no background images, with problems still outlined', () => {
    const html = '<img src="https://x/l.png" alt="Example Shop"><img src="a.png"><td style="background-image:url(b.png)">';
    const { srcdoc } = render({ html, view: 'imagesOff', imageProblems: [{ offset: html.indexOf('a.png'), message: 'relative' }] });
    assert.match(srcdoc, /<span class="ses-img-off" style="">Example Shop<\/span>/);
    assert.match(srcdoc, /<span class="ses-problem-tip" title="relative"><span class="ses-img-off ses-img-noalt" data-ses-problem="" style="">NO ALT<\/span><\/span>/);
    assert.doesNotMatch(srcdoc, /<img|url\(b\.png\)/);
  });

  it('shows the text part in the text view, and derives one (marked) when there is none', () => {
    const text = render({ html: '<p>H {{a}}</p>', text: 'T {{a}} <b>', view: 'text', data: { a: '1' } });
    assert.equal(text.shown, 'text');
    assert.match(text.srcdoc, /<pre class="ses-text">T 1 &lt;b&gt;<\/pre>/);
    const derived = render({ html: '<p>H {{a}} {{b}}</p>', view: 'text', data: { a: '<1>' } });
    assert.equal(derived.shown, 'derivedText');
    assert.match(derived.srcdoc, /<pre class="ses-text">H &lt;1&gt; <mark class="ses-missing" title="no value for b">\{\{b\}\}<\/mark><\/pre>/);
  });

  it('falls back on the text part when there is no HTML part, and on an empty page without parts', () => {
    assert.equal(render({ text: 'hello' }).shown, 'text');
    assert.equal(render({}).shown, 'empty');
    assert.match(render({}).srcdoc, new RegExp(`^<!DOCTYPE html><html><head>${META}`));
  });

  it('keeps Unicode and Chinese text intact', () => {
    const { srcdoc, subject } = render({ html: '<p>{{nickname}}，双十一会员专享 🎉</p>', subject: '{{nickname}}，您好', data: { nickname: '小王' } });
    assert.match(srcdoc, /<p>小王，双十一会员专享 🎉<\/p>/);
    assert.deepEqual(subject, [{ text: '小王，您好' }]);
  });

  it('renders a 200 KB template in reasonable time', () => {
    const row = '<tr><td style="background:url(x.png)"><img src="https://x/i.png" alt="i"> {{name}} {{missing}} <a href="https://x.com/{{name}}">l</a></td></tr>\n';
    const html = `<!DOCTYPE html><table>${row.repeat(Math.ceil(200_000 / row.length))}</table>`;
    assert.ok(html.length >= 200_000);
    const started = performance.now();
    for (const view of ['html', 'imagesOff', 'text'] as const) render({ html, view, data: { name: 'Alex' }, imageProblems: [{ offset: 100, message: 'm' }] });
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1500, `took ${elapsed} ms`);
  });

  it('never throws on hostile input, and keeps a </iframe> or NUL of the template inside the document', () => {
    const hostile = [
      '<p unclosed', '<img', '<img alt="x', '</iframe><script>top.x=1</script>', '\0<p>\0{{a\0}}</p>', '{{', '}}{{}}{{{{', '<!--', '<style>', '<a href="', '<<<>>>',
      '<a>'.repeat(5000), '<img '.repeat(2000), 'x'.repeat(10_000) + '<td background=',
    ];
    for (const html of hostile) {
      for (const view of ['html', 'imagesOff', 'text'] as const) {
        const result = render({ html, text: html, subject: html, view, data: { a: '<x>' }, imageProblems: [{ offset: 1, message: '<m>' }, { offset: NaN, message: 'n' }] });
        assert.ok(result.srcdoc.includes(META), JSON.stringify(html.slice(0, 30)));
        assert.ok(!result.srcdoc.includes('\0'), 'NUL replaced');
      }
    }
  });
});

describe('preview webview page', () => {
  it('allows only our nonce script, and no script or frame source otherwise', () => {
    const csp = shellCsp('https://*.vscode-cdn.net', 'abc123');
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.match(csp, /img-src https:\/\/\*\.vscode-cdn\.net https: http: data:/);
    assert.match(csp, /style-src https:\/\/\*\.vscode-cdn\.net 'unsafe-inline'/);
    assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*(https:|\*)/);
  });

  it('renders the email frame sandboxed with no permission, and our script with the nonce', () => {
    const html = shellHtml({ cspSource: 'vscode-resource:', nonce: 'n0nce', scriptUri: 's.js', styleUri: 's.css', lang: 'zh-cn', title: '预览"<' });
    assert.match(html, /<iframe id="email" sandbox="" /);
    assert.match(html, /<script nonce="n0nce" src="s.js"><\/script>/);
    assert.match(html, /<title>预览&quot;&lt;<\/title>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('makes a different nonce each time, from the random source', () => {
    let n = 0;
    const nonce = makeNonce((size) => new Uint8Array(size).fill(n++));
    assert.match(nonce, /^[A-Za-z0-9+/]{43}$/);
    assert.notEqual(makeNonce((size) => new Uint8Array(size).fill(n++)), nonce);
  });

  it('accepts only the messages it knows from the webview', () => {
    assert.ok(isFromWebview({ type: 'ready' }));
    assert.ok(isFromWebview({ type: 'setView', view: 'imagesOff' }));
    assert.ok(isFromWebview({ type: 'selectDataSet', set: 'zh' }));
    for (const bad of [null, 'ready', {}, { type: 'setView', view: 'pdf' }, { type: 'setWidth', width: 1 }, { type: 'selectDataSet' }, { type: 'eval', code: '1' }]) {
      assert.equal(isFromWebview(bad), false, JSON.stringify(bad));
    }
  });
});
