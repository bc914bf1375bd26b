import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseCliArgs } from '../../server/src/cli/args';
import { readSettingsText } from '../../server/src/cli/settingsFile';
import { actionableNote, clientSupport, provenance, targetClients } from '../../server/src/service/checks/clientSupport';
import { CHINESE_FAMILIES, CLIENTS, DATA_DATE, DATA_VERSION, DEFAULT_CLIENTS, featureInfo, resolveClients, supportOf, unknownClients } from '../../server/src/service/clientSupport/data';
import { DETECTED_SLUGS, featureUses } from '../../server/src/service/clientSupport/features';
import { codeActions } from '../../server/src/service/features';
import { hover } from '../../server/src/service/features/hover';
import { parseHtml } from '../../common/htmlModel';
import { normaliseSettings } from '../../server/src/service/settings';
import { assertMarkedRanges, checkTable, html, messageOf, runChecks } from './checkHarness';
import { ROOT } from './projects';
import { loadServerL10n } from '../../server/src/serverL10n';

const REPO = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');
const page = (head: string, body: string) => html(`<!DOCTYPE html><html lang="en"><head><title>T</title>${head}</head><body>${body}</body></html>`);

checkTable(clientSupport, DiagnosticSeverity.Warning, [
  ['a <video> element (Gmail, Outlook, Yahoo)', page('', '«<video» src="https://x.cn/a.mp4"></video>'), /`<video>` is not supported in Gmail \(Webmail, iOS, Android\), Outlook \(Windows/],
  ['a form and its text input', page('', '«<form» action="https://x.cn">«<input» type="text" name="q"></form>'), /`<form>` is not supported in Outlook \(Windows\)/],
  ['display:flex in a <style> rule and a style attribute, once', page('<style>.a { «display: flex»; }</style>', '<div style="display:flex">x</div>'), /`display:flex` is not supported in Outlook \(Windows\)\. Used 2 times/],
  ['position in a style attribute', page('', '<div style="«position»: absolute; top: 0">x</div>'), /`position` is not supported in Gmail/],
  ['CSS variables', page('', '<p style="color: «var»(--brand)">x</p>'), /`var\(\)` \(CSS Variables \(Custom Properties\)\) is not supported/],
  ['::before content', page('<style>.a«::before» { content: "→"; }</style>', '<p class="a">x</p>'), /`::before` is not supported in Gmail/],
  ['the hidden attribute', page('', '<p «hidden»>preheader</p>'), /`hidden` is not supported in Gmail/],
  ['rem units', page('', '<p style="font-size: 1.2«rem»">x</p>'), /`rem` is not supported in Outlook \(Windows\)/],
], [
  ['a table layout with inline styles in px, colours, fonts and images', page('', '<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="border-collapse:collapse"><tr><td align="center" valign="top" bgcolor="#ffffff" style="padding:16px 24px;font-family:Arial,sans-serif;font-size:16px;line-height:24px;color:#333333;background-color:#ffffff;border:1px solid #eeeeee;text-align:center"><img src="https://x.cn/a.png" width="120" height="40" alt="Logo" style="display:block;border:0;outline:none;text-decoration:none"><p style="margin:0 0 16px">Hi</p><span style="font-weight:bold">x</span><a href="https://x.cn" style="color:#0066cc;text-decoration:underline">Go</a></td></tr></table>')],
  ['progressive enhancements: @media, dark mode, :hover, shadows, rounded corners, transitions', page('<style>@media (max-width:600px) { .c { width:100% !important; } } @media (prefers-color-scheme: dark) { .c { color:#fff; } } a:hover { opacity:.8; } .b { border-radius:4px; box-shadow:0 1px 2px #000; transition: all .2s; }</style>', '<table class="c"><tr><td class="b">x</td></tr></table>')],
  ['framework resets and hybrid-layout properties', page('<style>* { box-sizing: border-box; } .col { float:left; overflow:hidden; } u + #body a { color: inherit; } div[style*="margin: 16px 0"] { margin:0 !important; }</style>', '<div class="col" style="opacity:1;clear:both;outline:none">x</div>')],
  ['what other checks report: SVG, background images, web fonts', page('<style>@font-face { font-family: X; src: url(https://x.cn/x.woff2); } p { font-family: X, Arial; } .h { background-image: url(https://x.cn/b.png); }</style>', '<svg width="10" height="10"></svg><td background="https://x.cn/b.png">x</td>')],
  ['features in comments, strings and variables', page('<style>/* display:flex; position:absolute */ .a { font-family: "display:flex"; }</style>', '<p style="color: {{color}}; /* var(--x) */">x</p>')],
  ['an email of plain text', html('Hello {{name}}')],
]);

describe('client-support grouping, settings and data', () => {
  it('gives one diagnostic per feature per part, at the first use, with the other uses as related information', () => {
    const run = runChecks([clientSupport], page('<style>.a { «display:flex»; } .b { display:flex; }</style>', '<div style="display: flex">x</div><video></video><div style="display:flex">y</div>'.replace('<video></video>', '«<video»></video>')));
    assertMarkedRanges(run);
    const flex = run.all.find((d) => messageOf(d).includes('display:flex')) as Diagnostic;
    assert.match(messageOf(flex), /Used 4 times/);
    assert.equal(flex.relatedInformation?.length, 3);
    const text = run.project.parts[0].document.getText();
    const document = run.project.parts[0].document;
    const starts = flex.relatedInformation!.map((r) => document.offsetAt(r.location.range.start));
    assert.deepEqual(starts, [text.indexOf('display:flex; }', text.indexOf('.b')), text.indexOf('display: flex'), text.lastIndexOf('display:flex')]);
    for (const r of flex.relatedInformation!) assert.equal(r.location.uri, ROOT + 'welcome.ses.html');
    assert.equal(flex.codeDescription?.href, 'https://www.caniemail.com/features/css-display-flex/');
    assert.deepEqual((flex.data as { feature: string }).feature, 'css-display-flex');
  });

  it('names only the target clients that lack the feature (sesStudio.clients: ids and families)', () => {
    const body = page('', '<video src="https://x.cn/a.mp4"></video>');
    const outlookWindows = runChecks([clientSupport], body, { settings: normaliseSettings({ clients: ['outlook-windows'] }) });
    assert.deepEqual(outlookWindows.all.map(messageOf), ['`<video>` is not supported in Outlook (Windows).']);
    const gmail = runChecks([clientSupport], body, { settings: normaliseSettings({ clients: ['Gmail'] }) });
    assert.match(messageOf(gmail.all[0]), /^`<video>` is not supported in Gmail \(Webmail, iOS, Android, Mobile webmail\)\.$/);
    // Apple Mail plays video: nothing to report.
    assert.deepEqual(runChecks([clientSupport], body, { settings: normaliseSettings({ clients: ['apple-mail'] }) }).all, []);
    // An empty list turns the check off; unknown names are ignored.
    assert.deepEqual(runChecks([clientSupport], body, { settings: normaliseSettings({ clients: [] }) }).all, []);
    assert.deepEqual(runChecks([clientSupport], body, { settings: normaliseSettings({ clients: ['no-such-client'] }) }).all, []);
  });

  it('never reports unknown support, nor a partial result whose note says nothing to write instead', () => {
    const body = page('<style>.a { display:flex; }</style>', '<video></video><div style="position:absolute">x</div>');
    assert.deepEqual(runChecks([clientSupport], body, { settings: normaliseSettings({ clients: [...CHINESE_FAMILIES] }) }).all, []);
    assert.equal(supportOf('html-video', 'qq-mail-desktop-webmail').support, 'u');
    assert.equal(supportOf('html-style', 'qq-mail-ios').source, 'unknown');
    // QQ Mail's webmail mishandles <style> (a 2024 report, "Buggy." like Outlook on Windows): shown in the hover only.
    const qq = supportOf('html-style', 'qq-mail-desktop-webmail');
    assert.equal(qq.support, 'a');
    assert.equal(actionableNote(qq.notes[0]), false);
  });

  it('says where a curated result comes from and when, for a finding that would rest on it', () => {
    assert.deepEqual(provenance('html-style', ['outlook-windows', 'qq-mail-desktop-webmail', 'qq-mail-ios']), [
      'QQ Mail (Webmail): this rests on an observation published in 2024 (blog.csdn.net) and may be out of date; the hover shows the source.',
    ]);
    // caniemail results and unknown curated results carry no such sentence.
    assert.deepEqual(provenance('html-style', ['gmail-mobile-webmail', 'netease-desktop-webmail']), []);
  });

  it('reports partial support only when its note says what to write instead', () => {
    assert.equal(actionableNote('Partial. Not supported with non Google accounts. But it can be used in the `background` shorthand property instead.'), true);
    assert.equal(actionableNote('Partial. `left` and `right` do not work on `<table>` elements. Use `float:left` or `float:right` styles instead.'), true);
    assert.equal(actionableNote('Works with `-webkit` prefix'), true);
    assert.equal(actionableNote('Partial. Not supported with non Google accounts.'), false);
    assert.equal(actionableNote('Buggy. VH values resolves to zero'), false);
  });

  it('resolves families to their clients and says which names are unknown', () => {
    assert.deepEqual(resolveClients(['gmail']), ['gmail-desktop-webmail', 'gmail-ios', 'gmail-android', 'gmail-mobile-webmail']);
    assert.deepEqual(resolveClients(['qq-mail']), ['qq-mail-desktop-webmail', 'qq-mail-ios', 'qq-mail-android']);
    assert.deepEqual(unknownClients(['gmail', 'outlook-windows', 'hotmale']), ['hotmale']);
    assert.equal(targetClients(undefined).length, 13 + 10);
  });

  it('has the default clients in package.json, and every family of them in the data', () => {
    const manifest = JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, { default: unknown }> } } };
    assert.deepEqual(manifest.contributes.configuration.properties['sesStudio.clients'].default, DEFAULT_CLIENTS);
    assert.deepEqual(unknownClients(DEFAULT_CLIENTS), []);
  });

  it('finds only features the caniemail data has', () => {
    for (const slug of DETECTED_SLUGS) assert.ok(featureInfo(slug), slug);
  });

  it('finds features at their offsets in elements, style attributes and <style>', () => {
    const text = '<style>@import url(a.css); .x::after{content:""} .y{display:grid;margin-inline:4px}</style><dialog open><p style="width:50vw!important">x</p></dialog><picture></picture>';
    const found = featureUses(text, parseHtml(text)).map((use) => `${use.slug} ${text.slice(use.start, use.end)}`);
    assert.deepEqual(found.sort(), [
      'css-at-import @import', 'css-display-grid display:grid', 'css-important !important', 'css-margin-inline-block margin-inline',
      'css-pseudo-element-after ::after', 'css-unit-vw vw', 'html-dialog <dialog', 'html-picture <picture', 'html-style <style',
    ]);
  });
});

