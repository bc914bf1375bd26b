import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { advertisingWording } from '../../server/src/service/checks/advertisingWording';
import { createLanguageService } from '../../server/src/service/languageService';

import { emailTooLarge, MAX_EMAIL_BYTES } from '../../server/src/service/checks/emailTooLarge';
import { GMAIL_CLIP_BYTES, htmlTooLarge } from '../../server/src/service/checks/htmlTooLarge';
import { missingTextPart } from '../../server/src/service/checks/missingTextPart';
import { missingUnsubscribe } from '../../server/src/service/checks/missingUnsubscribe';
import { reviewRefusedWording } from '../../server/src/service/checks/reviewRefusedWording';
import { shoutingSubject } from '../../server/src/service/checks/shoutingSubject';
import { countWords, tooLittleText } from '../../server/src/service/checks/tooLittleText';
import type { Check, Finding } from '../../server/src/service/checks/types';
import { htmlScript, unsupportedHtml } from '../../server/src/service/checks/unsupportedHtml';
import { normaliseSettings } from '../../server/src/service/settings';
import { loadServerL10n } from '../../server/src/serverL10n';
import { checkTable as table, html, messageOf, runChecks } from './checkHarness';
import { projectFromFiles } from './projects';

const text = (body: string, more?: Record<string, string>): Record<string, string> => ({ 'welcome.ses.txt': body, ...more });
const config = (subject: string, triggerType = 'transactional') => ({ 'ses.config.json': `{"templates": {"welcome": {"subject": "${subject}", "triggerType": "${triggerType}"}}}` });
const marketing = (subject = 'News') => config(subject, 'marketing');
/** `n` words of plain fixed text. */
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');



table(advertisingWording, DiagnosticSeverity.Warning, [
  ['English wording in the HTML text', html('<p>Get it «FREE» and «act now»!</p>'), /`FREE` reads as advertising/],
  ['the longest term', html('<p>Start your «free trial» or get a «free  gift».</p>')],
  ['a free offer beside quota wording elsewhere', html('<p>Get 2 months «free»! You have 1 free report remaining.</p>')],
  ['call-to-buy variants in Chinese', html('<p>«立刻购买»，«马上购买»，«买一送一»</p>')],
  ['Chinese wording', html('<p>双十一«限时»«秒杀»，«免费»«包邮»</p>'), /`限时` reads as advertising/],
  ['wording in the subject', { ...html('<p>Hello</p>'), ...config('«Limited time»: 50% off') }],
  ['wording in a text part', text('Hi {{name}},\nyou are a «winner»!')],
  ['100% off', html('<p>«100% off» today</p>')],
  ["don't miss out on an offer", html("<p>«Don't miss out» on our summer deals! «Don't miss out» on any reportsale.</p>")],
], [
  ['transactional wording', html('<p>Your order is confirmed. Feel free to reply. Your code takes 10% off.</p>')],
  ['instructional "click here" (link wording, not advertising)', html('<p>Click here to reset your password.</p>')],
  ['quotas and plans in an account notice', html('<p>You have 1 free report remaining. 3 free seats left on your free plan.</p>')],
  ['a price cell that reads only Free', html('<table><tr><td>Shipping</td><td> Free </td></tr><tr><td>运费</td><td>免费</td></tr></table>')],
  ["a usage alert: don't miss out on reports or updates", html("<p>Upgrade to ensure you don't miss out on any reports. Don't  miss out on your email updates.</p>")],
  ['words inside other words and toll-free numbers', html('<p>Freedom, freely, toll-free: 400-800</p>')],
  ['wording in a variable name', html('<p>{{free_gift}} {{click here}}</p>')],
  ['wording in an attribute, a comment or the title', html('<title>Free</title><!-- free --><img alt="free" src="https://x.cn/a.png">')],
  ['loyalty wording (积分, 兑换, 会员)', html('<p>本月累计积分 100 分，可兑换会员礼品。</p>')],
]);

