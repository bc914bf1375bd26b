// The preview's email frame against hostile templates, in a real VS Code (code-server) and Chromium,
// with a local HTTP server that counts every request the frame makes (issue 11, items 3 and 4):
// no click navigates the frame for good, Images off loads nothing at all, and the HTML view loads
// images and nothing else (no prefetch, no web font). Repeated with further vectors of the same classes:
// target=_blank, ping, download, a form, an SVG link, a meta refresh; @import, cursor, mask, image-set,
// srcset, <picture>, inline style, SVG feImage and <use>, object, embed, iframe, audio, video, track.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  closeWorkbench, launchBrowser, repoRoot, screenshot, startCodeServer, waitFor,
} from './harness.mjs';
import { anyPreview, emailShowing, focusFirstGroup, openFromExplorer, openWorkbenchPatiently, runCommandByKeys } from './previewUi.mjs';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Templates whose every reference points at the counting server (`BASE` is replaced by its URL). */
const NAVIGATION = `<!DOCTYPE html>
<html><body>
<p>Navigation marker</p>
<a id="n1" href="BASE/nav-1" target="_self">one</a>
<a id="n2" href="BASE/nav-2"/target="_self">two</a>
<a id="n3" title=">" target="_self" href="BASE/nav-3">three</a>
<a id="n4" href="BASE/nav-4" target="_top">four</a>
<a id="n5" href="BASE/nav-5" target="_parent">five</a>
<a id="n6" href="about:blank" target="_self">six</a>
<a id="n7" href="BASE/nav-7" target="_blank">seven</a>
<a id="n8" href="BASE/nav-8" ping="BASE/nav-ping">eight</a>
<a id="n9" href="BASE/nav-9" download>nine</a>
<form action="BASE/nav-form" method="get" target="_self"><input name="q" value="1"><button id="n10" type="submit">ten</button></form>
<svg width="60" height="20"><a id="n11" href="BASE/nav-svg" target="_self"><text x="0" y="15">eleven</text></a></svg>
</body></html>
`;
// The review's comment trick: the template's own <base target> before the preview's.
const COMMENT_TRICK = `<!--><base target="_self"><!doctype html>-->
<p>Comment trick marker</p>
<a id="c1" href="BASE/nav-comment">plain link</a>
`;
// A refresh the template asks for itself, after a second: the frame is sandboxed without scripts,
// so the document's automatic features (refresh) are off.
const REFRESH = `<!DOCTYPE html>
<html><head><meta http-equiv="refresh" content="1;url=BASE/nav-refresh"></head>
<body><p>Refresh marker</p></body></html>
`;
const LOADS = `<!DOCTYPE html>
<html><head>
<link rel="prefetch" href="BASE/prefetch">
<link rel="preload" as="image" href="BASE/preload-image">
<link rel="stylesheet" href="BASE/stylesheet.css">
<style>
@font-face { font-family: Remote; src: url(BASE/font-https.woff2); }
p.font { font-family: Remote, sans-serif; }
ul.list { list-style-image: url(BASE/list-style-image); }
div.border { border: 10px solid; border-image: url(BASE/border-image) 30; }
div.content::before { content: url(BASE/content-url); }
div.escaped { background: \\75rl(BASE/css-escape); }
@import url(BASE/import.css);
span.cursor { cursor: url(BASE/cursor-image), auto; }
span.mask { -webkit-mask-image: url(BASE/mask-image); mask-image: url(BASE/mask-image); }
span.set { background-image: image-set(url(BASE/image-set-1x) 1x, url(BASE/image-set-2x) 2x); }
div.layers { background-image: url(BASE/bg-1), url(BASE/bg-2), url(BASE/bg-3), url(BASE/bg-4), url(BASE/bg-5), url(BASE/bg-6), url(BASE/bg-7), url(BASE/bg-8), url(BASE/bg-9), url(BASE/bg-10); }
</style>
</head><body>
<p class="font">Loads marker</p>
<img src="BASE/img-plain" alt="plain image" width="10" height="10">
<input type="image" src="BASE/input-image" alt="input">
<video poster="BASE/video-poster" width="10" height="10"></video>
<svg width="10" height="10"><image href="BASE/svg-image" width="10" height="10"/></svg>
<ul class="list"><li>item</li></ul>
<div class="border">border</div>
<div class="content">c</div>
<div class="escaped">e</div>
<div class="layers">layers</div>
<img srcset="BASE/srcset-image 1x, BASE/srcset-image-2x 2x" alt="srcset" width="10" height="10">
<picture><source srcset="BASE/picture-source"><img src="BASE/picture-img" alt="picture" width="10" height="10"></picture>
<p style="background:url(BASE/inline-style)">inline style</p>
<span class="cursor">c</span><span class="mask">m</span><span class="set">s</span>
<svg width="10" height="10"><filter id="f"><feImage href="BASE/svg-feimage"/></filter><rect width="10" height="10" filter="url(#f)"/><use href="BASE/svg-use.svg#x"/></svg>
<object data="BASE/object-data" width="10" height="10"></object>
<embed src="BASE/embed-src" width="10" height="10">
<iframe src="BASE/iframe-src" width="10" height="10"></iframe>
<audio src="BASE/audio-src" preload="auto"></audio>
<video src="BASE/video-src" preload="auto" width="10" height="10"><track src="BASE/track-src" default></video>
<table><tr><td background="BASE/td-background">td</td><td class={{cls}}>injected</td></tr></table>
</body></html>
`;