describe('client-support: <style> stripped, and the quick fix that inlines it', () => {
  const styled = page('<style>.a { color: #333333; }</style>', '<p class="a">x</p>');

  it('reports <style> for target clients that strip it, not for the defaults (partial support, no actionable note)', () => {
    const run = runChecks([clientSupport], styled, { settings: normaliseSettings({ clients: ['gmail-mobile-webmail', 'outlook-windows'] }) });
    assert.deepEqual(run.all.map(messageOf), ['`<style>` is not supported in Gmail (Mobile webmail).']);
    const text = run.project.parts[0].document.getText();
    assert.equal(run.project.parts[0].document.offsetAt(run.all[0].range.start), text.indexOf('<style>'));
    assert.equal((run.all[0].data as { feature: string }).feature, 'html-style');
    assert.deepEqual(runChecks([clientSupport], styled).all, []);
  });

  it('offers "Inline the <style> rules" on that finding: the client command, for this template, nothing else', () => {
    const run = runChecks([clientSupport], styled, { settings: normaliseSettings({ clients: ['gmail-mobile-webmail'] }) });
    const uri = ROOT + 'welcome.ses.html';
    const [diagnostic] = run.all;
    const actions = codeActions(run.project, uri, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] });
    assert.deepEqual(actions.map((a) => a.title), ['Inline the <style> rules']);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].edit, undefined, 'juice runs in the client, never in the language server');
    assert.deepEqual(actions[0].command, { title: 'Inline the <style> rules', command: 'sesStudio.inlineCss', arguments: [uri] });
    assert.deepEqual(actions[0].diagnostics, [diagnostic]);
    // A client that sends the diagnostic back without its data: the text at the range says <style>.
    const bare = { ...diagnostic, data: undefined };
    assert.equal(codeActions(run.project, uri, bare.range, { diagnostics: [bare], only: ['quickfix'] }).length, 1);
    // Other client-support findings have no such fix.
    const video = runChecks([clientSupport], page('', '<video></video>'), { settings: normaliseSettings({ clients: ['gmail'] }) });
    assert.deepEqual(codeActions(video.project, uri, video.all[0].range, { diagnostics: video.all, only: ['quickfix'] }), []);
  });
});

