import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFromWebview, persistedPreview } from '../../client/src/preview/messages';
import { emailCsp } from '../../client/src/preview/emailPolicy';
import { withoutLinkElements } from '../../client/src/preview/linkElements';
import { leadingDoctype, PREVIEW_MAX_LENGTH, renderEmail, type RenderInput } from '../../client/src/preview/render';
import { makeNonce, shellCsp, shellHtml } from '../../client/src/preview/shell';

const labels = { noAlt: 'NO ALT', decorative: 'DECORATIVE', missingTooltip: 'no value for {0}', tooLarge: 'too large: {0} > {1}' };
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

  it('puts the policy first in the document: after the template\'s doctype (copied), or at the very start', () => {
    const EMAIL_CSP = emailCsp('html');
    const withDoctype = render({ html: '<!DOCTYPE html>\n<html><head><title>x</title></head><body>b</body></html>' });
    assert.equal(withDoctype.csp, EMAIL_CSP);
    assert.ok(withDoctype.srcdoc.startsWith(`<!DOCTYPE html>${META} content="${EMAIL_CSP}"><base target="_blank">`), withDoctype.srcdoc.slice(0, 120));
    const bare = render({ html: '<p>no head</p>' }).srcdoc;
    assert.ok(bare.startsWith(`${META} content="${EMAIL_CSP}">`), bare.slice(0, 120));
    // Comments before the doctype (as the browser ends them) are skipped to find it; they follow our head.
    assert.equal(leadingDoctype('\uFEFF <!-- c --><!--><!---><!-- a --!> <!doctype html><p>'), '<!doctype html>');
    const commented = render({ html: '\uFEFF<!-- c --><!doctype html><p>' }).srcdoc;
    assert.ok(commented.startsWith(`<!doctype html>${META}`), commented.slice(0, 80));
    assert.equal(leadingDoctype('<!-- unclosed <!doctype html>'), '');
    assert.equal(leadingDoctype('<p><!doctype html>'), '');
  });

  it('lets no template markup come before the policy and the base target, whatever its comments and bases', () => {
    // The `<!-->` trick: the browser ends that comment at once, so the template's <base> comes next.
    for (const html of ['<!--><base target="_self"><!doctype html>-->', '<!--->-->', '<!doctype html x="<base target=_self>">', '<base target=_self><!doctype html>', '<!-- --!><base target=_top>']) {
      const { srcdoc } = render({ html });
      const ours = srcdoc.indexOf('<base target="_blank">');
      assert.ok(ours >= 0 && ours < srcdoc.indexOf('<style>'), html);
      const before = srcdoc.slice(0, srcdoc.indexOf(META));
      assert.ok(before === '' || /^<!doctype[^<>]*>$/i.test(before), `${html} → ${before}`);
    }
  });

  it('sets a policy per view: the HTML view loads images only, Images off and the text views load nothing', () => {
    const network = /https:|http:|\*|data:/;
    const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
    const html = directives(emailCsp('html'));
    assert.equal(html.get('default-src'), "'none'");
    assert.equal(html.get('img-src'), 'https: http: data:');
    for (const [name, values] of html) if (name !== 'img-src' && name !== 'font-src') assert.doesNotMatch(values, network, name);
    assert.equal(html.get('font-src'), 'data:');
    // No directive of Images off names a scheme that can load: a prefetch, an image in any form, a font.
    for (const view of ['imagesOff', 'text'] as const) {
      const policy = directives(emailCsp(view));
      assert.equal(policy.get('default-src'), "'none'");
      for (const [name, values] of policy) if (name !== 'font-src') assert.doesNotMatch(values, network, `${view} ${name}`);
    }
    assert.equal(directives(emailCsp('imagesOff')).get('img-src'), "'none'");
    assert.equal(render({ html: '<p>x</p>', view: 'imagesOff' }).csp, emailCsp('imagesOff'));
    assert.equal(render({ html: '<p>x</p>', view: 'text' }).csp, emailCsp('text'));
    assert.ok(render({ html: '<p>x</p>', view: 'imagesOff' }).srcdoc.startsWith(`${META} content="${emailCsp('imagesOff')}">`));
  });

  it('removes every <link> element, wherever a lenient parser would not see one', () => {
    const LINK = /<link[\t\n\f\r />]/i;
    const variants = [
      '<link rel=prefetch href=https://t.example/a>', '<LINK REL="prefetch" href="https://t.example/a">', '<link\nrel=prefetch href=//t.example/a>',
      '<link/rel=prefetch/href=//t.example>', '<!--><link rel=prefetch href=//t.example>-->', '<svg><title></svg><link rel=prefetch href=//t.example></title>',
      '<link {{ rel=prefetch }} href=//t.example>', '<<link x>link rel=prefetch href=//t.example>', '<link title="a>b" rel=dns-prefetch href=//t.example>',
      '<link ="a>" rel=preconnect href=//t.example>', '<li<link rel=prefetch>nk>', '<link rel=stylesheet href="https://t.example/s.css">', '<link rel=prefetch href="unterminated',
    ];
    for (const html of variants) {
      for (const view of ['html', 'imagesOff'] as const) {
        const { srcdoc } = render({ html: `<p>a</p>${html}<p>b</p>`, view });
        assert.doesNotMatch(srcdoc, LINK, `${view}: ${html} → ${srcdoc.slice(-120)}`);
      }
    }
    // A data value cannot add one either: values are escaped, and the removal runs on the filled document.
    assert.doesNotMatch(render({ html: '<p>{{v}}</p>', data: { v: '<link rel=prefetch href=//t.example>' } }).srcdoc, LINK);
    // The tag ends where the browser ends it: text after it stays.
    assert.equal(withoutLinkElements('a<link title="x>y" href=\'>\'>b<link rel=x/>c<link =">d'), 'a<!---->b<!---->c<!---->d');
    assert.equal(withoutLinkElements('<p>no links, <linkedin> stays</p>'), '<p>no links, <linkedin> stays</p>');
  });

  it('shows images off: alt text boxes, with problems still outlined; CSS backgrounds stay (the policy blocks them)', () => {
    const html = '<img src="https://x/l.png" alt="Example Shop"><img src="a.png"><td style="background-image:url(b.png)">';
    const { srcdoc } = render({ html, view: 'imagesOff', imageProblems: [{ offset: html.indexOf('a.png'), message: 'relative' }] });
    assert.match(srcdoc, /<span class="ses-img-off" style="">Example Shop<\/span>/);
    assert.match(srcdoc, /<span class="ses-problem-tip" title="relative"><span class="ses-img-off ses-img-noalt" data-ses-problem="" style="">NO ALT<\/span><\/span>/);
    assert.doesNotMatch(srcdoc, /<img/);
  });

  it('shows a notice instead of a part larger than the limit', () => {
    const big = 'x'.repeat(PREVIEW_MAX_LENGTH + 1);
    for (const input of [{ html: big }, { text: big, view: 'text' as const }, { html: '<p>', subject: big }]) {
      const result = render(input);
      assert.equal(result.shown, 'tooLarge');
      assert.match(result.srcdoc, /too large: 2\.0 &gt; 2\.0/);
      assert.ok(result.srcdoc.length < 5000);
    }
    assert.equal(render({ html: 'x'.repeat(PREVIEW_MAX_LENGTH) }).shown, 'html');
  });

  it('fills a tooltip with a name that looks like a replacement pattern as written', () => {
    assert.match(render({ html: '<p>{{a$`b}}</p>' }).srcdoc, /title="no value for a\$`b"/);
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
    assert.match(html, /<iframe id="email" class="email front" sandbox="" /);
    // Its twin (the next document loads in it, under the shown one), and side by side a second pair, sandboxed alike.
    assert.match(html, /<iframe id="email-next" class="email back" sandbox="" /);
    assert.match(html, /<iframe id="email-mobile" class="email front" sandbox="" /);
    assert.match(html, /<iframe id="email-mobile-next" class="email back" sandbox="" /);
    // The layout copies: same-origin for measuring and hit-testing, never scripts, never shown.
    assert.equal((html.match(/<iframe id="layout-(main|side)" class="layout" sandbox="allow-same-origin" csp="default-src 'none'" [^>]*aria-hidden="true"><\/iframe>/g) ?? []).length, 2);
    assert.equal((html.match(/<iframe /g) ?? []).length, 6);
    assert.equal((html.match(/sandbox=""/g) ?? []).length, 4);
    assert.doesNotMatch(html, /allow-scripts|allow-top|allow-popups|allow-forms/);
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

  it('restores a panel only from a persisted state of the right shape, with defaults for the rest', () => {
    assert.deepEqual(persistedPreview({ sourceUri: 'file:///w/a.ses.html', locked: true, view: 'imagesOff', width: 'both', dataSet: 'zh' }),
      { sourceUri: 'file:///w/a.ses.html', locked: true, view: 'imagesOff', width: 'both', dataSet: 'zh' });
    assert.deepEqual(persistedPreview({ sourceUri: 'file:///w/a.ses.html', locked: 'yes', view: 'pdf', width: 9, dataSet: {} }),
      { sourceUri: 'file:///w/a.ses.html', locked: false, view: 'html', width: 'desktop', dataSet: undefined });
    for (const bad of [undefined, null, 'file:///a', {}, { sourceUri: 'https://evil.example/x' }, { sourceUri: 'untitled:1' }, { sourceUri: `file:///${'a'.repeat(5000)}` }]) {
      assert.equal(persistedPreview(bad), undefined, JSON.stringify(bad)?.slice(0, 60));
    }
  });

  it('accepts only the messages it knows from the webview', () => {
    assert.ok(isFromWebview({ type: 'toggleLock' }));
    assert.ok(isFromWebview({ type: 'sendTest' }));
    assert.ok(isFromWebview({ type: 'preflight' }));
    assert.ok(isFromWebview({ type: 'setWidth', width: 'both' }));
    assert.ok(isFromWebview({ type: 'ready' }));
    assert.ok(isFromWebview({ type: 'setView', view: 'imagesOff' }));
    assert.ok(isFromWebview({ type: 'selectDataSet', set: 'zh' }));
    for (const bad of [null, 'ready', {}, { type: 'setView', view: 'pdf' }, { type: 'setWidth', width: 1 }, { type: 'selectDataSet' }, { type: 'eval', code: '1' }]) {
      assert.equal(isFromWebview(bad), false, JSON.stringify(bad));
    }
  });
});