describe('the preview frame against hostile templates', () => {
  let workspace, server, browser, page, counter, base;
  const hits = [];
  before(async () => {
    counter = http.createServer((req, res) => {
      hits.push(req.url);
      res.setHeader('Cache-Control', 'no-store');
      if (req.url.endsWith('.css')) {
        res.setHeader('Content-Type', 'text/css');
        res.end('body { background: url(/from-stylesheet) }');
        return;
      }
      res.setHeader('Content-Type', 'image/png');
      res.end(PNG);
    });
    counter.listen(0, '127.0.0.1');
    await once(counter, 'listening');
    base = `http://127.0.0.1:${counter.address().port}`;
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'ses-e2e-preview-security-'));
    const write = (name, text) => fs.writeFile(path.join(workspace, name), text.replaceAll('BASE', base));
    await write('navigation.ses.html', NAVIGATION);
    await write('comment.ses.html', COMMENT_TRICK);
    await write('loads.ses.html', LOADS);
    await write('refresh.ses.html', REFRESH);
    // A data value with spaces in an unquoted attribute injects a style (values are escaped, not quoted).
    await write('loads.data.json', JSON.stringify({ cls: 'x style=background-image:url(BASE/data-injection)' }));
    // The email frame takes clicks of its own (links) only with preview ↔ source off: previewSync.test.mjs has it on.
    server = await startCodeServer({ extensionDir: repoRoot, workspaceDir: workspace, settings: { 'sesStudio.preview.syncSource': false } });
    browser = await launchBrowser();
    page = await openWorkbenchPatiently(browser, server.url);
  });
  after(async () => {
    await closeWorkbench({ browser, server, name: 'previewSecurity' });
    counter?.close();
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });

  test('no link click navigates the frame away: every variant ends with the email shown, nothing requested', async () => {
    await openFromExplorer(page, 'navigation.ses.html');
    await runCommandByKeys(page, 'SES: Open Preview to the Side');
    for (const id of ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'n10', 'n11']) {
      const email = await emailShowing(page, 'Navigation marker');
      await email.locator(`#${id}`).click({ timeout: 60_000, noWaitAfter: true });
      // The frame may pass through an error page; it must come back to the email.
      await emailShowing(page, 'Navigation marker');
    }
    const { ui } = await anyPreview(page);
    assert.equal(await ui.locator('#email').getAttribute('sandbox'), '');
    await focusFirstGroup(page);
    await openFromExplorer(page, 'comment.ses.html');
    const email = await emailShowing(page, 'Comment trick marker');
    await email.locator('#c1').click({ timeout: 60_000, noWaitAfter: true });
    await emailShowing(page, 'Comment trick marker');
    await focusFirstGroup(page);
    await openFromExplorer(page, 'refresh.ses.html');
    await emailShowing(page, 'Refresh marker');
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the refresh was due after 1 s
    await emailShowing(page, 'Refresh marker');
    assert.deepEqual(hits.filter((url) => url.startsWith('/nav')), []);
    await screenshot(page, 'preview-security-1-after-clicks');
  });

  test('Images off loads nothing at all; the HTML view loads images and nothing else', async () => {
    await focusFirstGroup(page);
    await openFromExplorer(page, 'loads.ses.html');
    await emailShowing(page, 'Loads marker');
    // The HTML view: the image loads (the server is reachable from the frame) ...
    await waitFor(() => hits.includes('/img-plain'), { page, what: 'the image request of the HTML view', timeout: 30_000 });
    const { ui } = await anyPreview(page);
    await ui.locator('#view-imagesOff').click();
    await waitFor(async () => {
      const { email } = await anyPreview(page);
      return (await email.evaluate(() => document.querySelector('.ses-img-off')?.textContent).catch(() => null)) === 'plain image';
    }, { page, what: 'the Images off view' });
    hits.length = 0;
    // Re-render Images off from scratch, then give every kind of load time to happen.
    await ui.locator('#view-html').click();
    await ui.locator('#view-imagesOff').click();
    await waitFor(async () => {
      const { email } = await anyPreview(page);
      return (await email.evaluate(() => document.querySelector('.ses-img-off')?.textContent).catch(() => null)) === 'plain image';
    }, { page, what: 'the Images off view again' });
    const imagesOffLoaded = hits.length;
    await new Promise((resolve) => setTimeout(resolve, 3000)); // absence of requests has no event to wait on
    await screenshot(page, 'preview-security-2-images-off');
    const { email } = await anyPreview(page);
    assert.equal(await email.evaluate(() => document.images.length), 0);
    // Requests from the HTML view that was shown for a moment may arrive; none of Images off's own.
    const imagesOffOnly = hits.slice(imagesOffLoaded).filter((url) => url !== '/img-plain');
    assert.deepEqual(imagesOffOnly, [], `requests while Images off was shown: ${imagesOffOnly.join(', ')}`);

    // Never, in any view: a prefetch, a preload, a style sheet, a web font.
    await ui.locator('#view-html').click();
    await waitFor(() => hits.includes('/img-plain'), { page, what: 'the image of the HTML view again', timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const forbidden = hits.filter((url) => /prefetch|preload|stylesheet|font|from-stylesheet|import|object|embed|iframe|audio|video-src|track|svg-use|nav/.test(url));
    console.log(`# the HTML view loaded: ${[...new Set(hits)].sort().join(' ')}`);
    assert.deepEqual(forbidden, []);
    await screenshot(page, 'preview-security-3-html-view');
  });
});