describe('advertising-wording with sesStudio.advertisingWords', () => {
  const found = (words: unknown, body: string) => {
    const { project } = projectFromFiles({ 'welcome.ses.html': body });
    const findings: Finding[] = [];
    const settings = normaliseSettings({ advertisingWords: words });
    advertisingWording.run({ project, report: (_document, finding) => findings.push(finding), settings } as Parameters<Check['run']>[0]);
    return findings.map((f) => body.slice(f.start, f.end));
  };
  it('finds the user words, Chinese anywhere and others as whole words', () => {
    assert.deepEqual(found(['618', ' flash deal ', '狂欢节'], '<p>618 Flash  Deal 狂欢节 6180 is free</p>'), ['618', 'Flash  Deal', '狂欢节', 'free']);
  });
  it('ignores settings that are not strings', () => {
    assert.deepEqual(normaliseSettings({ advertisingWords: [1, '', ' x ', null] }).advertisingWords, ['x']);
    assert.equal(normaliseSettings({ advertisingWords: 'free' }).advertisingWords, undefined);
  });
});

table(reviewRefusedWording, DiagnosticSeverity.Error, [
  ['gambling wording', html('<p>Join our «casino» and «sports betting»</p>'), /`casino` is lottery, gambling/],
  ['Chinese lottery and top-up wording', html('<p>«彩票»开奖，«充值返利»，«刷单»兼职</p>')],
  ['phishing wording in the subject', { ...html('<p>x</p>'), ...config('Please «verify your account» now') }],
  ['phishing wording in a text part', text('您的«账户将被冻结»')],
], [
  ['ordinary notifications', html('<p>Verify your email address. Your account is ready. 请验证您的邮箱。</p>')],
]);

table(shoutingSubject, DiagnosticSeverity.Warning, [
  ['an all-caps subject', { ...html('<p>x</p>'), ...config('«BIG NEWS FOR {{name}}»') }, /capital letters/],
  ['runs of exclamation marks', html('<p>Hello«!!» 你好«！！！» mixed«!！»</p>'), /repeated exclamation marks/],
  ['runs in the subject and a text part', { ...text('Hi«!!!»'), ...config('Hi«!!»') }],
], [
  ['a sentence-case subject with an acronym', { ...html('<p>Hello!</p>'), ...config('Your VIP order from ACME') }],
  ['a short all-caps subject', { ...html('<p>x</p>'), ...config('OK {{name}}') }],
  ['a Chinese subject', { ...html('<p>x</p>'), ...config('双十一活动') }],
  ['the !! of a Laravel Blade tag (foreign-placeholder reports the tag)', html('<p>Hello {!! $name !!}, welcome.</p>')],
]);

table(missingUnsubscribe, DiagnosticSeverity.Warning, [
  ['a marketing template without unsubscribe', html('«<p>Big news</p>»', marketing()), /SendEmail option `Unsubscribe`/],
  ['marketing with an HTML and a text part: reported on the HTML', { ...html('«<p>News</p>»'), 'welcome.ses.txt': 'News', ...marketing() }],
], [
  ['a transactional template', html('<p>Big news</p>', config('x'))],
  ['no triggerType', html('<p>Big news</p>')],
  ['an unsubscribe link', html('<a href="https://x.cn/unsubscribe?u={{u}}">here</a>', marketing())],
  ['Chinese 退订', html('<p>回复 TD 退订</p>', marketing())],
  ['取消订阅 in the text part', { ...html('<p>x</p>'), 'welcome.ses.txt': '取消订阅：https://x.cn/u', ...marketing() }],
]);

