import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CHECKS } from '../../server/src/service/checks';
import { runChecks } from './checkHarness';

const HTML_CHECKS = CHECKS.filter((check) => /^(image-|link-|too-many-images$)/.test(check.meta.id));
const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
const read = (file: string) => fs.readFileSync(path.join(EXAMPLES, file), 'utf8');

describe('image and link checks on the examples', () => {
  it('are all registered', () => assert.equal(HTML_CHECKS.length, 18));

  for (const [name, expected] of [
    ['order-confirmation', []],
    ['welcome', []],
    ['double-eleven-promo', []],
  ] as const) {
    it(`find exactly what is expected in ${name}`, () => {
      const files: Record<string, string> = { [`${name}.ses.html`]: read(`${name}.ses.html`) };
      for (const file of fs.readdirSync(EXAMPLES)) if (file.startsWith(`${name}.data.`)) files[file] = read(file);
      const run = runChecks(HTML_CHECKS, files);
      assert.deepEqual(run.all.map((d) => `${d.code}: ${d.message}`), expected);
    });
  }
});

describe('image and link checks on bad input', () => {
  it('a 2 MB part with 100,000 tags, unclosed', () => {
    const row = '<td><img src="a{{x}}.png"><a href=http://x.cn/{{x}} title>l</a><div style="background:url(b.png)">';
    let text = '';
    while (text.length < 1_990_000) text += row;
    const tags = (text.match(/</g) ?? []).length;
    assert.ok(tags >= 100_000, `${tags} tags`);
    const run = runChecks(CHECKS, { 'welcome.ses.html': text, 'welcome.data.json': '{"x": "1"}' });
    const codes = new Set(run.all.map((d) => d.code));
    for (const code of ['image-relative-url', 'link-insecure', 'too-many-images', 'image-css-background']) assert.ok(codes.has(code), code);
  });

  it('unclosed tags, attributes without values, stray brackets and binary junk', () => {
    const junk = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff + 1)).join('');
    for (const text of [
      '<img src',
      '<img src=',
      '<a href="{{x',
      '<a href=\'https://x.cn\'>' + '<'.repeat(10_000),
      '<style>' + 'url('.repeat(10_000),
      '<' + 'a '.repeat(50_000),
      '<img ' + 'alt '.repeat(50_000) + '>',
      junk,
      '<a href="https://x.cn">' + '{{'.repeat(10_000),
    ]) {
      assert.doesNotThrow(() => runChecks(CHECKS, { 'welcome.ses.html': text, 'welcome.data.json': '{"x": "1"}' }), text.slice(0, 30));
    }
  });
});

const DELIVERABILITY_CHECKS = CHECKS.filter((check) =>
  ['advertising-wording', 'review-refused-wording', 'shouting-subject', 'missing-unsubscribe', 'too-little-text', 'html-script', 'unsupported-html', 'missing-text-part', 'html-too-large', 'email-too-large'].includes(check.meta.id));

describe('advertising, review, HTML and size checks on the examples', () => {
  it('are all registered', () => assert.equal(DELIVERABILITY_CHECKS.length, 10));

  for (const [name, expected] of [
    ['order-confirmation', []],
    ['welcome', []],
    // 积分 (points), 兑换 (redeem), 会员 (member) are loyalty wording, not advertising (see wordingLists.ts);
    // the email has an unsubscribe link. It is short for a marketing email, and has no text part.
    ['double-eleven-promo', [
      'too-little-text: This marketing template has about 97 words of fixed text (subject and parts, without variables), fewer than the 150 that Tencent review asks for so that the sender is recognisable. Add text about your business and the offer.',
      'missing-text-part: This template has an HTML part but no text part. Tencent recommends both: clients that show no HTML, and some spam filters, use the text. Add `double-eleven-promo.ses.txt`.',
    ]],
  ] as const) {
    it(`find exactly what is expected in ${name}, with its subject and triggerType`, () => {
      const files: Record<string, string> = { [`${name}.ses.html`]: read(`${name}.ses.html`) };
      for (const file of fs.readdirSync(EXAMPLES)) if (file.startsWith(`${name}.data.`) || file === `${name}.ses.txt`) files[file] = read(file);
      files['ses.config.json'] = read('ses.config.json');
      const run = runChecks(DELIVERABILITY_CHECKS, files);
      assert.deepEqual(run.all.map((d) => `${d.code}: ${typeof d.message === 'string' ? d.message : d.message.value}`), expected);
    });
  }
});