describe('client-support data', () => {
  it('is caniemail 2.0.2, pinned in scripts/caniemail.mjs with its integrity', () => {
    assert.equal(DATA_VERSION, '2.0.2');
    assert.match(DATA_DATE, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(read('scripts/caniemail.mjs'), /VERSION = '2\.0\.2'/);
  });

  it('compacts the caniemail data: the newest version of each client, with the notes it refers to', async () => {
    const { compact } = (await import(pathToFileURL(path.join(REPO, 'scripts/caniemail.mjs')).href)) as { compact: (raw: unknown) => { clients: Array<{ id: string }>; features: Record<string, { stats: string; notes?: Record<string, string> }> } };
    const out = compact({
      last_update_date: '2026-05-13 14:45:41 +0000',
      nicenames: { family: { gmail: 'Gmail' }, platform: { ios: 'iOS' } },
      data: [{ slug: 'x', title: 'X', url: 'u', category: 'css', last_test_date: '2020-01-01', notes_by_num: { 1: 'old', 2: 'new' }, stats: { gmail: { ios: { '2019-01': 'n #1', '2020-01': 'a #2' }, 'desktop-webmail': { '2020-01': 'y' } } } }],
    });
    assert.deepEqual(out.clients.map((c) => c.id), ['gmail-ios', 'gmail-desktop-webmail']);
    assert.deepEqual(out.features.x, { title: 'X', url: 'u', category: 'css', lastTest: '2020-01-01', stats: 'a #2|y', notes: { 2: 'new' } });
  });

  it('curates the Chinese mailboxes with a source for every known result, and unknown otherwise', () => {
    const chinese = JSON.parse(read('server/src/service/clientSupport/chineseClients.json')) as { clients: Array<{ id: string; family: string; platform: string }>; data: Array<{ slug: string; stats: Record<string, Record<string, { support: string; source: string; observed?: string; note?: string }>> }> };
    const ids = new Set(chinese.clients.map((c) => c.id));
    for (const family of ['qq-mail', 'netease', 'foxmail', 'tencent-exmail', 'alibaba-mail']) assert.ok(chinese.clients.some((c) => c.family === family), family);
    assert.ok(chinese.data.length >= 8);
    for (const entry of chinese.data) {
      assert.ok(featureInfo(entry.slug), `${entry.slug}: a caniemail feature`);
      for (const [family, platforms] of Object.entries(entry.stats)) {
        for (const [platform, cell] of Object.entries(platforms)) {
          const where = `${entry.slug} ${family}-${platform}`;
          assert.ok(ids.has(`${family}-${platform}`), `${where}: a listed client`);
          assert.ok(['y', 'n', 'a', 'u'].includes(cell.support), where);
          assert.equal(typeof cell.source, 'string', where);
          if (cell.support === 'u') assert.equal(cell.source, 'unknown', `${where}: unknown support has no source`);
          else {
            assert.notEqual(cell.source, 'unknown', `${where}: a known result names its source`);
            assert.ok(cell.source.startsWith('https://') || cell.source.length >= 40, `${where}: a URL or a described observation`);
            // When it was published or observed, for the finding and the hover; the note says it too.
            assert.match(cell.observed ?? '', /^\d{4}(-\d{2}(-\d{2})?)?$/, `${where}: the year or date of the source`);
            assert.ok((cell.note ?? '').includes(cell.observed!.slice(0, 4)), `${where}: the note gives the date`);
            if (Number(cell.observed!.slice(0, 4)) < 2020) assert.match(cell.note!, /before 2020|old/i, `${where}: the note says the source is old`);
          }
          if (cell.support === 'a') assert.ok((cell.note ?? '').length > 0, `${where}: partial support says how`);
        }
      }
    }
    assert.ok(CLIENTS.some((c) => c.id === 'tencent-exmail-desktop-webmail'));
  });
});

describe('client-support hover and CLI', () => {
  it('shows the support table of the feature across the target clients, with the caniemail link and the data date', () => {
    const run = runChecks([clientSupport], page('', '<video src="https://x.cn/a.mp4"></video>'), { settings: normaliseSettings({ clients: ['outlook-windows', 'apple-mail-ios', 'apple-mail-macos', 'qq-mail-desktop-webmail'] }) });
    const [diagnostic] = run.all;
    const uri = ROOT + 'welcome.ses.html';
    const shown = hover(run.project, uri, diagnostic.range.start, { diagnostics: run.all });
    const value = (shown?.contents as { value: string }).value;
    assert.match(value, /\| Outlook Windows \| ✗ not supported \|/);
    assert.match(value, /\| Apple Mail iOS \| ◐ partly \| Partial support\. Requires the `controls` attribute to play\./);
    assert.match(value, /\| Apple Mail macOS \| ✓ supported \|/);
    assert.match(value, /^\*\*\\<video> element\*\*/);
    assert.match(value, /\| QQ Mail Webmail \| \? unknown \| source: unknown \|/);
    assert.match(value, /\(https:\/\/www\.caniemail\.com\/features\/html-video\/\)/);
    assert.ok(value.includes(`caniemail data of ${DATA_DATE} (caniemail 2.0.2)`));
    // Elsewhere, no table.
    const none = hover(run.project, uri, { line: 0, character: 1 }, { diagnostics: run.all });
    assert.ok(!(none?.contents as { value?: string } | undefined)?.value?.includes('caniemail'));
  });

  describe('a curated result with its source', () => {
    afterEach(() => l10n.config({ contents: {} }));
    const styleHover = () => {
      // Gmail's mobile webmail strips <style>: a finding to hover; QQ Mail's rows come from the curated data.
      const run = runChecks([clientSupport], page('<style>.a { color: #333333; }</style>', '<p class="a">x</p>'), { settings: normaliseSettings({ clients: ['gmail-mobile-webmail', 'qq-mail'] }) });
      assert.equal(run.all.length, 1);
      const shown = hover(run.project, ROOT + 'welcome.ses.html', run.all[0].range.start, { diagnostics: run.all });
      return { message: messageOf(run.all[0]), value: (shown?.contents as { value: string }).value };
    };

    it('is shown in the hover with what was observed, when, and the source', () => {
      const { message, value } = styleHover();
      // Partial without anything to write instead: the finding names Gmail only.
      assert.equal(message, '`<style>` is not supported in Gmail (Mobile webmail).');
      const row = value.split('\n').find((line) => line.startsWith('| QQ Mail Webmail |')) ?? '';
      assert.match(row, /^\| QQ Mail Webmail \| ◐ partly \| Buggy, as reported about 2024 .*prefixed the class names in its rules with "qm"/);
      assert.ok(row.includes('source: https://blog.csdn.net/weixin_44668640/article/details/142656126 (2024) |'), row);
      assert.match(value, /\| QQ Mail iOS \| \? unknown \| source: unknown \|/);
    });

    it('speaks Chinese with the zh-cn bundle', () => {
      l10n.config({ contents: loadServerL10n('zh-cn', path.join(REPO, 'l10n'))! });
      const { value } = styleHover();
      assert.ok(value.includes('来源：https://blog.csdn.net/weixin_44668640/article/details/142656126（2024）'), value);
      assert.deepEqual(provenance('html-style', ['qq-mail-desktop-webmail']), ['QQ 邮箱 (网页版)：此结论依据发表于 2024 的观察（blog.csdn.net），可能已经过时；来源见悬停提示。']);
    });
  });

  it('takes --clients as comma-separated or repeated ids and families, and refuses unknown ones', () => {
    const parsed = parseCliArgs(['--clients', 'gmail,outlook-windows', '--clients', 'QQ-Mail', 'x']);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.ok && parsed.options.clients, ['gmail', 'outlook-windows', 'qq-mail']);
    const wrong = parseCliArgs(['--clients', 'gmail,hotmale']);
    assert.ok(!wrong.ok && wrong.message.includes('hotmale'));
    assert.ok(!parseCliArgs(['--clients', ' , ']).ok);
    const settings = readSettingsText('{ "sesStudio.clients": ["gmail", "hotmale"] }');
    assert.ok(settings.ok);
    assert.ok(settings.ok && settings.warnings.some((w) => w.includes('hotmale')));
    assert.deepEqual(settings.ok && settings.layer.clients, ['gmail', 'hotmale']);
  });
});