table(tooLittleText, DiagnosticSeverity.Warning, [
  ['a short notification', html(`<«body»><p>${words(40)}</p></body>`, config('Hello')), /about 41 words of fixed text .* fewer than the 50/],
  ['one word, in the singular', html('<«body»><p>{{name}}</p></body>', { ...config('Hello'), 'welcome.data.json': '{"name": "x"}' }), /about 1 word of fixed text .* fewer than the 50/],
  ['a short marketing email', html(`<«body»><p>${words(140)}</p></body>`, marketing('Hello')), /marketing template has about 141 words .* fewer than the 150/],
  ['Chinese marketing text, one word per character', html(`<«body»><p>${'感谢您的支持'.repeat(20)}</p></body>`, marketing('会员活动')), /about 124 words/],
  ['a text part only', text(`«${words(10)} {{a}}»`)],
  ['mostly variables', html(`<«body»>${words(50)} ${'{{a}} '.repeat(20)}</body>`, { 'welcome.data.json': '{"a": "x"}' }), /20 variables for about 50 words/],
], [
  ['a notification of 50 words across subject, HTML and text', { ...html(`<p>${words(20)}</p>`), 'welcome.ses.txt': words(20), ...config(words(10)) }],
  ['a marketing email of 150 words', html(`<p>${words(150)}</p>`, marketing())],
  ['variables do not count but do not hide text', html(`<p>{{a}} ${words(60)}</p>`)],
]);

describe('word counting', () => {
  it('counts CJK characters one each, and other runs of letters and digits as one', () => {
    assert.equal(countWords('Hello, world! 你好世界 11 月 11 日 don’t &nbsp; e-mail'), 2 + 4 + 1 + 1 + 1 + 1 + 1 + 2);
  });
});

table(missingTextPart, DiagnosticSeverity.Information, [
  ['an HTML part alone', html('«<!DOCTYPE html>»\n<p>x</p>'), /no text part.*`welcome\.ses\.txt`/],
], [
  ['both parts', { ...html('<p>x</p>'), 'welcome.ses.txt': 'x' }],
  ['a text part alone', text('x')],
]);

table(htmlScript, DiagnosticSeverity.Error, [
  ['a script element', html('<p>x</p><«script» src="https://x.cn/a.js"></script><«SCRIPT»>alert(1)</SCRIPT>'), /never run `<script>`/],
], [['script as text', html('<p>&lt;script&gt; in text</p><!-- <script> -->')]]);

table(unsupportedHtml, DiagnosticSeverity.Warning, [
  ['frames and embeds', html('<«iframe» src="https://x.cn"></iframe><«embed» src="https://x.cn/a.swf">'), /Most email clients remove `<iframe>`/],
  ['an external stylesheet and @import', html('<«link» rel="stylesheet" href="https://x.cn/a.css"><style>«@import» url(https://x.cn/b.css);</style>'), /no external CSS/],
  ['a web font', html('<style>@font-face { font-family: X; src: url(«https://x.cn/x.woff2») format("woff2"); } p { font-family: X; }</style>'), /A web font from `https:\/\/x\.cn\/x\.woff2`/],
], [
  ['tables, images and inline styles', html('<table><tr><td style="position:relative;color:red"><img src="https://x.cn/a.png"></td></tr></table>')],
  ['forms, objects, media and position: client-support reports them from the data', html('<form><object></object><video></video><audio></audio></form><div style="position:fixed">x</div>')],
  ['a preconnect link and a web font with local()', html('<link rel="preconnect" href="https://x.cn"><style>@font-face { src: local(Arial); } .b { background: url(https://x.cn/b.png) }</style>')],
]);

describe('size checks', () => {
  it('html-too-large reports where Gmail clips, and is quiet at the limit', () => {
    const line = 'x'.repeat(99) + '\n';
    const atLimit = line.repeat(GMAIL_CLIP_BYTES / 100) + 'x'.repeat(GMAIL_CLIP_BYTES % 100);
    assert.deepEqual(runChecks([htmlTooLarge], { 'welcome.ses.html': atLimit }).all, []);
    const run = runChecks([htmlTooLarge], { 'welcome.ses.html': atLimit + 'y\n<p>more</p>' });
    assert.equal(run.all.length, 1);
    assert.equal(run.all[0].severity, DiagnosticSeverity.Warning);
    assert.match(messageOf(run.all[0]), /This HTML is 102 KB, over the 102 KB at which Gmail clips/);
    const document = projectFromFiles({ 'welcome.ses.html': atLimit + 'y\n<p>more</p>' }).documents.get('welcome.ses.html')!;
    assert.deepEqual(run.all[0].range.start, document.positionAt(atLimit.length));
  });
  it('html-too-large counts UTF-8 bytes: Chinese text is 3 bytes a character', () => {
    assert.equal(runChecks([htmlTooLarge], { 'welcome.ses.html': '中'.repeat(GMAIL_CLIP_BYTES / 3 + 10) }).all.length, 1);
    assert.equal(runChecks([htmlTooLarge], { 'welcome.ses.html': 'x'.repeat(GMAIL_CLIP_BYTES / 3 + 10), 'welcome.ses.txt': 'x'.repeat(GMAIL_CLIP_BYTES * 2) }).all.length, 0);
  });
  it('email-too-large reports HTML and text together over 4 MB, on the largest part', () => {
    const half = 'x'.repeat(MAX_EMAIL_BYTES / 2);
    assert.deepEqual(runChecks([emailTooLarge], { 'welcome.ses.html': half, 'welcome.ses.txt': half }).all, []);
    const run = runChecks([emailTooLarge], { 'welcome.ses.html': half, 'welcome.ses.txt': half + 'xx' });
    assert.equal(run.all.length, 1);
    assert.equal(run.all[0].severity, DiagnosticSeverity.Error);
    assert.ok(run.byUri.get('file:///w/welcome.ses.txt')!.length === 1);
    assert.match(messageOf(run.all[0]), /total 4\.0 MB, over the 4\.0 MB/);
  });
});

describe('advertising and review checks in Simplified Chinese', () => {
  afterEach(() => l10n.config({ contents: {} }));
  it('speak Simplified Chinese with the zh-cn bundle', () => {
    const contents = loadServerL10n('zh-cn', path.join(__dirname, '..', '..', '..', 'l10n'));
    assert.ok(contents);
    l10n.config({ contents });
    const messages = runChecks([advertisingWording, reviewRefusedWording, missingUnsubscribe, tooLittleText], html('<p>免费 彩票</p>', marketing('活动'))).all.map(messageOf);
    assert.deepEqual(messages, [
      '`免费` 属于广告用语：腾讯企业邮会拦截广告邮件，垃圾邮件过滤器也会对此类用语扣分。除非确有必要，请不要使用。',
      '`彩票` 属于彩票、博彩、充值返利或钓鱼用语：腾讯审核会拒绝含有此类内容的模板。请改写或删除。',
      '此营销模板没有退订链接或退订说明。请添加，或在发送时使用 SendEmail 的 `Unsubscribe` 选项让腾讯云自动添加退订链接；无法退订的收件人会把邮件标为垃圾邮件。',
      '此营销模板约有 6 个词的固定文字（主题与各部分，不含变量），少于腾讯审核为识别发件方所要求的 150 个。请补充关于您的业务和活动内容的文字。',
    ]);
  });
});

describe('sesStudio.advertisingWords through the language service', () => {
  it('reaches the advertising-wording check from the settings', () => {
    const { project } = projectFromFiles({ 'welcome.ses.txt': 'Hi {{name}}, our blowout weekend starts now.', 'welcome.data.json': '{ "name": "Alex" }' });
    const service = createLanguageService([advertisingWording]);
    const uri = project.parts[0].uri;
    assert.deepEqual(service.validate(project, normaliseSettings({})).get(uri), []);
    const found = service.validate(project, normaliseSettings({ advertisingWords: ['blowout'] })).get(uri) ?? [];
    assert.equal(found.length, 1);
    assert.match(String(found[0].message), /blowout/);
  });
});
